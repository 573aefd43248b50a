import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import {
  auditParams,
  findingListSchema,
  findingParams,
  findingSchema,
  findingsQuery,
  openFindingBody,
  planBody,
  stepDoneBody,
  stepParams,
} from './findings-schema.js';
import { FindingsService } from './findings-service.js';
import { orgParams } from './review-schema.js';

const tags = ['suppliers: findings'];
const audit = { access: access.org('suppliers.audit') };

/** Findings of an audit, the organization's feed of findings, remediation plans and closure. */
export function supplierFindingsRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new FindingsService(deps);
  const one = '/api/orgs/:orgId/suppliers/findings/:findingId';
  const establishment = (orgId: string) => ({ side: 'establishment' as const, organizationId: orgId });

  app.get(
    '/api/orgs/:orgId/suppliers/audits/:auditId/findings',
    { config: audit, schema: { tags, params: auditParams, response: { 200: z.object({ items: z.array(findingSchema) }) } } },
    async (request) => ({ items: await service.ofAudit(request.params.orgId, request.params.auditId) }),
  );

  app.post(
    '/api/orgs/:orgId/suppliers/audits/:auditId/findings',
    { config: audit, schema: { tags, params: auditParams, body: openFindingBody, response: { 201: findingSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.open(contextOf(request), request.params.orgId, request.params.auditId, request.body)),
  );

  app.get(
    '/api/orgs/:orgId/suppliers/findings',
    { config: audit, schema: { tags, params: orgParams, querystring: findingsQuery, response: { 200: findingListSchema } } },
    async (request) => service.ofOrganization(request.params.orgId, request.query),
  );

  app.get(one, { config: audit, schema: { tags, params: findingParams, response: { 200: findingSchema } } }, async (request) =>
    service.get(request.params.orgId, request.params.findingId),
  );

  app.put(
    `${one}/plan`,
    { config: audit, schema: { tags, params: findingParams, body: planBody, response: { 200: findingSchema } } },
    async (request) => {
      const { orgId, findingId } = request.params;
      await service.proposePlan(contextOf(request), establishment(orgId), findingId, request.body);
      return service.get(orgId, findingId);
    },
  );

  app.post(
    `${one}/plan/agree`,
    { config: audit, schema: { tags, params: findingParams, response: { 200: findingSchema } } },
    async (request) => {
      const { orgId, findingId } = request.params;
      await service.agreePlan(contextOf(request), establishment(orgId), findingId);
      return service.get(orgId, findingId);
    },
  );

  app.post(
    `${one}/steps/:stepId/done`,
    { config: audit, schema: { tags, params: stepParams, body: stepDoneBody, response: { 200: findingSchema } } },
    async (request) => {
      const { orgId, findingId, stepId } = request.params;
      await service.stepDone(contextOf(request), establishment(orgId), findingId, stepId, request.body.evidenceId);
      return service.get(orgId, findingId);
    },
  );

  app.post(`${one}/close`, { config: audit, schema: { tags, params: findingParams, response: { 200: findingSchema } } }, async (request) =>
    service.close(contextOf(request), request.params.orgId, request.params.findingId),
  );
}
