import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/access/actor.js';
import { access } from '../../platform/access/rules.js';
import { type AppDeps, contextOf } from '../../platform/context.js';
import { Unauthenticated } from '../../platform/errors.js';
import { OrganizationsService } from './organizations-service.js';
import {
  createOrganizationBody,
  organizationDetailSchema,
  organizationPageSchema,
  organizationsQuery,
  orgParams,
  updateOrganizationBody,
} from './schema.js';

const tags = ['identity: organizations'];

/** The signed-in actor; the access guard already refused anonymous callers. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new Unauthenticated('signed_out', { fr: 'Connexion requise.', en: 'Sign-in required.' });
  return request.actor;
}

export function organizationRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new OrganizationsService(deps);

  app.get(
    '/api/organizations',
    { config: { access: access.signedIn() }, schema: { tags, querystring: organizationsQuery, response: { 200: organizationPageSchema } } },
    async (request) => service.list(actorOf(request), request.query),
  );

  app.post(
    '/api/organizations',
    {
      config: { access: access.platform('platform.manage') },
      schema: { tags, body: createOrganizationBody, response: { 201: organizationDetailSchema } },
    },
    async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  );

  app.get(
    '/api/orgs/:orgId',
    { config: { access: access.org('org.read') }, schema: { tags, params: orgParams, response: { 200: organizationDetailSchema } } },
    async (request) => service.get(request.params.orgId),
  );

  app.patch(
    '/api/orgs/:orgId',
    {
      config: { access: access.org('org.manage') },
      schema: { tags, params: orgParams, body: updateOrganizationBody, response: { 200: organizationDetailSchema } },
    },
    async (request) => service.update(contextOf(request), request.params.orgId, request.body),
  );
}
