import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import type { ModuleDeps } from '../index.js';
import { auditReportPdf } from './report-pdf.js';
import { auditReport } from './report-service.js';
import { auditParams } from './review-schema.js';

/** The audit report as PDF, in the request's language (suppliers.audit; participants of a shared audit too). */
export function supplierReportRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/orgs/:orgId/suppliers/audits/:auditId/report.pdf',
    { config: { access: access.org('suppliers.audit') }, schema: { tags: ['suppliers: review'], params: auditParams } },
    async (request, reply) => {
      const report = await auditReport(deps, request.params.orgId, request.params.auditId, request.locale);
      const now = deps.clock.now();
      const pdf = await auditReportPdf(report, request.locale, now);
      const name = request.locale === 'en' ? 'audit-report' : 'rapport-audit';
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${name}-${now.toISOString().slice(0, 10)}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
