import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { type AppDeps, contextOf } from '../../platform/context.js';
import {
  createResourceBody,
  libraryPageSchema,
  libraryQuery,
  markdownVersionBody,
  memberParams,
  memberResourceParams,
  memberVersionParams,
  resourceDetailSchema,
  resourceParams,
  starterSetBody,
  starterSetResultSchema,
  tagCountsSchema,
  territoryParams,
  updateResourceBody,
  versionParams,
} from './library-schema.js';
import { type LibraryDownload, LibraryService } from './library-service.js';
import { seedStarterLibrary } from './library-starter.js';
import { libraryUploadRoute } from './library-upload.js';

const tags = ['territory: shared library'];
const read = { access: access.territory('territory.read') };
const manage = { access: access.territory('territory.manage') };
/**
 * Admins of a member organization read their territories' libraries through their organization:
 * a territory grant is what opens /api/territories/:territoryId, and org admins hold none there.
 * org.manage is the right only organization admins hold (RSSI/DSI), the people who adapt
 * procedures and templates; the service then checks the organization is a member (else 404).
 */
const memberRead = { access: access.org('org.manage') };
const coordinator = { includeArchived: true };
const member = { includeArchived: false };

/** Sends a library file as a download, never rendered inline by the browser. */
function sendDownload(reply: FastifyReply, file: LibraryDownload) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}

/** The territory's shared library (docs/api-territory.md, "Shared library"); called by territory/routes.ts. */
export function libraryRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new LibraryService(deps);
  const base = '/api/territories/:territoryId/library';
  const one = `${base}/:resourceId`;
  const memberBase = '/api/orgs/:orgId/territories/:territoryId/library';
  const memberOne = `${memberBase}/:resourceId`;

  app.get(
    base,
    { config: read, schema: { tags, params: territoryParams, querystring: libraryQuery, response: { 200: libraryPageSchema } } },
    async (request) => service.list(request.params.territoryId, request.query, coordinator),
  );
  app.get(
    `${base}/tags`,
    { config: read, schema: { tags, params: territoryParams, response: { 200: tagCountsSchema } } },
    async (request) => service.tags(request.params.territoryId),
  );
  app.post(
    base,
    { config: manage, schema: { tags, params: territoryParams, body: createResourceBody, response: { 201: resourceDetailSchema } } },
    async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.params.territoryId, request.body)),
  );
  app.post(
    `${base}/starter-set`,
    {
      config: manage,
      schema: {
        tags,
        description: 'Adds the starter resources this territory does not have yet (idempotent).',
        params: territoryParams,
        body: starterSetBody,
        response: { 200: starterSetResultSchema },
      },
    },
    async (request) => seedStarterLibrary(deps, request.params.territoryId, { ctx: contextOf(request), languages: request.body.languages }),
  );
  app.get(one, { config: read, schema: { tags, params: resourceParams, response: { 200: resourceDetailSchema } } }, async (request) =>
    service.get(request.params.territoryId, request.params.resourceId, coordinator),
  );
  app.patch(
    one,
    { config: manage, schema: { tags, params: resourceParams, body: updateResourceBody, response: { 200: resourceDetailSchema } } },
    async (request) => service.update(contextOf(request), request.params.territoryId, request.params.resourceId, request.body),
  );
  app.post(
    `${one}/versions`,
    {
      config: manage,
      schema: { tags, params: resourceParams, body: markdownVersionBody, response: { 201: resourceDetailSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addMarkdownVersion(contextOf(request), request.params.territoryId, request.params.resourceId, request.body)),
  );
  for (const [path, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${one}/${path}`,
      { config: manage, schema: { tags, params: resourceParams, response: { 200: resourceDetailSchema } } },
      async (request) => service.setArchived(contextOf(request), request.params.territoryId, request.params.resourceId, archived),
    );
  }
  for (const what of ['file', 'markdown'] as const) {
    app.get(
      `${one}/versions/:version/${what}`,
      { config: read, schema: { tags, params: versionParams, description: `The version's ${what} (attachment).` } },
      async (request, reply) => {
        const { territoryId, resourceId, version } = request.params;
        return sendDownload(reply, await service.download(territoryId, resourceId, version, what, coordinator));
      },
    );
    app.get(
      `${memberOne}/versions/:version/${what}`,
      { config: memberRead, schema: { tags, params: memberVersionParams, description: `The version's ${what} (attachment).` } },
      async (request, reply) => {
        const { orgId, territoryId, resourceId, version } = request.params;
        await service.checkMember(orgId, territoryId);
        return sendDownload(reply, await service.download(territoryId, resourceId, version, what, member));
      },
    );
  }

  app.get(
    memberBase,
    { config: memberRead, schema: { tags, params: memberParams, querystring: libraryQuery, response: { 200: libraryPageSchema } } },
    async (request) => {
      await service.checkMember(request.params.orgId, request.params.territoryId);
      return service.list(request.params.territoryId, request.query, member);
    },
  );
  app.get(
    `${memberBase}/tags`,
    { config: memberRead, schema: { tags, params: memberParams, response: { 200: tagCountsSchema } } },
    async (request) => {
      await service.checkMember(request.params.orgId, request.params.territoryId);
      return service.tags(request.params.territoryId);
    },
  );
  app.get(
    memberOne,
    { config: memberRead, schema: { tags, params: memberResourceParams, response: { 200: resourceDetailSchema } } },
    async (request) => {
      await service.checkMember(request.params.orgId, request.params.territoryId);
      return service.get(request.params.territoryId, request.params.resourceId, member);
    },
  );

  void fastify.register(async (scope) => libraryUploadRoute(scope, deps, service));
}
