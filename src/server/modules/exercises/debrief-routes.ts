import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import { crisisKitRoutes } from './crisis-kit-routes.js';
import {
  afterSchema,
  animatorLessonBody,
  debriefBody,
  debriefCellParams,
  myAfterParams,
  myDebriefParams,
  questionnaireBody,
} from './debrief-schema.js';
import { DebriefService } from './debrief-service.js';
import { exerciseIn } from './exercises-repo.js';
import { exerciseParams } from './exercises-schema.js';
import { exerciseScopes, scopeFrom } from './exercises-scopes.js';
import { incidentRoutes } from './incidents-routes.js';
import { accountOf } from './play-routes.js';
import { PlayerAccess } from './players-space.js';
import { exerciseReportPdf, reportMaterial } from './report-pdf.js';

const tags = ['exercises'];
const signedIn = { access: access.signedIn() };

/** After the exercise (and real incidents): debriefs, lessons, evaluation, measured times, closing and the report (docs/api-exercises.md). */
export async function debriefRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const service = new DebriefService(deps);
  const players = new PlayerAccess(deps);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await incidentRoutes(fastify, deps);
  await crisisKitRoutes(fastify, deps);

  for (const s of exerciseScopes) {
    const one = `${s.base}/:exerciseId`;
    const load = (request: Parameters<typeof scopeFrom>[1], id: string) => exerciseIn(deps.db, scopeFrom(s, request), id);
    app.get(
      `${one}/after`,
      { config: s.observe, schema: { tags, params: exerciseParams, response: { 200: afterSchema } } },
      async (request) => service.summary(await load(request, request.params.exerciseId)),
    );
    app.put(
      `${one}/after/debriefs/:cellId`,
      { config: s.manage, schema: { tags, params: debriefCellParams, body: debriefBody, response: { 200: afterSchema } } },
      async (request) =>
        service.writeDebrief(contextOf(request), await load(request, request.params.exerciseId), request.params.cellId, request.body),
    );
    app.post(
      `${one}/after/lessons`,
      { config: s.manage, schema: { tags, params: exerciseParams, body: animatorLessonBody, response: { 201: afterSchema } } },
      async (request, reply) => {
        const ex = await load(request, request.params.exerciseId);
        const author = { accountId: accountOf(request), source: 'animators' as const, ownCellId: null };
        return reply.status(201).send(await service.addLesson(contextOf(request), ex, request.body, author));
      },
    );
    app.post(
      `${one}/after/close`,
      { config: s.manage, schema: { tags, params: exerciseParams, response: { 200: afterSchema } } },
      async (request) => service.close(contextOf(request), await load(request, request.params.exerciseId)),
    );
    app.get(`${one}/report.pdf`, { config: s.observe, schema: { tags, params: exerciseParams } }, async (request, reply) => {
      const ex = await load(request, request.params.exerciseId);
      const [after, material] = await Promise.all([service.summary(ex), reportMaterial(deps.db, ex.id)]);
      const pdf = await exerciseReportPdf(ex, after, material, request.locale, deps.clock.now());
      const name = request.locale === 'en' ? 'exercise-report' : 'rapport-exercice';
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}-${(ex.ended_at ?? ex.created_at).slice(0, 10)}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    });
  }

  // The players' side: their cell's hot debrief, and the questionnaire (anonymous if they wish).
  app.put(
    '/api/me/exercises/:exerciseId/cells/:cellId/debrief',
    { config: signedIn, schema: { tags, params: myDebriefParams, body: debriefBody, response: { 204: z.null() } } },
    async (request, reply) => {
      const p = await players.cell(accountOf(request), request.params.exerciseId, request.params.cellId);
      await service.writeDebrief(contextOf(request), p.exercise, request.params.cellId, request.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/me/exercises/:exerciseId/lessons',
    { config: signedIn, schema: { tags, params: myAfterParams, body: questionnaireBody, response: { 204: z.null() } } },
    async (request, reply) => {
      const accountId = accountOf(request);
      const p = await players.placement(accountId, request.params.exerciseId);
      const { anonymous, ...input } = request.body;
      const author = { accountId: anonymous ? null : accountId, source: 'questionnaire' as const, ownCellId: p.cellId };
      await service.addLesson(contextOf(request), p.exercise, input, author);
      return reply.status(204).send(null);
    },
  );
}
