import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { LandingService } from './landing-service.js';
import {
  landingBody,
  landingPageSchema,
  landingPreviewBody,
  landingPreviewSchema,
  landingQuery,
  landingSchema,
  orgItemParams,
  orgParams,
} from './library-schema.js';

const tags = ['phishing: landing pages'];
const rule = { access: access.org('phishing.manage') };

export function landingRoutes(fastify: FastifyInstance, service: LandingService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/orgs/:orgId/phishing/landing-pages',
    { config: rule, schema: { tags, params: orgParams, querystring: landingQuery, response: { 200: landingPageSchema } } },
    async (request) => service.list(request.params.orgId, request.query, request.locale),
  );

  app.post(
    '/api/orgs/:orgId/phishing/landing-pages/preview',
    { config: rule, schema: { tags, params: orgParams, body: landingPreviewBody, response: { 200: landingPreviewSchema } } },
    async (request) => service.preview(request.params.orgId, request.body),
  );

  app.get(
    '/api/orgs/:orgId/phishing/landing-pages/:id',
    { config: rule, schema: { tags, params: orgItemParams, response: { 200: landingSchema } } },
    async (request) => service.get(request.params.orgId, request.params.id, request.locale),
  );

  app.post(
    '/api/orgs/:orgId/phishing/landing-pages',
    { config: rule, schema: { tags, params: orgParams, body: landingBody, response: { 201: landingSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.create(contextOf(request), request.params.orgId, request.body, request.locale)),
  );

  app.post(
    '/api/orgs/:orgId/phishing/landing-pages/:id/fork',
    { config: rule, schema: { tags, params: orgItemParams, response: { 201: landingSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.fork(contextOf(request), request.params.orgId, request.params.id, request.locale)),
  );

  app.put(
    '/api/orgs/:orgId/phishing/landing-pages/:id',
    { config: rule, schema: { tags, params: orgItemParams, body: landingBody, response: { 200: landingSchema } } },
    async (request) => service.update(contextOf(request), request.params.orgId, request.params.id, request.body, request.locale),
  );

  app.delete(
    '/api/orgs/:orgId/phishing/landing-pages/:id',
    { config: rule, schema: { tags, params: orgItemParams } },
    async (request, reply) => {
      await service.archive(contextOf(request), request.params.orgId, request.params.id);
      return reply.status(204).send();
    },
  );
}
