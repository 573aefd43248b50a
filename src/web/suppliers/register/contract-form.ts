import type { AuditClause, Clause, ClauseKey, ContractDetail, ContractInput, ModelClause, Payer, Renewal, Trigger } from './types.js';
import { clauseKeys } from './types.js';

/** The audit clause as the form edits it: numbers as strings so an input may be empty for a moment. */
export interface AuditClauseForm {
  frequencyMonths: string;
  gridId: string;
  noticeDays: string;
  payer: Payer;
  costCapEur: string;
  fixDeadlineDays: string;
  triggers: Trigger[];
  hdsReportDelayDays: string;
}

export interface ContractFormValues {
  reference: string;
  title: string;
  startsOn: string;
  endsOn: string;
  renewal: Renewal;
  noticeDays: string;
  incidentNotificationHours: string;
  clauses: Clause[];
  hasAuditClause: boolean;
  auditClause: AuditClauseForm;
}

/** Journey 6's clause, also the audit model clause's values: yearly, 15 days' notice, provider pays on breach, 30 days to fix. */
export const defaultAuditClause: AuditClauseForm = {
  frequencyMonths: '12',
  gridId: '',
  noticeDays: '15',
  payer: 'provider_if_breach',
  costCapEur: '',
  fixDeadlineDays: '30',
  triggers: ['incident', 'breach', 'subcontractor_change'],
  hdsReportDelayDays: '',
};

export const allClauses = (given: readonly Clause[] = []): Clause[] =>
  clauseKeys.map((key) => given.find((c) => c.key === key) ?? { key, present: false, reference: '', note: '' });

export const emptyContractForm = (): ContractFormValues => ({
  reference: '',
  title: '',
  startsOn: '',
  endsOn: '',
  renewal: 'none',
  noticeDays: '90',
  incidentNotificationHours: '',
  clauses: allClauses(),
  hasAuditClause: false,
  auditClause: { ...defaultAuditClause },
});

const str = (n: number | null): string => (n === null ? '' : String(n));

export function contractToForm(c: ContractDetail): ContractFormValues {
  const a = c.auditClause;
  return {
    reference: c.reference,
    title: c.title,
    startsOn: c.startsOn,
    endsOn: c.endsOn ?? '',
    renewal: c.renewal,
    noticeDays: String(c.noticeDays),
    incidentNotificationHours: str(c.incidentNotificationHours),
    clauses: allClauses(c.clauses),
    hasAuditClause: a !== null,
    auditClause: a
      ? {
          frequencyMonths: String(a.frequencyMonths),
          gridId: a.gridId,
          noticeDays: String(a.noticeDays),
          payer: a.payer,
          costCapEur: str(a.costCapEur),
          fixDeadlineDays: String(a.fixDeadlineDays),
          triggers: [...a.triggers],
          hdsReportDelayDays: str(a.hdsReportDelayDays),
        }
      : { ...defaultAuditClause },
  };
}

/** '' → null; anything else a number (the server names the field when it is not a valid one). */
const num = (s: string): number | null => (s.trim() === '' ? null : Number(s.trim().replace(',', '.')));

export function auditClauseFromForm(a: AuditClauseForm): AuditClause {
  return {
    frequencyMonths: num(a.frequencyMonths) ?? 0,
    gridId: a.gridId,
    noticeDays: num(a.noticeDays) ?? 0,
    payer: a.payer,
    costCapEur: num(a.costCapEur),
    fixDeadlineDays: num(a.fixDeadlineDays) ?? 0,
    triggers: [...a.triggers],
    hdsReportDelayDays: num(a.hdsReportDelayDays),
  };
}

/** The body of POST / PATCH; without a structured audit clause, `auditClause: null` removes it. */
export function contractFromForm(v: ContractFormValues): ContractInput {
  return {
    reference: v.reference.trim(),
    title: v.title.trim(),
    startsOn: v.startsOn,
    endsOn: v.endsOn === '' ? null : v.endsOn,
    renewal: v.renewal,
    noticeDays: num(v.noticeDays) ?? 0,
    incidentNotificationHours: num(v.incidentNotificationHours),
    clauses: v.clauses.map((c) => ({ key: c.key, present: c.present, reference: c.reference.trim(), note: c.note.trim() })),
    auditClause: v.hasAuditClause ? auditClauseFromForm(v.auditClause) : null,
  };
}

/** Prefills the structured clause from the audit model clause, keeping the grid already chosen. */
export function auditClauseFromModel(model: ModelClause | undefined, current: AuditClauseForm): AuditClauseForm {
  const m = model?.auditClause;
  if (!m) return { ...defaultAuditClause, gridId: current.gridId };
  return {
    frequencyMonths: String(m.frequencyMonths),
    gridId: current.gridId || m.gridId || '',
    noticeDays: String(m.noticeDays),
    payer: m.payer,
    costCapEur: str(m.costCapEur),
    fixDeadlineDays: String(m.fixDeadlineDays),
    triggers: [...m.triggers],
    hdsReportDelayDays: str(m.hdsReportDelayDays),
  };
}

/** Server field names (`body.auditClause.gridId`, `clauses.3.key`, `endsOn`) as the form's input names. */
export function contractFieldOf(field: string | undefined): string | null {
  if (!field) return null;
  return field.replace(/^body\./, '');
}

export const gdprKeys: ClauseKey[] = clauseKeys.filter((k) => k.startsWith('gdpr_28_'));
