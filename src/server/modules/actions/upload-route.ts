import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import { acceptRawFiles } from '../../platform/raw-files.js';
import type { ModuleDeps } from '../index.js';
import { EvidenceTooLarge } from '../suppliers/evidence-service.js';
import type { ActionEvidence } from './evidence.js';
import { actionParams, evidenceSchema, uploadQuery } from './schema.js';

/**
 * The evidence upload takes the raw file as the body (the type is read from the bytes). The
 * caller's right is checked before any byte is read (platform/access/guard.ts), and bytes are counted as they come so a file
 * over EVIDENCE_MAX_BYTES gets a 413 naming `file` without being held in memory.
 */
export function actionEvidenceUploadRoute(scope: FastifyInstance, deps: ModuleDeps, evidence: ActionEvidence): void {
  const max = deps.config.EVIDENCE_MAX_BYTES;
  acceptRawFiles(scope, max, () => new EvidenceTooLarge(max));
  scope.withTypeProvider<ZodTypeProvider>().post(
    '/api/orgs/:orgId/actions/:actionId/evidence',
    {
      config: { access: access.org('actions.manage') },
      schema: {
        tags: ['actions'],
        description: 'Raw file as the body; ?filename=. Type read from the content (PDF, PNG, JPEG, XLSX, DOCX, CSV, text).',
        params: actionParams,
        querystring: uploadQuery,
        response: { 201: evidenceSchema },
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const { orgId, actionId } = request.params;
      return reply.status(201).send(await evidence.upload(contextOf(request), orgId, actionId, bytes, request.query.filename));
    },
  );
}
