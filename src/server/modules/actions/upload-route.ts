import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import { Forbidden, NotFound, Unauthenticated } from '../../platform/errors.js';
import { acceptRawFiles } from '../../platform/raw-files.js';
import type { ModuleDeps } from '../index.js';
import { EvidenceTooLarge } from '../suppliers/evidence-service.js';
import type { ActionEvidence } from './evidence.js';
import { actionParams, evidenceSchema, uploadQuery } from './schema.js';

/**
 * The evidence upload takes the raw file as the body (the type is read from the bytes). The
 * caller's right is checked before any byte is read, and bytes are counted as they come so a file
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
      // The access guard (platform/access/guard.ts) runs after the body is read; the same answers here, before reading it.
      onRequest: async (request) => {
        const actor = request.actor;
        if (!actor) throw new Unauthenticated('signed_out', { fr: 'Connexion requise.', en: 'Sign-in required.' });
        const orgId = (request.params as { orgId?: string }).orgId ?? '';
        const decision = await deps.policy.decide(actor, 'actions.manage', { kind: 'organization', id: orgId });
        if (decision === 'allow') return;
        if (decision === 'hidden') throw new NotFound('organization');
        if (!actor.mfaVerified && actor.grants.length > 0) {
          throw new Forbidden('mfa_required', {
            fr: 'Validez votre second facteur (TOTP) pour utiliser ce droit.',
            en: 'Pass your second factor (TOTP) to use this right.',
          });
        }
        throw new Forbidden('forbidden', { fr: "Vous n'avez pas ce droit.", en: 'You do not have this right.' });
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
