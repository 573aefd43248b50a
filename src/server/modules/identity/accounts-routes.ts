import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { type AppDeps, contextOf } from '../../platform/context.js';
import { AccountsService } from './accounts-service.js';
import {
  accountPageSchema,
  accountParams,
  accountPatchBody,
  accountSchema,
  accountsQuery,
  grantCreatedSchema,
  grantParams,
  orgGrantParams,
  orgParams,
  platformGrantBody,
  scopedGrantBody,
  territoryGrantParams,
  territoryParams,
} from './schema.js';

const tags = ['identity: accounts'];
const noContent = { 204: z.null() };

export function accountRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new AccountsService(deps);

  // Organization ------------------------------------------------------------------------------
  app.get(
    '/api/orgs/:orgId/accounts',
    {
      config: { access: access.org('accounts.manage') },
      schema: { tags, params: orgParams, querystring: accountsQuery, response: { 200: accountPageSchema } },
    },
    async (request) => service.list({ kind: 'organization', id: request.params.orgId }, request.query),
  );

  app.post(
    '/api/orgs/:orgId/grants',
    {
      config: { access: access.org('accounts.manage') },
      schema: { tags, params: orgParams, body: scopedGrantBody, response: { 201: grantCreatedSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.grantOnScope(contextOf(request), { kind: 'organization', id: request.params.orgId }, request.body)),
  );

  app.delete(
    '/api/orgs/:orgId/grants/:grantId',
    { config: { access: access.org('accounts.manage') }, schema: { tags, params: orgGrantParams, response: noContent } },
    async (request, reply) => {
      await service.revoke(contextOf(request), { kind: 'organization', id: request.params.orgId }, request.params.grantId);
      return reply.status(204).send(null);
    },
  );

  // Territory ---------------------------------------------------------------------------------
  app.get(
    '/api/territories/:territoryId/accounts',
    {
      config: { access: access.territory('territory.manage') },
      schema: { tags, params: territoryParams, querystring: accountsQuery, response: { 200: accountPageSchema } },
    },
    async (request) => service.list({ kind: 'territory', id: request.params.territoryId }, request.query),
  );

  app.post(
    '/api/territories/:territoryId/grants',
    {
      config: { access: access.territory('territory.manage') },
      schema: { tags, params: territoryParams, body: scopedGrantBody, response: { 201: grantCreatedSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.grantOnScope(contextOf(request), { kind: 'territory', id: request.params.territoryId }, request.body)),
  );

  app.delete(
    '/api/territories/:territoryId/grants/:grantId',
    { config: { access: access.territory('territory.manage') }, schema: { tags, params: territoryGrantParams, response: noContent } },
    async (request, reply) => {
      await service.revoke(contextOf(request), { kind: 'territory', id: request.params.territoryId }, request.params.grantId);
      return reply.status(204).send(null);
    },
  );

  // Platform ----------------------------------------------------------------------------------
  app.get(
    '/api/platform/accounts',
    {
      config: { access: access.platform('platform.manage') },
      schema: { tags, querystring: accountsQuery, response: { 200: accountPageSchema } },
    },
    async (request) => service.list(null, request.query),
  );

  app.patch(
    '/api/platform/accounts/:accountId',
    {
      config: { access: access.platform('platform.manage') },
      schema: { tags, params: accountParams, body: accountPatchBody, response: { 200: accountSchema } },
    },
    async (request) => service.setActive(contextOf(request), request.params.accountId, request.body.active),
  );

  app.post(
    '/api/platform/accounts/:accountId/unlock',
    { config: { access: access.platform('platform.manage') }, schema: { tags, params: accountParams, response: { 200: accountSchema } } },
    async (request) => service.unlock(contextOf(request), request.params.accountId),
  );

  app.post(
    '/api/platform/accounts/:accountId/reset-totp',
    { config: { access: access.platform('platform.manage') }, schema: { tags, params: accountParams, response: { 200: accountSchema } } },
    async (request) => service.resetTotp(contextOf(request), request.params.accountId),
  );

  app.post(
    '/api/platform/grants',
    {
      config: { access: access.platform('platform.manage') },
      schema: { tags, body: platformGrantBody, response: { 201: grantCreatedSchema } },
    },
    async (request, reply) => reply.status(201).send(await service.grantOnPlatform(contextOf(request), request.body)),
  );

  app.delete(
    '/api/platform/grants/:grantId',
    { config: { access: access.platform('platform.manage') }, schema: { tags, params: grantParams, response: noContent } },
    async (request, reply) => {
      await service.revoke(contextOf(request), null, request.params.grantId);
      return reply.status(204).send(null);
    },
  );
}
