import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import { Invalid } from '../../platform/errors.js';
import type { ModuleDeps } from '../index.js';
import { syncGridCatalogue } from './grid-catalogue-sync.js';
import { GridFiles } from './grids-files.js';
import {
  forkInputSchema,
  gridInputSchema,
  gridListQuery,
  gridPageSchema,
  gridParams,
  gridSchema,
  importErrorSchema,
  importQuery,
  importReportSchema,
  orgParams,
} from './grids-schema.js';
import { GridService } from './grids-service.js';

const base = '/api/orgs/:orgId/suppliers/grids';
const tags = ['suppliers'];
const read = { access: access.org('suppliers.read') };
const manage = { access: access.org('suppliers.manage') };

/**
 * Audit grids (docs/api-suppliers.md, "Grids"). The catalogue (content/suppliers/grids) is loaded
 * into supplier_grids at start-up; reading needs suppliers.read (auditors use grids too), writing
 * suppliers.manage.
 */
export async function supplierGridRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  await syncGridCatalogue(deps.db, deps.clock.now().toISOString());
  const service = new GridService(deps);
  const files = new GridFiles(deps);
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    base,
    { config: read, schema: { tags, params: orgParams, querystring: gridListQuery, response: { 200: gridPageSchema } } },
    async (request) => service.list(request.params.orgId, request.query, request.locale),
  );
  app.post(
    base,
    { config: manage, schema: { tags, params: orgParams, body: gridInputSchema, response: { 201: gridSchema } } },
    async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.params.orgId, request.body)),
  );
  app.get(`${base}/:id`, { config: read, schema: { tags, params: gridParams, response: { 200: gridSchema } } }, async (request) =>
    service.get(request.params.orgId, request.params.id, request.locale),
  );
  app.put(
    `${base}/:id`,
    { config: manage, schema: { tags, params: gridParams, body: gridInputSchema, response: { 200: gridSchema } } },
    async (request) => service.update(contextOf(request), request.params.orgId, request.params.id, request.body),
  );
  app.delete(`${base}/:id`, { config: manage, schema: { tags, params: gridParams } }, async (request, reply) => {
    await service.archive(contextOf(request), request.params.orgId, request.params.id);
    return reply.status(204).send();
  });
  app.post(
    `${base}/:id/fork`,
    { config: manage, schema: { tags, params: gridParams, body: forkInputSchema, response: { 201: gridSchema } } },
    async (request, reply) =>
      reply.status(201).send(await service.fork(contextOf(request), request.params.orgId, request.params.id, request.body?.title)),
  );
  for (const format of ['xlsx', 'csv'] as const)
    app.get(`${base}/:id/export.${format}`, { config: read, schema: { tags, params: gridParams } }, async (request, reply) => {
      const file = await files.export(request.params.orgId, request.params.id, format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    });
  await root.register(async (scope) => importRoute(scope, deps, files));
}

/**
 * The import takes the raw file as the body, like the staff directory import: in this scope every
 * content type is read as bytes, with the import size limit instead of the JSON one.
 */
function importRoute(scope: FastifyInstance, deps: ModuleDeps, files: GridFiles): void {
  const bodyLimit = deps.config.IMPORT_LIMIT_BYTES;
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
  scope.withTypeProvider<ZodTypeProvider>().post(
    `${base}/import`,
    {
      bodyLimit,
      config: manage,
      schema: {
        tags,
        description: 'Raw XLSX or CSV file as the body; ?format=xlsx|csv&dryRun=true|false.',
        params: orgParams,
        querystring: importQuery,
        body: z.unknown(),
        response: { 200: importReportSchema, 201: importReportSchema, 400: importErrorSchema },
      },
    },
    async (request, reply) => {
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0)
        throw new Invalid(
          'empty_file',
          { fr: 'Fichier vide : envoyez le fichier comme corps de la requête.', en: 'Empty file: send the file as the request body.' },
          'body',
        );
      const dryRun = request.query.dryRun === 'true';
      const report = await files.import(contextOf(request), request.params.orgId, bytes, request.query.format, dryRun);
      if (report.grid) return reply.status(201).send(report);
      if (dryRun || report.valid) return reply.status(200).send(report);
      // Not a dry run and the file has issues: the usual error shape, with the whole report beside it.
      const first = report.issues[0]!;
      return reply.status(400).send({ error: { code: 'invalid_file', message: first.message, field: 'body' }, ...report });
    },
  );
}
