import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import type { ModuleDeps, RempartModule } from '../index.js';
import { questionsIn } from './answers.js';
import { MaturityHeatmap } from './heatmap.js';
import { referentialSchema } from './referential.js';
import { ReferentialStore, syncReferential } from './referential-store.js';
import { diagnosticPdf } from './report-pdf.js';
import {
  actionResultSchema,
  answersBody,
  createBody,
  diagnosticPageSchema,
  diagnosticParams,
  diagnosticSchema,
  heatmapSchema,
  listQuery,
  orgParams,
  recommendationParams,
  referentialQuery,
  territoryParams,
} from './schema.js';
import { DiagnosticsService } from './service.js';

const tags = ['maturity'];
const read = { access: access.org('maturity.read') };
const manage = { access: access.org('maturity.manage') };
const referentialResponse = referentialSchema.extend({ versionId: z.string(), variant: z.enum(['full', 'short']) });

/** Maturity diagnostics, their restitution and the territory heatmap (docs/api-maturity.md). */
async function maturityRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const sync = await syncReferential(deps.db, deps.clock.now().toISOString());
  if (sync.drift)
    fastify.log.warn(
      { version: sync.version },
      'content/maturity/referential.yaml changed without a version bump: the stored version is kept',
    );
  const service = new DiagnosticsService(deps);
  const heatmap = new MaturityHeatmap(deps);
  const store = new ReferentialStore();
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/orgs/:orgId/maturity/diagnostics';
  const one = `${base}/:id`;

  app.get(
    '/api/maturity/referential',
    { config: { access: access.signedIn() }, schema: { tags, querystring: referentialQuery, response: { 200: referentialResponse } } },
    async (request) => {
      const { versionId, ref } = await store.current(deps.db);
      const variant = request.query.variant;
      return { ...ref, questions: questionsIn(ref, variant), versionId, variant };
    },
  );
  app.get(
    base,
    { config: read, schema: { tags, params: orgParams, querystring: listQuery, response: { 200: diagnosticPageSchema } } },
    async (request) => service.list(request.params.orgId, request.query),
  );
  app.post(
    base,
    { config: manage, schema: { tags, params: orgParams, body: createBody, response: { 201: diagnosticSchema } } },
    async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.params.orgId, request.body.variant)),
  );
  app.get(one, { config: read, schema: { tags, params: diagnosticParams, response: { 200: diagnosticSchema } } }, async (request) =>
    service.get(request.params.orgId, request.params.id),
  );
  app.patch(
    one,
    { config: manage, schema: { tags, params: diagnosticParams, body: answersBody, response: { 200: diagnosticSchema } } },
    async (request) => service.saveAnswers(contextOf(request), request.params.orgId, request.params.id, request.body.answers),
  );
  app.post(
    `${one}/complete`,
    { config: manage, schema: { tags, params: diagnosticParams, response: { 200: diagnosticSchema } } },
    async (request) => service.complete(contextOf(request), request.params.orgId, request.params.id),
  );
  app.get(`${one}/report.pdf`, { config: read, schema: { tags, params: diagnosticParams } }, async (request, reply) => {
    const d = await service.get(request.params.orgId, request.params.id);
    const org = await deps.db.selectFrom('organizations').select('name').where('id', '=', request.params.orgId).executeTakeFirst();
    if (!org) throw new NotFound('organization');
    const pdf = await diagnosticPdf(d, org.name, request.locale, deps.clock.now());
    const name = request.locale === 'en' ? 'maturity-diagnostic' : 'diagnostic-maturite';
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${name}-${(d.completedAt ?? d.createdAt).slice(0, 10)}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
  app.post(
    `${one}/recommendations/:recId/action`,
    { config: manage, schema: { tags, params: recommendationParams, response: { 200: actionResultSchema, 201: actionResultSchema } } },
    async (request, reply) => {
      const result = await service.toAction(contextOf(request), request.params.orgId, request.params.id, request.params.recId);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
  app.get(
    '/api/territories/:territoryId/maturity/heatmap',
    { config: { access: access.territory('maturity.read') }, schema: { tags, params: territoryParams, response: { 200: heatmapSchema } } },
    async (request) => heatmap.of(request.params.territoryId),
  );
}

export const maturityModule: RempartModule = {
  name: 'maturity',
  register: (app, deps) => maturityRoutes(app, deps),
};
