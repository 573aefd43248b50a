import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import { auditCostsSchema, auditParams, budgetQuery, budgetSchema, costBody, costParams, orgParams } from './costs-schema.js';
import { CostsService } from './costs-service.js';

const tags = ['suppliers: costs'];
const audit = { access: access.org('suppliers.audit') };

/** Audit costs with their split by the clause, and the yearly budget. */
export function supplierCostsRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new CostsService(deps);
  const costs = '/api/orgs/:orgId/suppliers/audits/:auditId/costs';

  app.get(costs, { config: audit, schema: { tags, params: auditParams, response: { 200: auditCostsSchema } } }, async (request) =>
    service.ofAudit(request.params.orgId, request.params.auditId),
  );

  app.post(
    costs,
    { config: audit, schema: { tags, params: auditParams, body: costBody, response: { 201: auditCostsSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.add(contextOf(request), request.params.orgId, request.params.auditId, request.body)),
  );

  app.delete(
    `${costs}/:costId`,
    { config: audit, schema: { tags, params: costParams, response: { 200: auditCostsSchema } } },
    async (request) => service.remove(contextOf(request), request.params.orgId, request.params.auditId, request.params.costId),
  );

  app.get(
    '/api/orgs/:orgId/suppliers/budget',
    { config: audit, schema: { tags, params: orgParams, querystring: budgetQuery, response: { 200: budgetSchema } } },
    async (request) => service.budget(request.params.orgId, request.query.year ?? deps.clock.now().getUTCFullYear()),
  );
}
