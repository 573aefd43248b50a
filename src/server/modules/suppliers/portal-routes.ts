import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import { portalOrgs } from './audits-access.js';
import {
  answerBody,
  commentBody,
  commentSchema,
  evidenceParams,
  evidenceSchema,
  portalAnswerParams,
  portalAuditParams,
  portalDetailSchema,
  portalListSchema,
} from './audits-schema.js';
import { AuditsService } from './audits-service.js';
import { AuditSharing } from './audits-sharing.js';
import { CommentsService } from './comments-service.js';
import { evidenceUploadRoute, sendEvidence } from './evidence-routes.js';
import { EvidenceService } from './evidence-service.js';
import { planBody, stepDoneBody } from './findings-schema.js';
import { IncompleteAudit, PortalService, providerFindingSchema } from './portal-service.js';

const tags = ['suppliers: portal'];
const id = z.string().min(1).max(64);
const findingParams = portalAuditParams.extend({ findingId: id });
const stepParams = findingParams.extend({ stepId: id });

/**
 * The provider portal (docs/api-suppliers.md): a provider's contacts reach only the opened audits
 * of their own provider organization (suppliers.portal there); anything else answers 404.
 */
export async function supplierPortalRoutes(fastify: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const portal = new PortalService(deps);
  const sharing = new AuditSharing(deps, new AuditsService(deps));
  const comments = new CommentsService(deps);
  const evidence = new EvidenceService(deps);
  // No scope in the path: the service finds the actor's provider organizations from their grants.
  const config = { access: access.signedIn() };
  const orgs = (request: { actor: Parameters<typeof portalOrgs>[1] }) => portalOrgs(deps.policy, request.actor);
  const base = '/api/portal/audits';

  app.get(base, { config, schema: { tags, response: { 200: portalListSchema } } }, async (request) => portal.list(orgs(request)));
  app.get(
    `${base}/:auditId`,
    { config, schema: { tags, params: portalAuditParams, response: { 200: portalDetailSchema } } },
    async (request) => portal.get(orgs(request), request.params.auditId),
  );
  app.put(
    `${base}/:auditId/answers/:questionId`,
    { config, schema: { tags, params: portalAnswerParams, body: answerBody, response: { 200: portalDetailSchema } } },
    async (request) => portal.answer(contextOf(request), orgs(request), request.params.auditId, request.params.questionId, request.body),
  );
  app.post(
    `${base}/:auditId/submit`,
    { config, schema: { tags, params: portalAuditParams, response: { 200: portalDetailSchema } } },
    async (request, reply) => {
      try {
        return await portal.submit(contextOf(request), orgs(request), request.params.auditId);
      } catch (err) {
        if (!(err instanceof IncompleteAudit)) throw err;
        // The list of what is missing lets the portal take the provider to each question.
        const message = request.locale === 'en' ? err.text.en : err.text.fr;
        return (reply as unknown as FastifyReply).status(400).send({
          error: { code: err.code, message, field: 'answers', missing: { answers: err.missingAnswers, evidence: err.missingEvidence } },
        });
      }
    },
  );
  app.post(
    `${base}/:auditId/agree-sharing`,
    { config, schema: { tags, params: portalAuditParams, response: { 200: portalDetailSchema } } },
    async (request) => {
      await sharing.agree(contextOf(request), orgs(request), request.params.auditId);
      return portal.get(orgs(request), request.params.auditId);
    },
  );

  app.get(
    `${base}/:auditId/comments`,
    { config, schema: { tags, params: portalAuditParams, response: { 200: z.array(commentSchema) } } },
    async (request) => comments.listForProvider(orgs(request), request.params.auditId),
  );
  app.post(
    `${base}/:auditId/comments`,
    { config, schema: { tags, params: portalAuditParams, body: commentBody, response: { 201: commentSchema } } },
    async (request, reply) =>
      reply.status(201).send(await comments.postAsProvider(contextOf(request), orgs(request), request.params.auditId, request.body)),
  );

  app.get(
    `${base}/:auditId/evidence`,
    { config, schema: { tags, params: portalAuditParams, response: { 200: z.array(evidenceSchema) } } },
    async (request) => evidence.listForProvider(orgs(request), request.params.auditId),
  );
  app.get(
    `${base}/:auditId/evidence/:evidenceId`,
    { config, schema: { tags, params: evidenceParams, description: 'The file itself (attachment).' } },
    async (request, reply) =>
      sendEvidence(reply, await evidence.downloadForProvider(orgs(request), request.params.auditId, request.params.evidenceId)),
  );
  app.delete(`${base}/:auditId/evidence/:evidenceId`, { config, schema: { tags, params: evidenceParams } }, async (request, reply) => {
    await evidence.remove(contextOf(request), orgs(request), request.params.auditId, request.params.evidenceId);
    return reply.status(204).send();
  });

  // Remediation: the provider's view of its audit's findings and its side of each plan.
  const finding = `${base}/:auditId/findings/:findingId`;
  app.get(
    `${base}/:auditId/findings`,
    { config, schema: { tags, params: portalAuditParams, response: { 200: z.object({ items: z.array(providerFindingSchema) }) } } },
    async (request) => ({ items: await portal.findings(orgs(request), request.params.auditId) }),
  );
  app.get(finding, { config, schema: { tags, params: findingParams, response: { 200: providerFindingSchema } } }, async (request) =>
    portal.finding(orgs(request), request.params.auditId, request.params.findingId),
  );
  app.put(
    `${finding}/plan`,
    { config, schema: { tags, params: findingParams, body: planBody, response: { 200: providerFindingSchema } } },
    async (request) => {
      const { auditId, findingId } = request.params;
      return portal.onFinding(orgs(request), auditId, findingId, (f, who) =>
        f.proposePlan(contextOf(request), who, findingId, request.body),
      );
    },
  );
  app.post(
    `${finding}/plan/agree`,
    { config, schema: { tags, params: findingParams, response: { 200: providerFindingSchema } } },
    async (request) => {
      const { auditId, findingId } = request.params;
      return portal.onFinding(orgs(request), auditId, findingId, (f, who) => f.agreePlan(contextOf(request), who, findingId));
    },
  );
  app.post(
    `${finding}/steps/:stepId/done`,
    { config, schema: { tags, params: stepParams, body: stepDoneBody, response: { 200: providerFindingSchema } } },
    async (request) => {
      const { auditId, findingId, stepId } = request.params;
      return portal.onFinding(orgs(request), auditId, findingId, (f, who) =>
        f.stepDone(contextOf(request), who, findingId, stepId, request.body.evidenceId),
      );
    },
  );

  await fastify.register(async (scope) => evidenceUploadRoute(scope, deps, evidence));
}
