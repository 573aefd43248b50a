import { fromBool01, fromJson } from '../../db/dialect.js';
import type { AnswerMap, AnswerValue } from './audits-answers.js';
import type { AnswerRow, AuditRow, EvidenceRow } from './audits-repo.js';
import type { AuditSummary, CommentDto, EvidenceDto } from './audits-schema.js';
import { type EvidenceKind, mediaTypes } from './evidence-sniff.js';
import { type GridDefinition, gridDefinitionSchema } from './grid-definition.js';
import type { CommentSide } from './tables.js';

export interface GridSnapshot {
  titleFr: string;
  titleEn: string;
  definition: GridDefinition;
}

/**
 * The frozen grid of an audit. Written as { titleFr, titleEn, definition }; a snapshot written
 * flat ({ title: { fr, en }, sections }) by another path reads the same.
 */
export function snapshotOf(audit: Pick<AuditRow, 'grid_snapshot' | 'title'>): GridSnapshot {
  const raw = fromJson<Record<string, unknown>>(audit.grid_snapshot, {});
  const def = gridDefinitionSchema.safeParse(raw.definition ?? raw);
  const title = (raw.title ?? {}) as { fr?: string; en?: string };
  return {
    titleFr: typeof raw.titleFr === 'string' ? raw.titleFr : (title.fr ?? audit.title),
    titleEn: typeof raw.titleEn === 'string' ? raw.titleEn : (title.en ?? audit.title),
    definition: def.success ? def.data : { sections: [] },
  };
}

export const answerMapOf = (rows: AnswerRow[]): AnswerMap =>
  new Map(rows.map((r) => [r.question_id, fromJson<AnswerValue>(r.value, '')] as const));

export function presentSummary(a: AuditRow & { supplier_name: string }, viewerOrgId: string): AuditSummary {
  return {
    id: a.id,
    supplierId: a.supplier_id,
    supplierName: a.supplier_name,
    organizationId: a.organization_id,
    contractId: a.contract_id,
    kind: a.kind,
    status: a.status,
    title: a.title,
    dueOn: a.due_on,
    gridId: a.grid_id,
    gridVersion: Number(a.grid_version),
    shared: fromBool01(a.shared),
    providerAgreedSharedAt: a.provider_agreed_shared_at,
    noticeSentAt: a.notice_sent_at,
    openedAt: a.opened_at,
    submittedAt: a.submitted_at,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    role: a.organization_id === viewerOrgId ? 'lead' : 'participant',
  };
}

export const presentEvidence = (e: EvidenceRow): EvidenceDto => ({
  id: e.id,
  questionId: e.question_id,
  findingId: e.finding_id,
  fileName: e.file_name,
  mediaType: e.media_type,
  size: Number(e.size),
  sha256: e.sha256,
  uploadedAt: e.uploaded_at,
});

export const presentComment = (c: {
  id: string;
  question_id: string | null;
  side: CommentSide;
  author_name: string | null;
  body: string;
  created_at: string;
}): CommentDto => ({
  id: c.id,
  questionId: c.question_id,
  side: c.side,
  authorName: c.author_name,
  body: c.body,
  createdAt: c.created_at,
});

export const presentAnswer = (r: AnswerRow) => ({
  questionId: r.question_id,
  value: fromJson<unknown>(r.value, null),
  comment: r.comment,
  answeredAt: r.answered_at,
});

/** The evidence limits a client needs to refuse a file before sending it; the server checks them again on upload. */
export const evidenceLimits = (config: { EVIDENCE_MAX_BYTES: number }) => ({
  evidenceMaxBytes: config.EVIDENCE_MAX_BYTES,
  evidenceTypes: Object.keys(mediaTypes) as EvidenceKind[],
});
