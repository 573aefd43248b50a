import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import { Unauthenticated } from '../../platform/errors.js';
import { acceptRawFiles } from '../../platform/raw-files.js';
import type { ModuleDeps } from '../index.js';
import { AnswersFileInvalid, AnswersFiles } from './answers-files-service.js';
import { portalOrgs } from './audits-access.js';
import { orgAuditParams, portalAuditParams } from './audits-schema.js';
import { EvidenceTooLarge } from './evidence-service.js';
import type { ExportedFile } from './grids-files.js';
import { importErrorSchema, importQuery } from './grids-schema.js';

/** An answers file is a few dozen kilobytes; the cap keeps a hostile workbook from filling memory. */
const ANSWERS_FILE_MAX = 5 * 1_048_576;

export const answersImportReportSchema = z.object({
  dryRun: z.boolean(),
  valid: z.boolean(),
  saved: z.number().int(),
  unchanged: z.number().int(),
  issues: z.array(
    z.object({
      line: z.number().int().nullable(),
      column: z.string().nullable(),
      questionId: z.string().optional(),
      code: z.string(),
      message: z.string(),
    }),
  ),
});

const send = (reply: FastifyReply, file: ExportedFile) =>
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(file.body);

/**
 * Answers in a spreadsheet (docs/api-suppliers.md): the provider downloads its audit's grid with
 * its answers and imports the filled-in file; the establishment downloads the same file.
 */
export async function answersFilesRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const files = new AnswersFiles(deps);
  const signedIn = { access: access.signedIn() };
  const read = { access: access.org('suppliers.read') };
  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/portal/audits/:auditId/answers.${format}`,
      {
        config: signedIn,
        schema: { tags: ['suppliers: portal'], params: portalAuditParams, description: 'The grid and the answers so far.' },
      },
      async (request, reply) =>
        send(reply, await files.exportForProvider(portalOrgs(deps.policy, request.actor), request.params.auditId, format)),
    );
    app.get(
      `/api/orgs/:orgId/suppliers/audits/:auditId/answers.${format}`,
      {
        config: read,
        schema: { tags: ['suppliers: audits'], params: orgAuditParams, description: 'The grid and the answers (if visible).' },
      },
      async (request, reply) => send(reply, await files.exportForOrg(request.params.orgId, request.params.auditId, format)),
    );
  }
  await fastify.register(async (scope) => importRoute(scope, deps, files));
}

/**
 * The import takes the raw file as the body. Bytes are counted as they come, so an oversized file
 * is refused (413 on `file`) without being held in memory, and anonymous callers before any read.
 */
function importRoute(scope: FastifyInstance, deps: ModuleDeps, files: AnswersFiles): void {
  const max = Math.min(deps.config.EVIDENCE_MAX_BYTES, ANSWERS_FILE_MAX);
  acceptRawFiles(scope, max, () => new EvidenceTooLarge(max));
  scope.withTypeProvider<ZodTypeProvider>().post(
    '/api/portal/audits/:auditId/answers/import',
    {
      config: { access: access.signedIn() },
      schema: {
        tags: ['suppliers: portal'],
        description: 'Raw XLSX or CSV file as the body; ?format=xlsx|csv&dryRun=true|false.',
        params: portalAuditParams,
        querystring: importQuery,
        response: { 200: answersImportReportSchema, 400: importErrorSchema },
      },
      onRequest: async (request) => {
        if (!request.actor) throw new Unauthenticated('signed_out', { fr: 'Connexion requise.', en: 'Sign-in required.' });
        portalOrgs(deps.policy, request.actor);
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const orgs = portalOrgs(deps.policy, request.actor);
      const { format, dryRun } = request.query;
      try {
        return await files.import(contextOf(request), orgs, request.params.auditId, bytes, format, dryRun === 'true');
      } catch (err) {
        if (!(err instanceof AnswersFileInvalid)) throw err;
        // The usual error shape, with the whole report beside it so every line can be fixed at once.
        const message = request.locale === 'en' ? err.text.en : err.text.fr;
        return (reply as unknown as FastifyReply).status(400).send({ error: { code: err.code, message, field: 'file' }, ...err.report });
      }
    },
  );
}
