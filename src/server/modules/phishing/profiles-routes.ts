import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { type AppDeps, contextOf } from '../../platform/context.js';
import { orgItemParams, orgParams } from './library-schema.js';
import { profileBody, profilePageSchema, profileSchema, profilesQuery, profileTestBody, profileTestSchema } from './profiles-schema.js';
import { ProfilesService } from './profiles-service.js';

const tags = ['phishing: sending profiles'];
const rule = { access: access.org('phishing.manage') };

export function profileRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new ProfilesService(deps);

  app.get(
    '/api/orgs/:orgId/phishing/profiles',
    { config: rule, schema: { tags, params: orgParams, querystring: profilesQuery, response: { 200: profilePageSchema } } },
    async (request) => service.list(request.params.orgId, request.query),
  );

  app.post(
    '/api/orgs/:orgId/phishing/profiles',
    { config: rule, schema: { tags, params: orgParams, body: profileBody, response: { 201: profileSchema } } },
    async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.params.orgId, request.body)),
  );

  app.get(
    '/api/orgs/:orgId/phishing/profiles/:id',
    { config: rule, schema: { tags, params: orgItemParams, response: { 200: profileSchema } } },
    async (request) => service.get(request.params.orgId, request.params.id),
  );

  app.put(
    '/api/orgs/:orgId/phishing/profiles/:id',
    { config: rule, schema: { tags, params: orgItemParams, body: profileBody, response: { 200: profileSchema } } },
    async (request) => service.update(contextOf(request), request.params.orgId, request.params.id, request.body),
  );

  app.delete(
    '/api/orgs/:orgId/phishing/profiles/:id',
    { config: rule, schema: { tags, params: orgItemParams } },
    async (request, reply) => {
      await service.archive(contextOf(request), request.params.orgId, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/orgs/:orgId/phishing/profiles/:id/test',
    { config: rule, schema: { tags, params: orgItemParams, body: profileTestBody, response: { 200: profileTestSchema } } },
    async (request) => service.test(contextOf(request), request.params.orgId, request.params.id, request.body.to),
  );
}
