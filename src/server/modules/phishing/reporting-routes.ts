import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import { TriageService } from './reporting/triage.js';
import { decisionBody, reportPageSchema, reportParams, reportSchema, reportsParams, reportsQuery } from './reporting-schema.js';

const tags = ['phishing: reports'];

/** Triage of the suspicious emails staff forwarded to the reporting address (phishing.manage). */
export function phishingReportingRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new TriageService(deps);

  app.get(
    '/api/orgs/:orgId/phishing/reports',
    {
      config: { access: access.org('phishing.manage') },
      schema: { tags, params: reportsParams, querystring: reportsQuery, response: { 200: reportPageSchema } },
    },
    async (request) => service.list(request.params.orgId, request.query),
  );

  app.put(
    '/api/orgs/:orgId/phishing/reports/:id',
    {
      config: { access: access.org('phishing.manage') },
      schema: { tags, params: reportParams, body: decisionBody, response: { 200: reportSchema } },
    },
    async (request) => service.decide(contextOf(request), request.params.orgId, request.params.id, request.body),
  );
}
