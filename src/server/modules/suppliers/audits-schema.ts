import { z } from 'zod';
import { gridDefinitionSchema } from './grid-definition.js';

/** Request and answer shapes of the audits (establishment side) and of the provider portal. */
const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const auditStatuses = ['planned', 'open', 'submitted', 'in_review', 'remediation', 'closed', 'cancelled'] as const;

export const orgParams = z.object({ orgId: id });
export const orgAuditParams = z.object({ orgId: id, auditId: id });
export const territoryAuditParams = z.object({ territoryId: id, auditId: id });
export const portalAuditParams = z.object({ auditId: id });
export const portalAnswerParams = z.object({ auditId: id, questionId: z.string().min(1).max(64) });
export const evidenceParams = z.object({ auditId: id, evidenceId: id });
export const orgEvidenceParams = z.object({ orgId: id, auditId: id, evidenceId: id });

export const auditListQuery = z.object({
  status: z.enum(auditStatuses).optional(),
  supplierId: id.optional(),
  dueFrom: day.optional(),
  dueTo: day.optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const auditCreateBody = z.object({
  supplierId: id,
  contractId: id.nullable().optional(),
  gridId: id,
  dueOn: day,
  title: z.string().trim().min(1).max(200).optional(),
});

export const shareBody = z.object({ organizationIds: z.array(id).min(1).max(200) });
export const commentBody = z.object({
  body: z.string().trim().min(1).max(5000),
  questionId: z.string().min(1).max(64).nullable().optional(),
});
export const answerBody = z.object({ value: z.unknown(), comment: z.string().max(5000).optional() });
export const uploadQuery = z.object({
  filename: z.string().min(1).max(255).optional(),
  questionId: z.string().min(1).max(64).optional(),
  findingId: id.optional(),
});

const gridSnapshot = z.object({ titleFr: z.string(), titleEn: z.string(), definition: gridDefinitionSchema });

export const evidenceSchema = z.object({
  id: z.string(),
  questionId: z.string().nullable(),
  findingId: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const commentSchema = z.object({
  id: z.string(),
  questionId: z.string().nullable(),
  side: z.enum(['provider', 'establishment']),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});

const answerSchema = z.object({ questionId: z.string(), value: z.unknown(), comment: z.string(), answeredAt: z.string() });
const reviewedAnswerSchema = answerSchema.extend({ rating: z.string().nullable(), ratingNote: z.string() });

export const auditSummarySchema = z.object({
  id: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  organizationId: z.string(),
  contractId: z.string().nullable(),
  kind: z.string(),
  status: z.enum(auditStatuses),
  title: z.string(),
  dueOn: z.string(),
  gridId: z.string(),
  gridVersion: z.number(),
  shared: z.boolean(),
  providerAgreedSharedAt: z.string().nullable(),
  noticeSentAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** lead: this organization runs it; participant: shared with it. */
  role: z.enum(['lead', 'participant']),
});

export const auditListSchema = z.object({
  items: z.array(auditSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** What the server accepts as evidence, so a client refuses a file before sending it (docs: "Evidence"). */
const evidenceLimitsShape = { evidenceMaxBytes: z.number().int(), evidenceTypes: z.array(z.string()) };

/** The audit as AuditsService builds it; the routes answer it with the evidence limits (auditDetailSchema). */
export const auditDetailCoreSchema = auditSummarySchema.extend({
  grid: gridSnapshot,
  visibleQuestionIds: z.array(z.string()),
  /** False for a participant until the provider agreed to the sharing: answers, evidence and thread stay empty. */
  answersVisible: z.boolean(),
  answers: z.array(reviewedAnswerSchema),
  evidence: z.array(evidenceSchema),
  comments: z.array(commentSchema),
  participants: z.array(z.object({ organizationId: z.string(), name: z.string(), joinedAt: z.string() })),
});

export const auditDetailSchema = auditDetailCoreSchema.extend(evidenceLimitsShape);

export const openResultSchema = auditDetailSchema.extend({ noticesSent: z.number(), noticeFailures: z.array(z.string()) });

export const portalSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(auditStatuses),
  dueOn: z.string(),
  establishmentName: z.string(),
  openedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  shared: z.boolean(),
  sharingAgreed: z.boolean(),
});

export const portalDetailSchema = portalSummarySchema.extend({
  /** Names of the organizations the audit would be shared with: what the provider agrees to. */
  sharedWith: z.array(z.string()),
  grid: gridSnapshot,
  visibleQuestionIds: z.array(z.string()),
  answers: z.array(answerSchema),
  evidence: z.array(evidenceSchema),
  comments: z.array(commentSchema),
  readOnly: z.boolean(),
  ...evidenceLimitsShape,
});

/** Share candidates: who the share would accept now, and the other territory members with why not. */
export const shareCandidatesSchema = z.object({
  items: z.array(
    z.object({
      organizationId: z.string(),
      name: z.string(),
      territoryId: z.string(),
      territoryName: z.string(),
      supplierName: z.string(),
      contractEndsOn: z.string().nullable(),
    }),
  ),
  ineligible: z.array(
    z.object({ organizationId: z.string(), name: z.string(), territoryName: z.string(), reason: z.enum(['no_same_provider']) }),
  ),
});

export const portalListSchema = z.object({ items: z.array(portalSummarySchema) });

export type AuditListQuery = z.infer<typeof auditListQuery>;
export type AuditCreateInput = z.infer<typeof auditCreateBody>;
export type AuditSummary = z.infer<typeof auditSummarySchema>;
export type AuditDetail = z.infer<typeof auditDetailCoreSchema>;
export type PortalSummary = z.infer<typeof portalSummarySchema>;
export type PortalDetail = z.infer<typeof portalDetailSchema>;
export type EvidenceDto = z.infer<typeof evidenceSchema>;
export type CommentDto = z.infer<typeof commentSchema>;
