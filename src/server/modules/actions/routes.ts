import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import { schedulerOf } from '../../platform/jobs/scheduler.js';
import type { ModuleDeps, RempartModule } from '../index.js';
import { ActionEvidence } from './evidence.js';
import { ACTION_REMINDERS_JOB, sendActionReminders } from './reminders.js';
import {
  actionDetailSchema,
  actionPageSchema,
  actionParams,
  actionsQuery,
  boardSchema,
  createActionBody,
  evidenceParams,
  noteBody,
  orgParams,
  progressSchema,
  rollupSchema,
  territoryParams,
  updateActionBody,
} from './schema.js';
import { ActionsService } from './service.js';
import { actionEvidenceUploadRoute } from './upload-route.js';
import { ActionViews } from './views.js';

const tags = ['actions'];
const read = { access: access.org('actions.read') };
const manage = { access: access.org('actions.manage') };

/** The organization's single action plan and its territory roll-up (docs/api-actions.md). */
async function actionRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  schedulerOf(fastify, deps).register(ACTION_REMINDERS_JOB, async () => {
    await sendActionReminders(deps);
  });
  const service = new ActionsService(deps);
  const views = new ActionViews(deps);
  const evidence = new ActionEvidence(deps, service);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/orgs/:orgId/actions';
  const one = `${base}/:actionId`;

  app.get(
    base,
    { config: read, schema: { tags, params: orgParams, querystring: actionsQuery, response: { 200: actionPageSchema } } },
    async (request) => views.list(request.params.orgId, request.query),
  );
  app.get(
    `${base}/export.csv`,
    {
      config: read,
      schema: { tags, params: orgParams, querystring: actionsQuery, description: 'The filtered list as CSV (semicolons, UTF-8 BOM).' },
    },
    async (request, reply) => {
      const day = deps.clock.now().toISOString().slice(0, 10);
      const csv = await views.csv(request.params.orgId, request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.locale === 'en' ? 'action-plan' : 'plan-d-action'}-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
  app.get(
    `${base}/board`,
    { config: read, schema: { tags, params: orgParams, querystring: actionsQuery, response: { 200: boardSchema } } },
    async (request) => views.board(request.params.orgId, request.query),
  );
  app.get(`${base}/progress`, { config: read, schema: { tags, params: orgParams, response: { 200: progressSchema } } }, async (request) =>
    views.progress(request.params.orgId),
  );
  app.post(
    base,
    { config: manage, schema: { tags, params: orgParams, body: createActionBody, response: { 201: actionDetailSchema } } },
    async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.params.orgId, request.body)),
  );
  app.get(one, { config: read, schema: { tags, params: actionParams, response: { 200: actionDetailSchema } } }, async (request) =>
    service.get(request.params.orgId, request.params.actionId),
  );
  app.patch(
    one,
    { config: manage, schema: { tags, params: actionParams, body: updateActionBody, response: { 200: actionDetailSchema } } },
    async (request) => service.update(contextOf(request), request.params.orgId, request.params.actionId, request.body),
  );
  app.post(
    `${one}/notes`,
    { config: manage, schema: { tags, params: actionParams, body: noteBody, response: { 201: actionDetailSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.addNote(contextOf(request), request.params.orgId, request.params.actionId, request.body.body)),
  );
  app.get(
    `${one}/evidence/:evidenceId`,
    { config: read, schema: { tags, params: evidenceParams, description: 'The file itself (attachment).' } },
    async (request, reply) => {
      const file = await evidence.download(request.params.orgId, request.params.actionId, request.params.evidenceId);
      const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );
  app.get(
    '/api/territories/:territoryId/actions/rollup',
    { config: { access: access.territory('actions.read') }, schema: { tags, params: territoryParams, response: { 200: rollupSchema } } },
    async (request) => views.rollup(request.params.territoryId),
  );
  await fastify.register(async (scope) => actionEvidenceUploadRoute(scope, deps, evidence));
}

export const actionsModule: RempartModule = { name: 'actions', register: actionRoutes };
