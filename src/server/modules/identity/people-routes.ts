import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { type AppDeps, contextOf } from '../../platform/context.js';
import { PeopleService } from './people-service.js';
import {
  createPersonBody,
  facetsSchema,
  orgParams,
  peopleFiltersQuery,
  peopleQuery,
  personPageSchema,
  personParams,
  personSchema,
  updatePersonBody,
} from './schema.js';

const tags = ['identity: people'];

export function peopleRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new PeopleService(deps);

  app.get(
    '/api/orgs/:orgId/people',
    {
      config: { access: access.org('people.read') },
      schema: { tags, params: orgParams, querystring: peopleQuery, response: { 200: personPageSchema } },
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      return service.list(request.params.orgId, filters, page, pageSize);
    },
  );

  app.get(
    '/api/orgs/:orgId/people/facets',
    { config: { access: access.org('people.read') }, schema: { tags, params: orgParams, response: { 200: facetsSchema } } },
    async (request) => service.facets(request.params.orgId),
  );

  app.get(
    '/api/orgs/:orgId/people/export.csv',
    { config: { access: access.org('people.read') }, schema: { tags, params: orgParams, querystring: peopleFiltersQuery } },
    async (request, reply) => {
      const day = deps.clock.now().toISOString().slice(0, 10);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${request.locale === 'en' ? 'people' : 'personnes'}-${day}.csv"`);
      reply.header('cache-control', 'no-store');
      return reply.send(Readable.from(service.exportCsv(request.params.orgId, request.query, request.locale)));
    },
  );

  app.post(
    '/api/orgs/:orgId/people',
    {
      config: { access: access.org('people.write') },
      schema: { tags, params: orgParams, body: createPersonBody, response: { 201: personSchema } },
    },
    async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.params.orgId, request.body)),
  );

  app.get(
    '/api/orgs/:orgId/people/:personId',
    { config: { access: access.org('people.read') }, schema: { tags, params: personParams, response: { 200: personSchema } } },
    async (request) => service.get(request.params.orgId, request.params.personId),
  );

  app.patch(
    '/api/orgs/:orgId/people/:personId',
    {
      config: { access: access.org('people.write') },
      schema: { tags, params: personParams, body: updatePersonBody, response: { 200: personSchema } },
    },
    async (request) => service.update(contextOf(request), request.params.orgId, request.params.personId, request.body),
  );
}
