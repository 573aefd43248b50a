import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access/rules.js';
import { contextOf } from '../../platform/context.js';
import type { ModuleDeps } from '../index.js';
import { AuditOpening } from './audits-open.js';
import { evidenceLimits } from './audits-present.js';
import {
  auditCreateBody,
  auditDetailSchema,
  auditListQuery,
  auditListSchema,
  commentBody,
  commentSchema,
  evidenceSchema,
  openResultSchema,
  orgAuditParams,
  orgEvidenceParams,
  orgParams,
  shareBody,
  shareCandidatesSchema,
  territoryAuditParams,
} from './audits-schema.js';
import { AuditsService } from './audits-service.js';
import { AuditSharing } from './audits-sharing.js';
import { CommentsService } from './comments-service.js';
import { sendEvidence } from './evidence-routes.js';
import { EvidenceService } from './evidence-service.js';

const tags = ['suppliers: audits'];

/**
 * The establishment's side of audits (docs/api-suppliers.md, "Audits and the provider portal"):
 * list, read, launch by hand, open (notice to the provider), cancel, share within a territory,
 * the thread and the evidence files.
 */
export function supplierAuditRoutes(fastify: FastifyInstance, deps: ModuleDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const audits = new AuditsService(deps);
  const opening = new AuditOpening(deps, audits);
  const sharing = new AuditSharing(deps, audits);
  const comments = new CommentsService(deps);
  const evidence = new EvidenceService(deps);
  const read = { access: access.org('suppliers.read') };
  const manage = { access: access.org('suppliers.manage') };
  const base = '/api/orgs/:orgId/suppliers/audits';
  const territoryBase = '/api/territories/:territoryId/suppliers/audits';
  // Every AuditDetail carries the evidence limits, so the page knows them whichever action it came from.
  const limits = evidenceLimits(deps.config);
  const withLimits = async <T extends object>(detail: Promise<T>) => ({ ...(await detail), ...limits });

  app.get(
    base,
    { config: read, schema: { tags, params: orgParams, querystring: auditListQuery, response: { 200: auditListSchema } } },
    async (request) => audits.list(request.params.orgId, request.query),
  );
  app.post(
    base,
    { config: manage, schema: { tags, params: orgParams, body: auditCreateBody, response: { 201: auditDetailSchema } } },
    async (request, reply) =>
      reply.status(201).send(await withLimits(audits.create(contextOf(request), request.params.orgId, request.body))),
  );
  app.get(
    `${base}/:auditId`,
    { config: read, schema: { tags, params: orgAuditParams, response: { 200: auditDetailSchema } } },
    async (request) => withLimits(audits.get(request.params.orgId, request.params.auditId)),
  );
  app.post(
    `${base}/:auditId/open`,
    { config: manage, schema: { tags, params: orgAuditParams, response: { 200: openResultSchema } } },
    async (request) => withLimits(opening.open(contextOf(request), request.params.orgId, request.params.auditId)),
  );
  app.post(
    `${base}/:auditId/notice`,
    { config: manage, schema: { tags, params: orgAuditParams, response: { 200: openResultSchema } } },
    async (request) => withLimits(opening.resend(contextOf(request), request.params.orgId, request.params.auditId)),
  );
  app.post(
    `${base}/:auditId/cancel`,
    { config: manage, schema: { tags, params: orgAuditParams, response: { 200: auditDetailSchema } } },
    async (request) => withLimits(audits.cancel(contextOf(request), request.params.orgId, request.params.auditId)),
  );
  app.post(
    `${base}/:auditId/share`,
    { config: manage, schema: { tags, params: orgAuditParams, body: shareBody, response: { 200: auditDetailSchema } } },
    async (request) =>
      withLimits(sharing.share(contextOf(request), { orgId: request.params.orgId }, request.params.auditId, request.body.organizationIds)),
  );
  app.post(
    `${territoryBase}/:auditId/share`,
    {
      config: { access: access.territory('suppliers.manage') },
      schema: { tags, params: territoryAuditParams, body: shareBody, response: { 200: auditDetailSchema } },
    },
    async (request) =>
      withLimits(
        sharing.share(
          contextOf(request),
          { territoryId: request.params.territoryId },
          request.params.auditId,
          request.body.organizationIds,
        ),
      ),
  );
  app.get(
    `${base}/:auditId/share-candidates`,
    { config: manage, schema: { tags, params: orgAuditParams, response: { 200: shareCandidatesSchema } } },
    async (request) => sharing.candidates({ orgId: request.params.orgId }, request.params.auditId),
  );
  app.get(
    `${territoryBase}/:auditId/share-candidates`,
    {
      config: { access: access.territory('suppliers.manage') },
      schema: { tags, params: territoryAuditParams, response: { 200: shareCandidatesSchema } },
    },
    async (request) => sharing.candidates({ territoryId: request.params.territoryId }, request.params.auditId),
  );

  app.get(
    `${base}/:auditId/comments`,
    { config: read, schema: { tags, params: orgAuditParams, response: { 200: z.array(commentSchema) } } },
    async (request) => comments.listForOrg(request.params.orgId, request.params.auditId),
  );
  app.post(
    `${base}/:auditId/comments`,
    {
      config: { access: access.org('suppliers.audit') },
      schema: { tags, params: orgAuditParams, body: commentBody, response: { 201: commentSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await comments.postAsEstablishment(contextOf(request), request.params.orgId, request.params.auditId, request.body)),
  );

  app.get(
    `${base}/:auditId/evidence`,
    { config: read, schema: { tags, params: orgAuditParams, response: { 200: z.array(evidenceSchema) } } },
    async (request) => (await audits.get(request.params.orgId, request.params.auditId)).evidence,
  );
  app.get(
    `${base}/:auditId/evidence/:evidenceId`,
    { config: read, schema: { tags, params: orgEvidenceParams, description: 'The file itself (attachment).' } },
    async (request, reply) =>
      sendEvidence(reply, await evidence.downloadForOrg(request.params.orgId, request.params.auditId, request.params.evidenceId)),
  );
}
