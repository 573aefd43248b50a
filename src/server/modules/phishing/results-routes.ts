import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import type { ModuleDeps } from '../index.js';
import { orgParams } from './campaign-schema.js';
import { campaignResultsCsv } from './results-csv.js';
import { campaignResultsPdf } from './results-pdf.js';
import { PeopleResultsService } from './results-people.js';
import { recipientsPageSchema, recipientsQuery, repeatClickersPageSchema, repeatClickersQuery } from './results-people-schema.js';
import {
  campaignResultsSchema,
  resultsParams,
  resultsQuery,
  territoryResultsParams,
  territoryResultsSchema,
  trendsQuery,
  trendsSchema,
} from './results-schema.js';
import { ResultsService } from './results-service.js';
import { TerritoryResultsService } from './results-territory.js';
import { TrendsService } from './results-trends.js';

const tags = ['phishing: results'];

/**
 * Aggregated results (stats.read: organization admins, managers for their service, territory
 * coordinators of a sharing member): groups under 5 targets are suppressed by the services.
 * Per-person results (recipients, repeat clickers) need phishing.individual: the organization's
 * security admins only.
 */
export function phishingResultsRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new ResultsService(deps);
  const people = new PeopleResultsService(deps);
  const trends = new TrendsService(deps);
  const territory = new TerritoryResultsService(deps);
  const day = () => deps.clock.now().toISOString().slice(0, 10);
  const base = '/api/orgs/:orgId/phishing/campaigns/:id';

  app.get(
    `${base}/results`,
    {
      config: { access: access.org('stats.read') },
      schema: { tags, params: resultsParams, querystring: resultsQuery, response: { 200: campaignResultsSchema } },
    },
    async (request) => service.results(request.actor, request.params.orgId, request.params.id, request.query.by, request.locale),
  );

  app.get(
    `${base}/results.csv`,
    { config: { access: access.org('stats.read') }, schema: { tags, params: resultsParams, querystring: resultsQuery } },
    async (request, reply) => {
      const { orgId, id } = request.params;
      const results = await service.results(request.actor, orgId, id, request.query.by, request.locale);
      const name = request.locale === 'en' ? 'phishing-results' : 'resultats-hameconnage';
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-${request.query.by}-${day()}.csv"`)
        .header('cache-control', 'no-store')
        .send(campaignResultsCsv(results, request.locale));
    },
  );

  app.get(
    `${base}/report.pdf`,
    { config: { access: access.org('stats.read') }, schema: { tags, params: resultsParams, querystring: resultsQuery } },
    async (request, reply) => {
      const { orgId, id } = request.params;
      const results = await service.results(request.actor, orgId, id, request.query.by, request.locale);
      const org = await deps.db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
      const pdf = await campaignResultsPdf(results, org.name, request.locale, deps.clock.now());
      const name = request.locale === 'en' ? 'phishing-report' : 'rapport-hameconnage';
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}-${day()}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    `${base}/recipients`,
    {
      config: { access: access.org('phishing.individual') },
      schema: { tags, params: resultsParams, querystring: recipientsQuery, response: { 200: recipientsPageSchema } },
    },
    async (request) => people.recipients(request.params.orgId, request.params.id, request.query),
  );

  app.get(
    '/api/orgs/:orgId/phishing/repeat-clickers',
    {
      config: { access: access.org('phishing.individual') },
      schema: { tags, params: orgParams, querystring: repeatClickersQuery, response: { 200: repeatClickersPageSchema } },
    },
    async (request) => people.repeatClickers(request.params.orgId, request.query),
  );

  app.get(
    '/api/orgs/:orgId/phishing/trends',
    {
      config: { access: access.org('stats.read') },
      schema: { tags, params: orgParams, querystring: trendsQuery, response: { 200: trendsSchema } },
    },
    async (request) => trends.trends(request.actor, request.params.orgId, request.query.limit),
  );

  app.get(
    '/api/territories/:territoryId/phishing/campaigns/:id/results',
    {
      config: { access: access.territory('stats.read') },
      schema: { tags, params: territoryResultsParams, response: { 200: territoryResultsSchema } },
    },
    async (request) => territory.results(request.params.territoryId, request.params.id, request.locale),
  );
}
