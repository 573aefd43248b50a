import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type AppDeps, contextOf } from '../../platform/context.js';
import { crudRoutes, idOf } from './library-item-routes.js';
import { profileBody, profilePageSchema, profileSchema, profilesQuery, profileTestBody, profileTestSchema } from './profiles-schema.js';
import { ProfilesService } from './profiles-service.js';
import { orgScope, territoryScope } from './territory-scopes.js';

const tags = ['phishing: sending profiles'];

/**
 * Sending profiles of an organization, and of a territory: its campaigns for the members that gave
 * a mandate send through the territory's own profiles.
 */
export function profileRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new ProfilesService(deps);
  const scopes = [orgScope, territoryScope];
  const spec = { path: 'profiles', tags, query: profilesQuery, page: profilePageSchema, item: profileSchema, body: profileBody };
  crudRoutes(fastify, { ...spec, read: scopes, write: scopes }, service);

  for (const s of scopes) {
    app.post(
      `${s.prefix}/profiles/:id/test`,
      { config: { access: s.rule }, schema: { tags, params: s.itemParams, body: profileTestBody, response: { 200: profileTestSchema } } },
      async (request) => service.test(contextOf(request), s.tenantOf(request), idOf(request), request.body.to),
    );
  }
}
