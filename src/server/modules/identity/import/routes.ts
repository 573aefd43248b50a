import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../../platform/access/rules.js';
import { contextOf } from '../../../platform/context.js';
import { Invalid } from '../../../platform/errors.js';
import type { ModuleDeps, RempartModule } from '../../index.js';
import {
  applyResponse,
  importParams,
  listQuery,
  listResponse,
  orgParams,
  planBody,
  summarySchema,
  uploadQuery,
  uploadResponse,
} from './schema.js';
import { DirectoryImportService } from './service.js';

/** Staff directory import: upload, dry run, apply, history (docs/import.md). */
export const directoryImportModule: RempartModule = {
  name: 'directory-import',
  async register(root, deps) {
    const service = new DirectoryImportService(deps);
    await root.register(async (scope) => uploadRoute(scope, deps, service));
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/orgs/:orgId/imports/:importId/dry-run',
      {
        config: { access: access.org('people.write') },
        schema: { tags: ['import'], params: importParams, body: planBody, response: { 200: summarySchema } },
      },
      async (request) => service.dryRun(request.params.orgId, request.params.importId, request.body, contextOf(request)),
    );

    app.post(
      '/api/orgs/:orgId/imports/:importId/apply',
      {
        config: { access: access.org('people.write') },
        schema: { tags: ['import'], params: importParams, body: planBody, response: { 200: applyResponse } },
      },
      async (request) => {
        const { summary, phases } = await service.apply(request.params.orgId, request.params.importId, request.body, contextOf(request));
        request.log.info({ importId: request.params.importId, phases }, 'people import applied');
        return { ...summary, applied: true as const };
      },
    );

    app.get(
      '/api/orgs/:orgId/imports',
      {
        config: { access: access.org('people.write') },
        schema: { tags: ['import'], params: orgParams, querystring: listQuery, response: { 200: listResponse } },
      },
      async (request) => service.list(request.params.orgId, request.query.page, request.query.pageSize),
    );
  },
};

/**
 * The upload takes the raw file as the body. In this encapsulated scope every content type
 * (application/octet-stream, text/csv, the application/vnd.ms-excel Windows gives .csv files...)
 * is read as bytes, with the import size limit instead of the API's JSON limit (413 above it).
 */
function uploadRoute(scope: FastifyInstance, deps: ModuleDeps, service: DirectoryImportService): void {
  const bodyLimit = deps.config.IMPORT_LIMIT_BYTES;
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
  scope.withTypeProvider<ZodTypeProvider>().post(
    '/api/orgs/:orgId/imports',
    {
      bodyLimit,
      config: { access: access.org('people.write') },
      schema: {
        tags: ['import'],
        description: 'Raw CSV file as the body (application/octet-stream or text/csv).',
        params: orgParams,
        querystring: uploadQuery,
        response: { 201: uploadResponse },
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      if (!Buffer.isBuffer(body)) {
        throw new Invalid(
          'file_required',
          { fr: 'Envoyez le fichier CSV comme corps de la requête.', en: 'Send the CSV file as the request body.' },
          'file',
        );
      }
      const result = await service.upload(request.params.orgId, contextOf(request), {
        filename: request.query.filename ?? 'import.csv',
        bytes: body,
      });
      return reply.status(201).send(result);
    },
  );
}
