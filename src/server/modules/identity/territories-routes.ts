import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { type AppDeps, contextOf } from '../../platform/context.js';
import { actorOf } from './organizations-routes.js';
import {
  createTerritoryBody,
  memberBody,
  memberParams,
  territoriesQuery,
  territoryDetailSchema,
  territoryMemberSchema,
  territoryPageSchema,
  territoryParams,
  updateTerritoryBody,
} from './schema.js';
import { TerritoriesService } from './territories-service.js';

const tags = ['identity: territories'];

export function territoryRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new TerritoriesService(deps);

  app.get(
    '/api/territories',
    { config: { access: access.signedIn() }, schema: { tags, querystring: territoriesQuery, response: { 200: territoryPageSchema } } },
    async (request) => service.list(actorOf(request), request.query),
  );

  app.post(
    '/api/territories',
    {
      config: { access: access.platform('platform.manage') },
      schema: { tags, body: createTerritoryBody, response: { 201: territoryDetailSchema } },
    },
    async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  );

  app.get(
    '/api/territories/:territoryId',
    {
      config: { access: access.territory('territory.read') },
      schema: { tags, params: territoryParams, response: { 200: territoryDetailSchema } },
    },
    async (request) => service.get(request.params.territoryId),
  );

  app.patch(
    '/api/territories/:territoryId',
    {
      config: { access: access.territory('territory.manage') },
      schema: { tags, params: territoryParams, body: updateTerritoryBody, response: { 200: territoryDetailSchema } },
    },
    async (request) => service.update(contextOf(request), request.params.territoryId, request.body),
  );

  app.put(
    '/api/territories/:territoryId/members/:orgId',
    {
      config: { access: access.territory('territory.manage') },
      schema: { tags, params: memberParams, body: memberBody, response: { 200: territoryMemberSchema } },
    },
    async (request) => service.setMember(contextOf(request), request.params.territoryId, request.params.orgId, request.body),
  );

  app.delete(
    '/api/territories/:territoryId/members/:orgId',
    { config: { access: access.territory('territory.manage') }, schema: { tags, params: memberParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.removeMember(contextOf(request), request.params.territoryId, request.params.orgId);
      return reply.status(204).send(null);
    },
  );
}
