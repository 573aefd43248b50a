import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { type AppDeps, contextOf } from '../../platform/context.js';
import { contractGapsSchema, gapsOf } from './clauses-gaps.js';
import { modelClauses, modelClausesResponse } from './clauses-library.js';
import {
  contractDetailSchema,
  contractPageSchema,
  contractParams,
  contractsQuery,
  createContractBody,
  updateContractBody,
} from './contracts-schema.js';
import type { ContractsService } from './contracts-service.js';
import { orgParams, supplierParams } from './register-schema.js';

const tags = ['suppliers: contracts'];
const manage = { access: access.org('suppliers.manage') };

export function contractRoutes(fastify: FastifyInstance, deps: AppDeps, contracts: ContractsService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/orgs/:orgId/suppliers';

  app.get(
    `${base}/model-clauses`,
    { config: manage, schema: { tags, params: orgParams, response: { 200: modelClausesResponse } } },
    async () => modelClauses(),
  );
  app.get(
    `${base}/contracts`,
    { config: manage, schema: { tags, params: orgParams, querystring: contractsQuery, response: { 200: contractPageSchema } } },
    async (request) => contracts.list(request.params.orgId, request.query),
  );
  app.post(
    `${base}/:supplierId/contracts`,
    { config: manage, schema: { tags, params: supplierParams, body: createContractBody, response: { 201: contractDetailSchema } } },
    async (request, reply) =>
      reply.status(201).send(await contracts.create(contextOf(request), request.params.orgId, request.params.supplierId, request.body)),
  );
  app.get(
    `${base}/contracts/:contractId`,
    { config: manage, schema: { tags, params: contractParams, response: { 200: contractDetailSchema } } },
    async (request) => contracts.get(request.params.orgId, request.params.contractId),
  );
  app.patch(
    `${base}/contracts/:contractId`,
    { config: manage, schema: { tags, params: contractParams, body: updateContractBody, response: { 200: contractDetailSchema } } },
    async (request) => contracts.update(contextOf(request), request.params.orgId, request.params.contractId, request.body),
  );
  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${base}/contracts/:contractId/${verb}`,
      { config: manage, schema: { tags, params: contractParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await contracts.setArchived(contextOf(request), request.params.orgId, request.params.contractId, archived);
        return reply.status(204).send(null);
      },
    );
  }
  app.get(
    `${base}/contracts/:contractId/gaps`,
    { config: manage, schema: { tags, params: contractParams, response: { 200: contractGapsSchema } } },
    async (request) => {
      const { orgId, contractId } = request.params;
      await contracts.require(deps.db, orgId, contractId);
      const [one] = await gapsOf(deps.db, orgId, deps.clock.now(), contractId);
      return one!;
    },
  );
  app.get(
    `${base}/gaps`,
    { config: manage, schema: { tags, params: orgParams, response: { 200: z.object({ items: z.array(contractGapsSchema) }) } } },
    async (request) => ({ items: await gapsOf(deps.db, request.params.orgId, deps.clock.now()) }),
  );
}
