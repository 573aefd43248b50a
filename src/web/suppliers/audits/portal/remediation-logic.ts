/**
 * The provider's side of findings and remediation plans (docs/api-suppliers.md, "Remediation
 * (provider side)"): shapes mirrored from portal-service.ts, API paths, and the checks the plan
 * form runs before sending (the same limits as the server's planBody).
 */
import type { AuditStatus } from '../types.js';

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];
export const findingStatuses = ['open', 'plan_proposed', 'plan_agreed', 'closed'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

export interface RemediationStepView {
  id: string;
  description: string;
  dueOn: string;
  status: 'todo' | 'done';
  doneAt: string | null;
}

export interface ProviderFinding {
  id: string;
  questionId: string | null;
  title: string;
  description: string;
  severity: Severity;
  status: FindingStatus;
  dueOn: string | null;
  overdue: boolean;
  closedAt: string | null;
  planProposedBy: 'establishment' | 'provider' | null;
  steps: RemediationStepView[];
  evidence: Array<{ id: string; fileName: string; mediaType: string; uploadedAt: string }>;
}

const seg = encodeURIComponent;
const audit = (auditId: string) => `/api/portal/audits/${seg(auditId)}`;
const finding = (auditId: string, findingId: string) => `${audit(auditId)}/findings/${seg(findingId)}`;

export const remediationApi = {
  findings: (auditId: string) => `${audit(auditId)}/findings`,
  plan: (auditId: string, findingId: string) => `${finding(auditId, findingId)}/plan`,
  agree: (auditId: string, findingId: string) => `${finding(auditId, findingId)}/plan/agree`,
  stepDone: (auditId: string, findingId: string, stepId: string) => `${finding(auditId, findingId)}/steps/${seg(stepId)}/done`,
  upload: (auditId: string, findingId: string, fileName: string) =>
    `${audit(auditId)}/evidence?filename=${seg(fileName)}&findingId=${seg(findingId)}`,
};

/** Under the portal audit's key, so refreshing the audit refreshes its findings too. */
export const remediationKey = (auditId: string) => ['suppliersPortal', auditId, 'findings'] as const;

/** Findings exist from the review on; before it the section has nothing to show. */
export const hasRemediation = (status: AuditStatus): boolean => status === 'in_review' || status === 'remediation' || status === 'closed';

export const MAX_STEPS = 50;
export const MAX_DESCRIPTION = 2000;

export interface StepDraft {
  description: string;
  dueOn: string;
}

export const emptyStep = (): StepDraft => ({ description: '', dueOn: '' });

/** What the provider may do with a finding, given its status and who proposed the current plan. */
export function providerActions(f: Pick<ProviderFinding, 'status' | 'planProposedBy'>, auditClosed: boolean) {
  const writable = !auditClosed && f.status !== 'closed';
  return {
    propose: writable && (f.status === 'open' || f.status === 'plan_proposed'),
    // The provider never agrees to its own proposal: the establishment decides on it.
    agree: writable && f.status === 'plan_proposed' && f.planProposedBy === 'establishment',
    awaitingEstablishment: f.status === 'plan_proposed' && f.planProposedBy === 'provider',
    markDone: writable && f.status === 'plan_agreed',
  };
}

/** A real calendar day written YYYY-MM-DD (the date input gives that form; 2026-02-30 is refused). */
export function isCalendarDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export type PlanProblem = 'required' | 'tooLong' | 'dateRequired' | 'dateInvalid' | 'tooFew' | 'tooMany';

/**
 * Problems of a draft plan keyed like the server's fields (`steps`, `steps.0.description`,
 * `steps.0.dueOn`), so the form shows its own and the server's errors in the same places.
 */
export function planProblems(steps: readonly StepDraft[]): Record<string, PlanProblem> {
  const out: Record<string, PlanProblem> = {};
  if (steps.length === 0) out.steps = 'tooFew';
  if (steps.length > MAX_STEPS) out.steps = 'tooMany';
  steps.forEach((s, i) => {
    const text = s.description.trim();
    if (!text) out[`steps.${i}.description`] = 'required';
    else if (text.length > MAX_DESCRIPTION) out[`steps.${i}.description`] = 'tooLong';
    if (!s.dueOn) out[`steps.${i}.dueOn`] = 'dateRequired';
    else if (!isCalendarDay(s.dueOn)) out[`steps.${i}.dueOn`] = 'dateInvalid';
  });
  return out;
}

/** The body sent to PUT …/plan: descriptions trimmed, as the server stores them. */
export const planBodyOf = (steps: readonly StepDraft[]) => ({
  steps: steps.map((s) => ({ description: s.description.trim(), dueOn: s.dueOn })),
});

/** A step still to do whose deadline has passed (`today` as YYYY-MM-DD, the establishment's day). */
export const stepOverdue = (s: Pick<RemediationStepView, 'status' | 'dueOn'>, today: string): boolean =>
  s.status === 'todo' && s.dueOn < today;

/** Today as YYYY-MM-DD in Paris, the day the server counts deadlines in. */
export const parisToday = (now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

/** Replaces one finding of the list by its new version (each write answers the updated finding). */
export const replaceFinding = (list: readonly ProviderFinding[], next: ProviderFinding): ProviderFinding[] =>
  list.map((f) => (f.id === next.id ? next : f));

/** Progress of a plan: steps done out of all. */
export const stepsDone = (f: Pick<ProviderFinding, 'steps'>) => ({
  done: f.steps.filter((s) => s.status === 'done').length,
  total: f.steps.length,
});
