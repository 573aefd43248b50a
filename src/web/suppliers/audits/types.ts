/**
 * The shapes of the audits, provider portal and grids API (docs/api-suppliers.md), mirrored from
 * src/server/modules/suppliers/{grid-definition,audits-schema,grids-schema}.ts so the web bundle
 * carries no server code.
 */
export interface Texts {
  fr: string;
  en: string;
}

export const answerTypes = ['yes_no', 'yes_no_partial', 'single', 'multiple', 'text', 'number', 'date'] as const;
export type AnswerType = (typeof answerTypes)[number];
export const evidenceRules = ['none', 'optional', 'required'] as const;
export type EvidenceRule = (typeof evidenceRules)[number];

export interface GridOption {
  id: string;
  label: Texts;
  score?: number;
}

export interface GridQuestion {
  id: string;
  text: Texts;
  help?: Texts;
  reference?: string;
  type: AnswerType;
  options?: GridOption[];
  weight: number;
  evidence: EvidenceRule;
  showIf?: { questionId: string; anyOf: string[] };
}

export interface GridSection {
  id: string;
  title: Texts;
  questions: GridQuestion[];
}

export interface GridDefinition {
  sections: GridSection[];
}

export interface GridSnapshot {
  titleFr: string;
  titleEn: string;
  definition: GridDefinition;
}

export const auditStatuses = ['planned', 'open', 'submitted', 'in_review', 'remediation', 'closed', 'cancelled'] as const;
export type AuditStatus = (typeof auditStatuses)[number];

export interface Evidence {
  id: string;
  questionId: string | null;
  findingId: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface Comment {
  id: string;
  questionId: string | null;
  side: 'provider' | 'establishment';
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface Answer {
  questionId: string;
  value: unknown;
  comment: string;
  answeredAt: string;
}

export interface AuditSummary {
  id: string;
  supplierId: string;
  supplierName: string;
  organizationId: string;
  contractId: string | null;
  kind: string;
  status: AuditStatus;
  title: string;
  dueOn: string;
  gridId: string;
  gridVersion: number;
  shared: boolean;
  providerAgreedSharedAt: string | null;
  noticeSentAt: string | null;
  openedAt: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  role: 'lead' | 'participant';
}

export interface AuditDetail extends AuditSummary {
  evidenceMaxBytes: number;
  evidenceTypes: string[];
  grid: GridSnapshot;
  visibleQuestionIds: string[];
  answersVisible: boolean;
  answers: Array<Answer & { rating: string | null; ratingNote: string }>;
  evidence: Evidence[];
  comments: Comment[];
  participants: Array<{ organizationId: string; name: string; joinedAt: string }>;
}

export interface OpenResult extends AuditDetail {
  noticesSent: number;
  noticeFailures: string[];
}

export interface PortalSummary {
  id: string;
  title: string;
  status: AuditStatus;
  dueOn: string;
  establishmentName: string;
  openedAt: string | null;
  submittedAt: string | null;
  shared: boolean;
  sharingAgreed: boolean;
}

export interface PortalDetail extends PortalSummary {
  evidenceMaxBytes: number;
  evidenceTypes: string[];
  sharedWith: string[];
  grid: GridSnapshot;
  visibleQuestionIds: string[];
  answers: Answer[];
  evidence: Evidence[];
  comments: Comment[];
  readOnly: boolean;
}

export const gridOrigins = ['catalogue', 'custom', 'fork', 'import'] as const;
export type GridOrigin = (typeof gridOrigins)[number];

export interface GridSummary {
  id: string;
  origin: GridOrigin;
  forkedFrom: string | null;
  version: number;
  title: string;
  titles: Texts;
  sectionCount: number;
  questionCount: number;
  readOnly: boolean;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Grid extends GridSummary {
  definition: GridDefinition;
}

export interface ImportReport {
  dryRun: boolean;
  valid: boolean;
  issues: Array<{ line: number | null; column: string | null; code: string; message: string }>;
  sectionCount: number;
  questionCount: number;
  grid?: Grid;
}

/** Register rows as the audit forms need them (GET /api/orgs/:orgId/suppliers, /contracts). */
export interface SupplierRef {
  id: string;
  name: string;
  siren: string;
}

export interface ContractRef {
  id: string;
  reference: string;
  title: string;
  supplierId: string;
}
