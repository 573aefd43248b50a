import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import type { AppDeps } from '../../platform/context.js';
import { dashboardCsv, dashboardPdf } from './dashboard-export.js';
import { regionalDashboardSchema, regionalQuery, regionParams, territoryDashboardSchema, territoryParams } from './dashboard-schema.js';
import { DashboardService } from './dashboard-service.js';

const tags = ['territory: dashboards'];

/** Territory and regional dashboards and the committee exports (docs/api-territory.md, Dashboards). */
export function dashboardRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new DashboardService(deps);
  const read = { access: access.territory('territory.read') };

  app.get(
    '/api/territories/:territoryId/dashboard',
    { config: read, schema: { tags, params: territoryParams, response: { 200: territoryDashboardSchema } } },
    async (request) => service.territory(request.params.territoryId),
  );

  app.get(
    '/api/territories/:territoryId/dashboard.csv',
    { config: read, schema: { tags, params: territoryParams, description: 'Members x domains as CSV (semicolons, UTF-8 BOM).' } },
    async (request, reply) => {
      const d = await service.territory(request.params.territoryId);
      const name = request.locale === 'en' ? 'territory-dashboard' : 'tableau-de-bord-territoire';
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-${d.generatedAt.slice(0, 10)}.csv"`)
        .header('cache-control', 'no-store')
        .send(dashboardCsv(d, request.locale));
    },
  );

  app.get(
    '/api/territories/:territoryId/dashboard.pdf',
    { config: read, schema: { tags, params: territoryParams, description: 'Members x domains for the security committee (PDF).' } },
    async (request, reply) => {
      const d = await service.territory(request.params.territoryId);
      const name = request.locale === 'en' ? 'territory-dashboard' : 'tableau-de-bord-territoire';
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}-${d.generatedAt.slice(0, 10)}.pdf"`)
        .header('cache-control', 'no-store')
        .send(await dashboardPdf(d, request.locale));
    },
  );

  app.get(
    '/api/territories/:territoryId/regional-dashboard',
    {
      config: read,
      schema: {
        tags,
        params: regionParams,
        querystring: regionalQuery,
        description: 'For a territory of kind region: every GHT and CPTS with the same region, aggregated over sharing members.',
        response: { 200: regionalDashboardSchema },
      },
    },
    async (request) => service.regional(request.actor ?? null, request.params.territoryId, request.query),
  );
}
