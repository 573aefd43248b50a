import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/context.js';
import { Invalid } from '../../platform/errors.js';
import type { ModuleDeps } from '../index.js';
import { ChronogramFiles } from './chronogram-files.js';
import { ChronogramService } from './chronogram-service.js';
import {
  chronogramSchema,
  exerciseParams,
  exportQuery,
  importErrorSchema,
  importQuery,
  importReportSchema,
  reorderBody,
  stimulusBody,
  stimulusDtoSchema,
  stimulusParams,
} from './exercises-schema.js';
import { type ScopeRoutes, scopeFrom } from './exercises-scopes.js';
import type { ExercisesService } from './exercises-service.js';

const tags = ['exercises'];
const changed = { 200: chronogramSchema.extend({ stimulus: stimulusDtoSchema.nullable() }) };

/** The exercise's chronogram: list, edit while it may change, spreadsheet export and import. */
export async function chronogramRoutes(
  fastify: FastifyInstance,
  deps: ModuleDeps,
  exercises: ExercisesService,
  s: ScopeRoutes,
): Promise<void> {
  const service = new ChronogramService(deps, exercises);
  const files = new ChronogramFiles(deps, service);
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = `${s.base}/:exerciseId/chronogram`;
  const config = s.manage;

  app.get(base, { config: s.observe, schema: { tags, params: exerciseParams, response: { 200: chronogramSchema } } }, async (request) =>
    service.list(scopeFrom(s, request), request.params.exerciseId),
  );
  app.post(
    `${base}/stimuli`,
    { config, schema: { tags, params: exerciseParams, body: stimulusBody, response: changed } },
    async (request) => service.add(contextOf(request), scopeFrom(s, request), request.params.exerciseId, request.body),
  );
  app.put(
    `${base}/stimuli/:stimulusId`,
    { config, schema: { tags, params: stimulusParams, body: stimulusBody, response: changed } },
    async (request) =>
      service.edit(contextOf(request), scopeFrom(s, request), request.params.exerciseId, request.params.stimulusId, request.body),
  );
  app.delete(`${base}/stimuli/:stimulusId`, { config, schema: { tags, params: stimulusParams, response: changed } }, async (request) =>
    service.remove(contextOf(request), scopeFrom(s, request), request.params.exerciseId, request.params.stimulusId),
  );
  app.post(`${base}/order`, { config, schema: { tags, params: exerciseParams, body: reorderBody, response: changed } }, async (request) =>
    service.reorder(contextOf(request), scopeFrom(s, request), request.params.exerciseId, request.body.stimulusIds),
  );
  app.get(
    `${base}/export`,
    {
      config: s.observe,
      schema: { tags, params: exerciseParams, querystring: exportQuery, description: 'The chronogram as XLSX or CSV (?format=).' },
    },
    async (request, reply) => {
      const file = await files.export(scopeFrom(s, request), request.params.exerciseId, request.query.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  // The import takes the raw file as the body: in this scope every content type is read as bytes.
  await fastify.register(async (scope) => {
    const bodyLimit = deps.config.IMPORT_LIMIT_BYTES;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      `${base}/import`,
      {
        bodyLimit,
        config,
        schema: {
          tags,
          description:
            'Raw XLSX or CSV file as the body; ?format=xlsx|csv&dryRun=true|false. Replaces the whole chronogram, all or nothing.',
          params: exerciseParams,
          querystring: importQuery,
          body: z.unknown(),
          response: { 200: importReportSchema, 400: importErrorSchema },
        },
      },
      async (request, reply) => {
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
          throw new Invalid(
            'empty_file',
            { fr: 'Fichier vide : envoyez le fichier comme corps de la requête.', en: 'Empty file: send the file as the request body.' },
            'body',
          );
        }
        const dryRun = request.query.dryRun === 'true';
        const report = await files.import(
          contextOf(request),
          scopeFrom(s, request),
          request.params.exerciseId,
          bytes,
          request.query.format,
          dryRun,
        );
        if (dryRun || report.valid) return reply.status(200).send(report);
        const first = report.issues[0];
        return reply
          .status(400)
          .send({ error: { code: 'invalid_file', message: first?.message ?? 'invalid file', field: 'body' }, ...report });
      },
    );
  });
}
