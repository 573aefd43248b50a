import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import type { ModuleDeps } from '../index.js';
import { dashboardQuery, orgDashboardSchema, territoryDashboardSchema, territoryParams } from './dashboard-schema.js';
import { DashboardService } from './dashboard-service.js';
import { orgParams } from './review-schema.js';

const tags = ['suppliers: dashboard'];

/** Provider risk dashboards: an organization's and a territory's (aggregates of its sharing members). */
export function supplierDashboardRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new DashboardService(deps);

  app.get(
    '/api/orgs/:orgId/suppliers/dashboard',
    {
      config: { access: access.org('suppliers.read') },
      schema: { tags, params: orgParams, querystring: dashboardQuery, response: { 200: orgDashboardSchema } },
    },
    async (request) => service.organization(request.params.orgId, request.query.fresh === 'true'),
  );

  app.get(
    '/api/territories/:territoryId/suppliers/dashboard',
    {
      config: { access: access.territory('suppliers.read') },
      schema: { tags, params: territoryParams, querystring: dashboardQuery, response: { 200: territoryDashboardSchema } },
    },
    async (request) => service.territory(request.params.territoryId, request.query.fresh === 'true'),
  );
}
