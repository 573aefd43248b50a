import type { Executor } from '../identity/shared.js';
import { addDays, addMonths, dayOfInstant } from './calendar-dates.js';
import type { AuditKind, AuditStatus } from './tables.js';

/**
 * When each live contract's next audit falls due, from its structured audit clause:
 * due = (day the last audit of the contract was closed, else the contract's start) + frequency.
 * Triggered audits do not count as the periodic audit (they look at one incident); a shared
 * audit counts for every participant's contract. No next audit when the contract ends first.
 * The calendar job plans the audit from `planFrom` = due − (clause notice + 30 days).
 */
export const PLAN_MARGIN_DAYS = 30;
export const PENDING: AuditStatus[] = ['planned', 'open', 'submitted', 'in_review', 'remediation'];

export interface ScheduledContract {
  contractId: string;
  organizationId: string;
  supplierId: string;
  supplierName: string;
  reference: string;
  frequencyMonths: number;
  noticeDays: number;
  gridId: string;
  lastClosedOn: string | null;
  dueOn: string;
  planFrom: string;
  /** A scheduled or extra audit of this contract not closed yet: it is the next audit. */
  pending: boolean;
}

export function nextDue(startsOn: string, lastClosedOn: string | null, frequencyMonths: number): string {
  return addMonths(lastClosedOn ?? startsOn, frequencyMonths);
}

/** Live contracts with an audit clause (of one organization, or all for the job) and their next due date. */
export async function schedule(db: Executor, today: string, organizationId?: string): Promise<ScheduledContract[]> {
  let contracts = db
    .selectFrom('supplier_contracts as c')
    .innerJoin('supplier_audit_clauses as k', 'k.contract_id', 'c.id')
    .innerJoin('suppliers as s', 's.id', 'c.supplier_id')
    .select([
      'c.id',
      'c.organization_id',
      'c.supplier_id',
      'c.reference',
      'c.starts_on',
      'c.ends_on',
      's.name',
      'k.frequency_months',
      'k.notice_days',
      'k.grid_id',
    ])
    .where('c.archived', '=', 0)
    .where('s.archived', '=', 0)
    .where((eb) => eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>=', today)]));
  if (organizationId) contracts = contracts.where('c.organization_id', '=', organizationId);

  let led = db
    .selectFrom('supplier_audits as a')
    .select(['a.contract_id', 'a.status', 'a.closed_at'])
    .where('a.contract_id', 'is not', null)
    .where('a.kind', '<>', 'triggered')
    .where('a.status', 'in', ['closed', ...PENDING]);
  if (organizationId) led = led.where('a.organization_id', '=', organizationId);
  let joined = db
    .selectFrom('supplier_audit_participants as p')
    .innerJoin('supplier_audits as a', 'a.id', 'p.audit_id')
    .select(['p.contract_id', 'a.status', 'a.closed_at'])
    .where('p.contract_id', 'is not', null)
    .where('a.kind', '<>', 'triggered')
    .where('a.status', 'in', ['closed', ...PENDING]);
  if (organizationId) joined = joined.where('p.organization_id', '=', organizationId);

  const [rows, audits, shared] = await Promise.all([contracts.execute(), led.execute(), joined.execute()]);
  const lastClosed = new Map<string, string>();
  const pending = new Set<string>();
  for (const a of [...audits, ...shared]) {
    if (a.contract_id === null) continue;
    if (a.status !== 'closed') pending.add(a.contract_id);
    else if (a.closed_at) {
      const day = dayOfInstant(a.closed_at);
      if ((lastClosed.get(a.contract_id) ?? '') < day) lastClosed.set(a.contract_id, day);
    }
  }
  const out: ScheduledContract[] = [];
  for (const c of rows) {
    const last = lastClosed.get(c.id) ?? null;
    const dueOn = nextDue(c.starts_on, last, Number(c.frequency_months));
    if (c.ends_on !== null && dueOn > c.ends_on) continue;
    out.push({
      contractId: c.id,
      organizationId: c.organization_id,
      supplierId: c.supplier_id,
      supplierName: c.name,
      reference: c.reference,
      frequencyMonths: Number(c.frequency_months),
      noticeDays: Number(c.notice_days),
      gridId: c.grid_id,
      lastClosedOn: last,
      dueOn,
      planFrom: addDays(dueOn, -(Number(c.notice_days) + PLAN_MARGIN_DAYS)),
      pending: pending.has(c.id),
    });
  }
  return out;
}

export interface PendingAudit {
  id: string;
  kind: AuditKind;
  status: AuditStatus;
  dueOn: string;
  title: string;
  contractId: string | null;
  supplierId: string;
  supplierName: string;
  triggerReason: string | null;
}

/** Audits of the organization (led, or shared with it) not closed nor cancelled. */
export async function pendingAudits(db: Executor, organizationId: string): Promise<PendingAudit[]> {
  const rows = await db
    .selectFrom('supplier_audits as a')
    .innerJoin('suppliers as s', 's.id', 'a.supplier_id')
    .leftJoin('supplier_audit_participants as p', (j) => j.onRef('p.audit_id', '=', 'a.id').on('p.organization_id', '=', organizationId))
    .select([
      'a.id',
      'a.kind',
      'a.status',
      'a.due_on',
      'a.title',
      'a.contract_id',
      'p.contract_id as my_contract_id',
      'a.supplier_id',
      'a.trigger_reason',
      's.name',
    ])
    .where('a.status', 'in', PENDING)
    .where((eb) => eb.or([eb('a.organization_id', '=', organizationId), eb('p.organization_id', '=', organizationId)]))
    .orderBy('a.due_on')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    dueOn: r.due_on,
    title: r.title,
    contractId: r.my_contract_id ?? r.contract_id,
    supplierId: r.supplier_id,
    supplierName: r.name,
    triggerReason: r.trigger_reason,
  }));
}
