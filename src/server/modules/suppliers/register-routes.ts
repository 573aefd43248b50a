import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import { schedulerOf } from '../../platform/jobs/scheduler.js';
import type { ModuleDeps } from '../index.js';
import { CALENDAR_JOB, planDueAudits } from './calendar-job.js';
import { calendarRoutes } from './calendar-routes.js';
import { contractRoutes } from './contracts-routes.js';
import { ContractsService } from './contracts-service.js';
import { HDS_ALERT_JOB, sendHdsAlerts } from './register-hds-alerts.js';
import { RegisterPartsService } from './register-parts-service.js';
import { subcontractorTree } from './register-present.js';
import {
  childParams,
  contactBody,
  contactSchema,
  createSupplierBody,
  hdsBody,
  hdsSchema,
  orgParams,
  subcontractorBody,
  subcontractorSchema,
  supplierDetailSchema,
  supplierPageSchema,
  supplierParams,
  suppliersQuery,
  updateSupplierBody,
} from './register-schema.js';
import { RegisterService } from './register-service.js';

const tags = ['suppliers: register'];
const manage = { access: access.org('suppliers.manage') };

/** The register (providers, HDS certificates, subcontractors, contacts), contracts, clauses and the audit calendar. */
export function supplierRegisterRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const jobs = schedulerOf(fastify, deps);
  jobs.register(HDS_ALERT_JOB, () => sendHdsAlerts(deps));
  jobs.register(CALENDAR_JOB, async () => {
    await planDueAudits(deps, (m) => fastify.log.warn(m));
  });

  const register = new RegisterService(deps);
  const parts = new RegisterPartsService(deps, register);
  const contracts = new ContractsService(deps, register);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/orgs/:orgId/suppliers';

  app.get(
    base,
    { config: manage, schema: { tags, params: orgParams, querystring: suppliersQuery, response: { 200: supplierPageSchema } } },
    async (request) => register.list(request.params.orgId, request.query),
  );
  app.post(
    base,
    { config: manage, schema: { tags, params: orgParams, body: createSupplierBody, response: { 201: supplierDetailSchema } } },
    async (request, reply) => reply.status(201).send(await register.create(contextOf(request), request.params.orgId, request.body)),
  );
  app.get(
    `${base}/:supplierId`,
    { config: manage, schema: { tags, params: supplierParams, response: { 200: supplierDetailSchema } } },
    async (request) => register.get(request.params.orgId, request.params.supplierId),
  );
  app.patch(
    `${base}/:supplierId`,
    { config: manage, schema: { tags, params: supplierParams, body: updateSupplierBody, response: { 200: supplierDetailSchema } } },
    async (request) => register.update(contextOf(request), request.params.orgId, request.params.supplierId, request.body),
  );
  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${base}/:supplierId/${verb}`,
      { config: manage, schema: { tags, params: supplierParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await register.setArchived(contextOf(request), request.params.orgId, request.params.supplierId, archived);
        return reply.status(204).send(null);
      },
    );
  }

  // HDS certificates
  app.post(
    `${base}/:supplierId/hds-certificates`,
    { config: manage, schema: { tags, params: supplierParams, body: hdsBody, response: { 201: hdsSchema } } },
    async (request, reply) =>
      reply.status(201).send(await parts.saveHds(contextOf(request), request.params.orgId, request.params.supplierId, request.body)),
  );
  app.put(
    `${base}/:supplierId/hds-certificates/:childId`,
    { config: manage, schema: { tags, params: childParams, body: hdsBody, response: { 200: hdsSchema } } },
    async (request) =>
      parts.saveHds(contextOf(request), request.params.orgId, request.params.supplierId, request.body, request.params.childId),
  );

  // Subcontractors: each change answers with the whole tree.
  const tree = z.object({ id: z.string(), subcontractors: z.array(subcontractorSchema) });
  const withTree = async (supplierId: string, id: string) => ({
    id,
    subcontractors: subcontractorTree(await register.repo.subcontractors(deps.db, supplierId)),
  });
  app.post(
    `${base}/:supplierId/subcontractors`,
    { config: manage, schema: { tags, params: supplierParams, body: subcontractorBody, response: { 201: tree } } },
    async (request, reply) => {
      const { orgId, supplierId } = request.params;
      const { id } = await parts.saveSubcontractor(contextOf(request), orgId, supplierId, request.body);
      return reply.status(201).send(await withTree(supplierId, id));
    },
  );
  app.put(
    `${base}/:supplierId/subcontractors/:childId`,
    { config: manage, schema: { tags, params: childParams, body: subcontractorBody, response: { 200: tree } } },
    async (request) => {
      const { orgId, supplierId, childId } = request.params;
      await parts.saveSubcontractor(contextOf(request), orgId, supplierId, request.body, childId);
      return withTree(supplierId, childId);
    },
  );

  // Contacts
  app.post(
    `${base}/:supplierId/contacts`,
    { config: manage, schema: { tags, params: supplierParams, body: contactBody, response: { 201: contactSchema } } },
    async (request, reply) =>
      reply.status(201).send(await parts.saveContact(contextOf(request), request.params.orgId, request.params.supplierId, request.body)),
  );
  app.put(
    `${base}/:supplierId/contacts/:childId`,
    { config: manage, schema: { tags, params: childParams, body: contactBody, response: { 200: contactSchema } } },
    async (request) =>
      parts.saveContact(contextOf(request), request.params.orgId, request.params.supplierId, request.body, request.params.childId),
  );

  for (const [segment, part] of [
    ['hds-certificates', 'hds'],
    ['subcontractors', 'subcontractor'],
    ['contacts', 'contact'],
  ] as const) {
    app.delete(
      `${base}/:supplierId/${segment}/:childId`,
      { config: manage, schema: { tags, params: childParams, response: { 204: z.null() } } },
      async (request, reply) => {
        const { orgId, supplierId, childId } = request.params;
        await parts.removePart(contextOf(request), orgId, supplierId, part, childId);
        return reply.status(204).send(null);
      },
    );
  }

  contractRoutes(fastify, deps, contracts);
  calendarRoutes(fastify, deps, contracts);
}
