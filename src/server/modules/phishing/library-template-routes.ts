import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import {
  orgItemParams,
  orgParams,
  templateBody,
  templatePageSchema,
  templatePreviewBody,
  templatePreviewSchema,
  templateSchema,
  templatesQuery,
} from './library-schema.js';
import type { TemplatesService } from './templates-service.js';

const tags = ['phishing: templates'];
const rule = { access: access.org('phishing.manage') };

export function templateRoutes(fastify: FastifyInstance, service: TemplatesService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/orgs/:orgId/phishing/templates',
    { config: rule, schema: { tags, params: orgParams, querystring: templatesQuery, response: { 200: templatePageSchema } } },
    async (request) => service.list(request.params.orgId, request.query, request.locale),
  );

  app.post(
    '/api/orgs/:orgId/phishing/templates/preview',
    { config: rule, schema: { tags, params: orgParams, body: templatePreviewBody, response: { 200: templatePreviewSchema } } },
    async (request) => service.preview(request.params.orgId, request.body),
  );

  app.get(
    '/api/orgs/:orgId/phishing/templates/:id',
    { config: rule, schema: { tags, params: orgItemParams, response: { 200: templateSchema } } },
    async (request) => service.get(request.params.orgId, request.params.id, request.locale),
  );

  app.post(
    '/api/orgs/:orgId/phishing/templates',
    { config: rule, schema: { tags, params: orgParams, body: templateBody, response: { 201: templateSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.create(contextOf(request), request.params.orgId, request.body, request.locale)),
  );

  app.post(
    '/api/orgs/:orgId/phishing/templates/:id/fork',
    { config: rule, schema: { tags, params: orgItemParams, response: { 201: templateSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.fork(contextOf(request), request.params.orgId, request.params.id, request.locale)),
  );

  app.put(
    '/api/orgs/:orgId/phishing/templates/:id',
    { config: rule, schema: { tags, params: orgItemParams, body: templateBody, response: { 200: templateSchema } } },
    async (request) => service.update(contextOf(request), request.params.orgId, request.params.id, request.body, request.locale),
  );

  app.delete(
    '/api/orgs/:orgId/phishing/templates/:id',
    { config: rule, schema: { tags, params: orgItemParams } },
    async (request, reply) => {
      await service.archive(contextOf(request), request.params.orgId, request.params.id);
      return reply.status(204).send();
    },
  );
}
