import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { type AppDeps, contextOf } from '../../platform/context.js';
import { groupBody, groupPageSchema, groupPreviewBody, groupPreviewSchema, groupSchema, groupsQuery } from './groups-schema.js';
import { GroupsService } from './groups-service.js';
import { orgItemParams, orgParams } from './library-schema.js';

const tags = ['phishing: groups'];
const rule = { access: access.org('phishing.manage') };

export function groupRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new GroupsService(deps);

  app.get(
    '/api/orgs/:orgId/phishing/groups',
    { config: rule, schema: { tags, params: orgParams, querystring: groupsQuery, response: { 200: groupPageSchema } } },
    async (request) => service.list(request.params.orgId, request.query),
  );

  app.post(
    '/api/orgs/:orgId/phishing/groups/preview',
    { config: rule, schema: { tags, params: orgParams, body: groupPreviewBody, response: { 200: groupPreviewSchema } } },
    async (request) => service.preview(request.params.orgId, request.body.criteria),
  );

  app.post(
    '/api/orgs/:orgId/phishing/groups',
    { config: rule, schema: { tags, params: orgParams, body: groupBody, response: { 201: groupSchema } } },
    async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.params.orgId, request.body)),
  );

  app.get(
    '/api/orgs/:orgId/phishing/groups/:id',
    { config: rule, schema: { tags, params: orgItemParams, response: { 200: groupSchema } } },
    async (request) => service.get(request.params.orgId, request.params.id),
  );

  app.put(
    '/api/orgs/:orgId/phishing/groups/:id',
    { config: rule, schema: { tags, params: orgItemParams, body: groupBody, response: { 200: groupSchema } } },
    async (request) => service.update(contextOf(request), request.params.orgId, request.params.id, request.body),
  );

  app.delete('/api/orgs/:orgId/phishing/groups/:id', { config: rule, schema: { tags, params: orgItemParams } }, async (request, reply) => {
    await service.delete(contextOf(request), request.params.orgId, request.params.id);
    return reply.status(204).send();
  });
}
