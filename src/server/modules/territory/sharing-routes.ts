import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { type AppDeps, contextOf } from '../../platform/context.js';
import {
  memberSharingSchema,
  orgParams,
  orgSharingSchema,
  orgTerritoryParams,
  sharingBody,
  territoryParams,
  territorySharingSchema,
} from './sharing-schema.js';
import { SharingService } from './sharing-service.js';

const tags = ['territory: sharing'];

/** The member organization's own consent page: only its admins change it (docs/api-territory.md). */
export function sharingRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new SharingService(deps);

  app.get(
    '/api/orgs/:orgId/territory-sharing',
    { config: { access: access.org('org.read') }, schema: { tags, params: orgParams, response: { 200: orgSharingSchema } } },
    async (request) => ({ items: await service.listForOrg(request.params.orgId) }),
  );

  app.put(
    '/api/orgs/:orgId/territory-sharing/:territoryId',
    {
      config: { access: access.org('org.manage') },
      schema: { tags, params: orgTerritoryParams, body: sharingBody, response: { 200: territorySharingSchema } },
    },
    async (request) => service.update(contextOf(request), request.params.orgId, request.params.territoryId, request.body),
  );

  app.get(
    '/api/territories/:territoryId/sharing',
    {
      config: { access: access.territory('territory.read') },
      schema: { tags, params: territoryParams, response: { 200: memberSharingSchema } },
    },
    async (request) => service.byMember(request.params.territoryId),
  );
}
