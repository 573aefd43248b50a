import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/context.js';
import type { GroupInput, GroupsQuery } from './groups-schema.js';
import { groupBody, groupPageSchema, groupPreviewBody, groupPreviewSchema, groupSchema, groupsQuery } from './groups-schema.js';
import { GroupsService } from './groups-service.js';
import { crudRoutes } from './library-item-routes.js';
import { orgScope } from './territory-scopes.js';

const tags = ['phishing: groups'];

/** Target groups and exclusion lists are an organization's own: no territory routes. */
export function groupRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new GroupsService(deps);

  app.post(
    `${orgScope.prefix}/groups/preview`,
    {
      config: { access: orgScope.rule },
      schema: { tags, params: orgScope.params, body: groupPreviewBody, response: { 200: groupPreviewSchema } },
    },
    async (request) => service.preview(orgScope.tenantOf(request).id, request.body.criteria),
  );

  const spec = { path: 'groups', tags, query: groupsQuery, page: groupPageSchema, item: groupSchema, body: groupBody };
  crudRoutes(
    fastify,
    { ...spec, read: [orgScope], write: [orgScope] },
    {
      list: (tenant, query) => service.list(tenant.id, query as GroupsQuery),
      get: (tenant, id) => service.get(tenant.id, id),
      create: (ctx, tenant, body) => service.create(ctx, tenant.id, body as GroupInput),
      update: (ctx, tenant, id, body) => service.update(ctx, tenant.id, id, body as GroupInput),
      remove: (ctx, tenant, id) => service.delete(ctx, tenant.id, id),
    },
  );
}
