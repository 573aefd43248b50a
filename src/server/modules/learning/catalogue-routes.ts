import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import { Unauthenticated } from '../../platform/errors.js';
import type { ModuleDeps } from '../index.js';
import {
  mediaInput,
  mediaParams,
  mediaSchema,
  moduleDetailSchema,
  moduleInput,
  modulePageSchema,
  moduleParams,
  modulesQuery,
  orgParams,
} from './admin-schema.js';
import { CatalogueService } from './catalogue-service.js';
import { MediaService } from './media-service.js';

const tags = ['learning: administration'];

/** Modules (catalogue and the organization's own) and lesson images. */
export function catalogueRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const catalogue = new CatalogueService(deps);
  const media = new MediaService(deps);
  const manage = { access: access.org('org.manage') };
  const base = '/api/orgs/:orgId/learning';

  app.get(
    `${base}/modules`,
    { config: manage, schema: { tags, params: orgParams, querystring: modulesQuery, response: { 200: modulePageSchema } } },
    async (request) => catalogue.list(request.params.orgId, request.query, request.locale),
  );

  app.get(
    `${base}/modules/:moduleId`,
    { config: manage, schema: { tags, params: moduleParams, response: { 200: moduleDetailSchema } } },
    async (request) => catalogue.get(request.params.orgId, request.params.moduleId, request.locale),
  );

  app.post(
    `${base}/modules`,
    { config: manage, schema: { tags, params: orgParams, body: moduleInput, response: { 201: moduleDetailSchema } } },
    async (request, reply) => reply.status(201).send(await catalogue.create(contextOf(request), request.params.orgId, request.body)),
  );

  app.put(
    `${base}/modules/:moduleId`,
    { config: manage, schema: { tags, params: moduleParams, body: moduleInput, response: { 200: moduleDetailSchema } } },
    async (request) => catalogue.update(contextOf(request), request.params.orgId, request.params.moduleId, request.body),
  );

  app.post(
    `${base}/modules/:moduleId/fork`,
    { config: manage, schema: { tags, params: moduleParams, response: { 201: moduleDetailSchema } } },
    async (request, reply) =>
      reply.status(201).send(await catalogue.fork(contextOf(request), request.params.orgId, request.params.moduleId)),
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${base}/modules/:moduleId/${action}`,
      { config: manage, schema: { tags, params: moduleParams, response: { 200: moduleDetailSchema } } },
      async (request) => catalogue.setArchived(contextOf(request), request.params.orgId, request.params.moduleId, archived),
    );
  }

  app.post(
    `${base}/media`,
    {
      config: manage,
      // Base64 of a 1 MiB image is 1.4 MB: room for it, so an image just over 1 MiB gets a clear 400.
      bodyLimit: 2 * 1024 * 1024,
      schema: { tags, params: orgParams, body: mediaInput, response: { 201: mediaSchema } },
    },
    async (request, reply) => reply.status(201).send(await media.upload(contextOf(request), request.params.orgId, request.body)),
  );

  app.get(
    '/api/learning/media/:mediaId',
    { config: { access: access.signedIn() }, schema: { tags, params: mediaParams } },
    async (request, reply) => {
      if (!request.actor) throw new Unauthenticated('signed_out', { fr: 'Connexion requise.', en: 'Sign-in required.' });
      const image = await media.read(request.actor, request.params.mediaId);
      reply.header('content-type', image.contentType);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-disposition', 'inline');
      reply.header('cache-control', 'private, max-age=3600');
      return reply.send(image.data);
    },
  );
}
