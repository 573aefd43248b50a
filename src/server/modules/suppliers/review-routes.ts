import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import { supplierCostsRoutes } from './costs-routes.js';
import { supplierDashboardRoutes } from './dashboard-routes.js';
import { supplierFindingsRoutes } from './findings-routes.js';
import { supplierReportRoutes } from './report-routes.js';
import { auditParams, ratingBody, ratingParams, ratingResultSchema, reviewSchema } from './review-schema.js';
import { ReviewService } from './review-service.js';

const tags = ['suppliers: review'];

/**
 * The review part (docs/api-suppliers.md, "Review, findings, costs, report and dashboard"): the
 * auditor rates each answer of a submitted audit, opens findings with a remediation plan, records
 * costs; the report PDF and the provider risk dashboards.
 */
export function supplierReviewRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const service = new ReviewService(deps);
  const base = '/api/orgs/:orgId/suppliers/audits/:auditId';

  app.get(
    `${base}/review`,
    { config: { access: access.org('suppliers.audit') }, schema: { tags, params: auditParams, response: { 200: reviewSchema } } },
    async (request) => service.view(request.params.orgId, request.params.auditId, request.locale),
  );

  app.post(
    `${base}/review`,
    { config: { access: access.org('suppliers.audit') }, schema: { tags, params: auditParams, response: { 200: reviewSchema } } },
    async (request) => service.start(contextOf(request), request.params.orgId, request.params.auditId),
  );

  app.put(
    `${base}/answers/:questionId/rating`,
    {
      config: { access: access.org('suppliers.audit') },
      schema: { tags, params: ratingParams, body: ratingBody, response: { 200: ratingResultSchema } },
    },
    async (request) => {
      const { orgId, auditId, questionId } = request.params;
      return service.rate(contextOf(request), orgId, auditId, questionId, request.body.rating, request.body.note);
    },
  );

  app.post(
    `${base}/review/complete`,
    { config: { access: access.org('suppliers.audit') }, schema: { tags, params: auditParams, response: { 200: reviewSchema } } },
    async (request) => service.complete(contextOf(request), request.params.orgId, request.params.auditId),
  );

  supplierFindingsRoutes(fastify, deps);
  supplierCostsRoutes(fastify, deps);
  supplierReportRoutes(fastify, deps);
  supplierDashboardRoutes(fastify, deps);
}
