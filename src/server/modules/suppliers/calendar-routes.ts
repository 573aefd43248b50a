import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { type AppDeps, contextOf } from '../../platform/context.js';
import { calendarQuery, calendarSchema, triggeredAuditSchema } from './calendar-schema.js';
import { CalendarService } from './calendar-service.js';
import { contractParams, triggeredAuditBody } from './contracts-schema.js';
import type { ContractsService } from './contracts-service.js';
import { orgParams } from './register-schema.js';

const tags = ['suppliers: calendar'];
const manage = { access: access.org('suppliers.manage') };

export function calendarRoutes(fastify: FastifyInstance, deps: AppDeps, contracts: ContractsService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const calendar = new CalendarService(deps, contracts);

  app.get(
    '/api/orgs/:orgId/suppliers/calendar',
    { config: manage, schema: { tags, params: orgParams, querystring: calendarQuery, response: { 200: calendarSchema } } },
    async (request) => calendar.calendar(request.params.orgId, request.query),
  );
  app.post(
    '/api/orgs/:orgId/suppliers/contracts/:contractId/triggered-audit',
    { config: manage, schema: { tags, params: contractParams, body: triggeredAuditBody, response: { 201: triggeredAuditSchema } } },
    async (request, reply) => {
      const { orgId, contractId } = request.params;
      const out = await calendar.trigger(contextOf(request), orgId, contractId, request.body.reason, request.body.note);
      return reply.status(201).send(out);
    },
  );
}
