import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import { Unauthenticated } from '../../platform/errors.js';
import { acceptRawFiles } from '../../platform/raw-files.js';
import type { ModuleDeps } from '../index.js';
import { portalOrgs } from './audits-access.js';
import type { EvidenceRow } from './audits-repo.js';
import { evidenceSchema, portalAuditParams, uploadQuery } from './audits-schema.js';
import { type EvidenceService, EvidenceTooLarge } from './evidence-service.js';

/**
 * The evidence upload takes the raw file as the body (any content type: the type is read from
 * the bytes). Its own parser counts bytes as they come, so a file over EVIDENCE_MAX_BYTES gets a
 * 413 naming `file` without being held in memory, and anonymous callers are refused before any read.
 */
export function evidenceUploadRoute(scope: FastifyInstance, deps: ModuleDeps, evidence: EvidenceService): void {
  const max = deps.config.EVIDENCE_MAX_BYTES;
  acceptRawFiles(scope, max, () => new EvidenceTooLarge(max));
  scope.withTypeProvider<ZodTypeProvider>().post(
    '/api/portal/audits/:auditId/evidence',
    {
      config: { access: access.signedIn() },
      schema: {
        tags: ['suppliers: portal'],
        description: 'Raw file as the body; ?filename=&questionId= (or &findingId= during remediation). Type read from the content.',
        params: portalAuditParams,
        querystring: uploadQuery,
        response: { 201: evidenceSchema },
      },
      onRequest: async (request) => {
        if (!request.actor) throw new Unauthenticated('signed_out', { fr: 'Connexion requise.', en: 'Sign-in required.' });
        portalOrgs(deps.policy, request.actor);
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const created = await evidence.upload(contextOf(request), portalOrgs(deps.policy, request.actor), request.params.auditId, {
        bytes,
        fileName: request.query.filename,
        questionId: request.query.questionId,
        findingId: request.query.findingId,
      });
      return reply.status(201).send(created);
    },
  );
}

/** Sends a stored file as a download: its sniffed type, never rendered inline by the browser. */
export function sendEvidence(reply: FastifyReply, file: { row: EvidenceRow; bytes: Buffer }) {
  const name = file.row.file_name;
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .header('content-type', file.row.media_type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}
