import type { Db } from '../../db/index.js';
import type { AuditActor } from '../../platform/audit-log/audit-log.js';
import type { AppDeps } from '../../platform/context.js';
import { ActionsFeed } from './feed.js';
import type { ActionStatus, Priority } from './tables.js';

/** Where a finding stands, as the action plan shows it: the finding stays the master. */
const statusOfFinding: Record<string, ActionStatus> = {
  open: 'todo',
  plan_proposed: 'todo',
  plan_agreed: 'in_progress',
  closed: 'done',
};

const priorityOfSeverity: Record<string, Priority> = { low: 'low', medium: 'medium', high: 'high', critical: 'critical' };

/**
 * Puts a provider audit finding in its organization's action plan, or brings its action up to
 * date (status, due date). Called by the suppliers' findings service inside its own transaction.
 */
export async function syncFindingAction(
  trx: Db,
  deps: Pick<AppDeps, 'audit' | 'clock'>,
  who: AuditActor,
  findingId: string,
): Promise<void> {
  const f = await trx
    .selectFrom('supplier_findings as f')
    .innerJoin('supplier_audits as a', 'a.id', 'f.audit_id')
    .innerJoin('suppliers as s', 's.id', 'a.supplier_id')
    .select([
      'f.id',
      'f.organization_id',
      'f.audit_id',
      'f.title',
      'f.description',
      'f.severity',
      'f.status',
      'f.due_on',
      's.name as supplier_name',
      'a.title as audit_title',
    ])
    .where('f.id', '=', findingId)
    .executeTakeFirst();
  if (!f) return;
  await new ActionsFeed(deps).upsertFromSource(
    trx,
    {
      organizationId: f.organization_id,
      sourceKind: 'supplier_finding',
      sourceId: f.id,
      title: f.title,
      description: f.description,
      sourceLabel: `${f.supplier_name} — ${f.audit_title}`,
      sourceLink: `/suppliers/audits/${f.audit_id}/review`,
      dueOn: f.due_on,
      priority: priorityOfSeverity[f.severity] ?? 'medium',
      status: statusOfFinding[f.status] ?? 'todo',
    },
    who,
  );
}
