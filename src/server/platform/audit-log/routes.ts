import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps, RempartModule } from '../../modules/index.js';
import { access } from '../access/rules.js';
import {
  auditPageSchema,
  orgAuditQuerySchema,
  orgParamsSchema,
  platformAuditQuerySchema,
  platformExportQuerySchema,
  verifySchema,
} from './schema.js';
import { AuditLogViewer } from './service.js';

function sendCsv(reply: FastifyReply, filename: string, lines: AsyncIterable<string>): FastifyReply {
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header('content-disposition', `attachment; filename="${filename}"`);
  reply.header('cache-control', 'no-store');
  return reply.send(Readable.from(lines));
}

const stamp = (d: Date): string => d.toISOString().slice(0, 10);

/** Audit log viewer: the platform's whole log, each organization's own entries, CSV, verification. */
export const auditLogModule: RempartModule = {
  name: 'audit-log',
  register(fastify: FastifyInstance, deps: ModuleDeps) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const viewer = new AuditLogViewer(deps.db);

    app.get(
      '/api/audit-log',
      {
        config: { access: access.platform('audit.read') },
        schema: { tags: ['audit-log'], querystring: platformAuditQuerySchema, response: { 200: auditPageSchema } },
      },
      async (request) => {
        const { page, pageSize, ...filters } = request.query;
        return viewer.page(filters, page, pageSize);
      },
    );

    app.get(
      '/api/audit-log/export.csv',
      { config: { access: access.platform('audit.read') }, schema: { tags: ['audit-log'], querystring: platformExportQuerySchema } },
      async (request, reply) => sendCsv(reply, `rempart-journal-${stamp(deps.clock.now())}.csv`, viewer.csv(request.query, request.locale)),
    );

    app.get(
      '/api/audit-log/verify',
      { config: { access: access.platform('platform.manage') }, schema: { tags: ['audit-log'], response: { 200: verifySchema } } },
      async () => viewer.verify(),
    );

    app.get(
      '/api/orgs/:orgId/audit-log',
      {
        config: { access: access.org('audit.read') },
        schema: { tags: ['audit-log'], params: orgParamsSchema, querystring: orgAuditQuerySchema, response: { 200: auditPageSchema } },
      },
      async (request) => {
        const { page, pageSize, ...filters } = request.query;
        return viewer.page({ ...filters, organizationId: request.params.orgId }, page, pageSize);
      },
    );

    app.get(
      '/api/orgs/:orgId/audit-log/export.csv',
      {
        config: { access: access.org('audit.read') },
        schema: { tags: ['audit-log'], params: orgParamsSchema, querystring: orgAuditQuerySchema.omit({ page: true, pageSize: true }) },
      },
      async (request, reply) =>
        sendCsv(
          reply,
          `rempart-journal-${stamp(deps.clock.now())}.csv`,
          viewer.csv({ ...request.query, organizationId: request.params.orgId }, request.locale),
        ),
    );
  },
};
