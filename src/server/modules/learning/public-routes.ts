import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import {
  orgMetricsParams,
  publicCatalogueSchema,
  publicEventBody,
  publicModuleParams,
  publicModuleSchema,
  publicPageBody,
  publicPageSchema,
  publicSlugParams,
} from './metrics-schema.js';
import { PublicPageService } from './public-page-service.js';

const tags = ['learning: patient page'];
const PATIENTS = access.public('patients read awareness modules without an account');

/**
 * Patients get no cookie at all: the app sets its CSRF cookie on every first request, so the
 * public routes take it off the answer (route hooks run after the app's own onSend hooks).
 */
async function withoutCookies(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  reply.removeHeader('set-cookie');
  return payload;
}

export function learningPublicRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new PublicPageService(deps);

  // Administration of the page (organization admins) ------------------------------------------

  app.get(
    '/api/orgs/:orgId/learning/public-page',
    { config: { access: access.org('org.manage') }, schema: { tags, params: orgMetricsParams, response: { 200: publicPageSchema } } },
    async (request) => service.get(contextOf(request), request.params.orgId),
  );

  app.put(
    '/api/orgs/:orgId/learning/public-page',
    {
      config: { access: access.org('org.manage') },
      schema: { tags, params: orgMetricsParams, body: publicPageBody, response: { 200: publicPageSchema } },
    },
    async (request) => service.setEnabled(contextOf(request), request.params.orgId, request.body.enabled),
  );

  app.get(
    '/api/orgs/:orgId/learning/public-page/qr.svg',
    { config: { access: access.org('org.manage') }, schema: { tags, params: orgMetricsParams } },
    async (request, reply) =>
      reply.header('content-type', 'image/svg+xml; charset=utf-8').send(await service.qrSvg(contextOf(request), request.params.orgId)),
  );

  // Public side: no account, no cookie, anonymous per-day counts only ------------------------------

  app.get(
    '/api/public/learning/:slug',
    {
      config: { access: PATIENTS },
      onSend: withoutCookies,
      schema: { tags, params: publicSlugParams, response: { 200: publicCatalogueSchema } },
    },
    async (request) => service.catalogue(request.params.slug, request.locale),
  );

  app.get(
    '/api/public/learning/:slug/modules/:moduleId',
    {
      config: { access: PATIENTS },
      onSend: withoutCookies,
      schema: { tags, params: publicModuleParams, response: { 200: publicModuleSchema } },
    },
    async (request) => service.module(request.params.slug, request.params.moduleId, request.locale),
  );

  app.post(
    '/api/public/learning/:slug/modules/:moduleId/events',
    {
      // A visitor without any cookie cannot echo a CSRF token; a forged request could only add
      // one anonymous count, which anyone may do anyway.
      config: { access: PATIENTS, csrf: false },
      onSend: withoutCookies,
      schema: { tags, params: publicModuleParams, body: publicEventBody, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await service.count(request.params.slug, request.params.moduleId, request.body.kind);
      return reply.status(204).send(null);
    },
  );
}
