import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { type AppDeps, contextOf } from '../../platform/context.js';
import { acceptRawFiles } from '../../platform/raw-files.js';
import { EvidenceTooLarge } from '../suppliers/evidence-service.js';
import { fileVersionQuery, resourceDetailSchema, resourceParams } from './library-schema.js';
import type { LibraryService } from './library-service.js';

/**
 * A new version carrying a file: the raw file is the body (the type is read from the bytes). The
 * right is checked before any byte is read (platform/access/guard.ts), and bytes are counted as they come, so a file over
 * EVIDENCE_MAX_BYTES gets a 413 naming `file` without being held in memory.
 */
export function libraryUploadRoute(scope: FastifyInstance, deps: AppDeps, service: LibraryService): void {
  const max = deps.config.EVIDENCE_MAX_BYTES;
  acceptRawFiles(scope, max, () => new EvidenceTooLarge(max));
  scope.withTypeProvider<ZodTypeProvider>().post(
    '/api/territories/:territoryId/library/:resourceId/versions/file',
    {
      config: { access: access.territory('territory.manage') },
      schema: {
        tags: ['territory: shared library'],
        description:
          'Raw file as the body; ?filename=&changeNote=&dropBody=. Type read from the content (PDF, PNG, JPEG, XLSX, DOCX, CSV, text).',
        params: resourceParams,
        querystring: fileVersionQuery,
        response: { 201: resourceDetailSchema },
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const { territoryId, resourceId } = request.params;
      const created = await service.addFileVersion(contextOf(request), territoryId, resourceId, {
        bytes,
        fileName: request.query.filename,
        changeNote: request.query.changeNote,
        dropBody: request.query.dropBody === 'true',
      });
      return reply.status(201).send(created);
    },
  );
}
