import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import type { ModuleDeps } from '../index.js';
import { campaignResultsCsv } from './results-csv.js';
import { campaignResultsSchema, resultsParams, resultsQuery } from './results-schema.js';
import { ResultsService } from './results-service.js';

const tags = ['phishing: results'];

/**
 * Aggregated results of a campaign (stats.read: organization admins, managers for their service,
 * territory coordinators of a sharing member). No figure about one person: groups under 5 targets
 * are suppressed by the service; per-person results live behind phishing.individual elsewhere.
 */
export function phishingResultsRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new ResultsService(deps);
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
}
