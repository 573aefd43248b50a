import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { contextOf, type RequestContext } from '../../platform/context.js';
import type { Language } from './library-schema.js';
import { type LibraryScope, type LibraryTenant, orgScope, territoryScope } from './territory-scopes.js';

/**
 * What the CRUD block of the library calls (groups, sending profiles, templates, landing pages).
 * Method syntax on purpose: each service takes its own input and query types.
 */
export interface CrudService {
  list(tenant: LibraryTenant, query: unknown, language: Language): Promise<unknown>;
  get(tenant: LibraryTenant, id: string, language: Language): Promise<unknown>;
  create(ctx: RequestContext, tenant: LibraryTenant, body: unknown, language: Language): Promise<unknown>;
  update(ctx: RequestContext, tenant: LibraryTenant, id: string, body: unknown, language: Language): Promise<unknown>;
  remove(ctx: RequestContext, tenant: LibraryTenant, id: string): Promise<void>;
}

export interface CrudSpec {
  /** After the scope's prefix: `templates`, `profiles`… */
  path: string;
  tags: string[];
  query: z.ZodType;
  page: z.ZodType;
  item: z.ZodType;
  body: z.ZodType;
  /** Where it can be read, and where written (the catalogue is read-only for territories). */
  read: LibraryScope[];
  write: LibraryScope[];
}

export const idOf = (request: FastifyRequest): string => (request.params as { id: string }).id;

/** List, create, get, replace and delete (or archive) one kind of item, in each scope that has it. */
export function crudRoutes(fastify: FastifyInstance, spec: CrudSpec, service: CrudService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = spec.tags;
  for (const s of spec.read) {
    const base = `${s.prefix}/${spec.path}`;
    const config = { access: s.rule };
    app.get(base, { config, schema: { tags, params: s.params, querystring: spec.query, response: { 200: spec.page } } }, async (request) =>
      service.list(s.tenantOf(request), request.query, request.locale),
    );
    app.get(`${base}/:id`, { config, schema: { tags, params: s.itemParams, response: { 200: spec.item } } }, async (request) =>
      service.get(s.tenantOf(request), idOf(request), request.locale),
    );
  }
  for (const s of spec.write) {
    const base = `${s.prefix}/${spec.path}`;
    const config = { access: s.rule };
    app.post(base, { config, schema: { tags, params: s.params, body: spec.body, response: { 201: spec.item } } }, async (request, reply) =>
      reply.status(201).send(await service.create(contextOf(request), s.tenantOf(request), request.body, request.locale)),
    );
    app.put(
      `${base}/:id`,
      { config, schema: { tags, params: s.itemParams, body: spec.body, response: { 200: spec.item } } },
      async (request) => service.update(contextOf(request), s.tenantOf(request), idOf(request), request.body, request.locale),
    );
    app.delete(`${base}/:id`, { config, schema: { tags, params: s.itemParams } }, async (request, reply) => {
      await service.remove(contextOf(request), s.tenantOf(request), idOf(request));
      return reply.status(204).send();
    });
  }
}

/** What templates and landing pages add to the CRUD block: a preview of a draft, a fork. */
export interface LibraryItemApi {
  list(tenant: LibraryTenant, query: unknown, language: Language): Promise<unknown>;
  get(tenant: LibraryTenant, id: string, language: Language): Promise<unknown>;
  preview(tenant: LibraryTenant, body: unknown): Promise<unknown>;
  create(ctx: RequestContext, organizationId: string, body: unknown, language: Language): Promise<unknown>;
  fork(ctx: RequestContext, organizationId: string, id: string, language: Language): Promise<unknown>;
  update(ctx: RequestContext, organizationId: string, id: string, body: unknown, language: Language): Promise<unknown>;
  archive(ctx: RequestContext, organizationId: string, id: string): Promise<void>;
}

/**
 * Templates or landing pages: an organization reads the catalogue and its own and edits its own;
 * a territory's coordinators read and preview the catalogue, which territory campaigns send.
 */
export function libraryItemRoutes(
  fastify: FastifyInstance,
  service: LibraryItemApi,
  spec: Omit<CrudSpec, 'read' | 'write'> & { previewBody: z.ZodType; preview: z.ZodType },
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  for (const s of [orgScope, territoryScope]) {
    app.post(
      `${s.prefix}/${spec.path}/preview`,
      {
        config: { access: s.rule },
        schema: { tags: spec.tags, params: s.params, body: spec.previewBody, response: { 200: spec.preview } },
      },
      async (request) => service.preview(s.tenantOf(request), request.body),
    );
  }
  app.post(
    `${orgScope.prefix}/${spec.path}/:id/fork`,
    { config: { access: orgScope.rule }, schema: { tags: spec.tags, params: orgScope.itemParams, response: { 201: spec.item } } },
    async (request, reply) =>
      reply.status(201).send(await service.fork(contextOf(request), orgScope.tenantOf(request).id, idOf(request), request.locale)),
  );
  // Writes exist for organizations only (write: [orgScope]): the tenant is the organization.
  crudRoutes(
    fastify,
    { ...spec, read: [orgScope, territoryScope], write: [orgScope] },
    {
      list: (tenant, query, language) => service.list(tenant, query, language),
      get: (tenant, id, language) => service.get(tenant, id, language),
      create: (ctx, tenant, body, language) => service.create(ctx, tenant.id, body, language),
      update: (ctx, tenant, id, body, language) => service.update(ctx, tenant.id, id, body, language),
      remove: (ctx, tenant, id) => service.archive(ctx, tenant.id, id),
    },
  );
}
