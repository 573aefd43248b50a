import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import type { ModuleDeps } from '../index.js';
import { orgMetricsCsv, orgMetricsPdf, territoryMetricsCsv } from './metrics-report.js';
import { metricsQuery, orgMetricsParams, orgMetricsSchema, territoryMetricsParams, territoryMetricsSchema } from './metrics-schema.js';
import { MetricsService } from './metrics-service.js';

const tags = ['learning: metrics'];

/**
 * Aggregates only (stats.read: organization admins, managers, territory coordinators); a manager
 * gets those of their own service (metrics-access.ts). There is deliberately no per-person route:
 * groups under 5 people are suppressed by the service.
 */
export function learningMetricsRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new MetricsService(deps);
  const day = () => deps.clock.now().toISOString().slice(0, 10);

  app.get(
    '/api/orgs/:orgId/learning/metrics',
    {
      config: { access: access.org('stats.read') },
      schema: { tags, params: orgMetricsParams, querystring: metricsQuery, response: { 200: orgMetricsSchema } },
    },
    async (request) => {
      const view = await service.viewOf(request.actor, request.params.orgId);
      return service.orgMetrics(request.params.orgId, request.query.by, request.locale, view);
    },
  );

  app.get(
    '/api/orgs/:orgId/learning/metrics.csv',
    { config: { access: access.org('stats.read') }, schema: { tags, params: orgMetricsParams, querystring: metricsQuery } },
    async (request, reply) => {
      const view = await service.viewOf(request.actor, request.params.orgId);
      const { by } = request.query;
      const metrics = await service.orgMetrics(request.params.orgId, by, request.locale, view);
      const name = request.locale === 'en' ? 'learning-metrics' : 'indicateurs-sensibilisation';
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-${by}-${day()}.csv"`)
        .header('cache-control', 'no-store')
        .send(orgMetricsCsv(metrics, by, request.locale));
    },
  );

  app.get(
    '/api/orgs/:orgId/learning/report.pdf',
    { config: { access: access.org('stats.read') }, schema: { tags, params: orgMetricsParams } },
    async (request, reply) => {
      const view = await service.viewOf(request.actor, request.params.orgId);
      const metrics = await service.orgMetrics(request.params.orgId, 'role_family', request.locale, view);
      const pdf = await orgMetricsPdf(metrics, request.locale, deps.clock.now());
      const name = request.locale === 'en' ? 'awareness-report' : 'rapport-sensibilisation';
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}-${day()}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/territories/:territoryId/learning/metrics',
    {
      config: { access: access.territory('stats.read') },
      schema: { tags, params: territoryMetricsParams, response: { 200: territoryMetricsSchema } },
    },
    async (request) => service.territoryMetrics(request.params.territoryId),
  );

  app.get(
    '/api/territories/:territoryId/learning/metrics.csv',
    { config: { access: access.territory('stats.read') }, schema: { tags, params: territoryMetricsParams } },
    async (request, reply) => {
      const metrics = await service.territoryMetrics(request.params.territoryId);
      const name = request.locale === 'en' ? 'territory-learning-metrics' : 'indicateurs-sensibilisation-territoire';
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-${day()}.csv"`)
        .header('cache-control', 'no-store')
        .send(territoryMetricsCsv(metrics, request.locale));
    },
  );
}
