/** Shapes of the review, findings, costs, budget and dashboard API (docs/api-suppliers.md, review-*.ts…). */
import type { CostSplit } from '../cost-split.js';

export const ratings = ['compliant', 'partial', 'non_compliant', 'not_applicable'] as const;
export type Rating = (typeof ratings)[number];
export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];
export const findingStatuses = ['open', 'plan_proposed', 'plan_agreed', 'closed'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

export interface Score {
  score: number | null;
  counts: { compliant: number; partial: number; non_compliant: number; not_applicable: number; unrated: number };
  sections: Array<{ sectionId: string; title: string; score: number | null }>;
}

export interface ReviewQuestion {
  id: string;
  text: string;
  type: string;
  weight: number;
  reference: string | null;
  answer: { value: unknown; comment: string; answeredAt: string } | null;
  rating: Rating | null;
  ratingNote: string;
  ratedAt: string | null;
}

export interface ReviewView {
  audit: {
    id: string;
    title: string;
    status: string;
    supplierId: string;
    supplierName: string;
    contractId: string | null;
    dueOn: string;
    submittedAt: string | null;
    reviewedAt: string | null;
    closedAt: string | null;
    shared: boolean;
    lead: boolean;
  };
  grid: { title: string; sections: Array<{ id: string; title: string; questions: ReviewQuestion[] }> };
  score: Score;
}

export interface Finding {
  id: string;
  auditId: string;
  auditTitle: string;
  organizationId: string;
  supplierId: string;
  supplierName: string;
  questionId: string | null;
  title: string;
  description: string;
  severity: Severity;
  rootCause: string;
  status: FindingStatus;
  dueOn: string | null;
  overdue: boolean;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  steps: Array<{ id: string; description: string; dueOn: string; status: 'todo' | 'done'; doneAt: string | null }>;
  evidence: Array<{ id: string; fileName: string; mediaType: string; uploadedAt: string }>;
}

export interface FindingInput {
  questionId: string | null;
  title: string;
  description: string;
  severity: Severity;
  rootCause: string;
  dueOn?: string;
}

export interface AuditCosts {
  items: Array<{ id: string; label: string; amountCents: number; incurredOn: string; createdAt: string }>;
  split: CostSplit;
}

interface Paid {
  establishmentCents: number;
  providerCents: number;
}
export interface Budget {
  year: number;
  totals: Paid;
  months: Array<{ month: number } & Paid>;
  providers: Array<{ supplierId: string; supplierName: string; audits: number } & Paid>;
}

type BySeverity = Record<Severity, number>;
export interface OrgDashboard {
  today: string;
  providers: { total: number; byTier: Record<'1' | '2' | '3' | '4', number>; healthData: number };
  hds: { expired: number; expiringIn30Days: number; expiringIn90Days: number; healthDataWithoutCertificate: number };
  contracts: { active: number; withoutAuditClause: number; missingGdpr28: number };
  audits: { overdue: number; dueIn30Days: number; open: number; inRemediation: number };
  findings: { open: BySeverity; overdue: number };
  riskiest: Array<{
    supplierId: string;
    name: string;
    siren: string;
    tier: number;
    openCriticalFindings: number;
    overdueAudit: boolean;
    riskScore: number;
  }>;
}

export interface MemberFigures {
  providers: number;
  tier1: number;
  healthData: number;
  hdsExpired: number;
  hdsExpiringIn90Days: number;
  contractsWithoutAuditClause: number;
  auditsOverdue: number;
  auditsInRemediation: number;
  openFindings: BySeverity;
}
export interface TerritoryDashboard {
  territory: { id: string; name: string };
  members: Array<{ organizationId: string; name: string; sharing: boolean; figures: MemberFigures | null }>;
  totals: MemberFigures;
  sharedProviders: Array<{ siren: string; name: string; members: Array<{ organizationId: string; name: string }> }>;
}
