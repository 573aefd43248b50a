import { baseUrl } from '../../config.js';
import { type AppDeps, auditActor, systemContext } from '../../platform/context.js';
import { todayOf } from './calendar-dates.js';
import { planAudit } from './calendar-plan.js';
import { type ScheduledContract, schedule } from './calendar-schedule.js';
import { adminEmails, auditsPlannedEmail, type NewlyPlannedAudit } from './register-mails.js';

export const CALENDAR_JOB = 'suppliers.audit-calendar';

/**
 * Plans the periodic audits falling due: once the due date is within the clause's notice period
 * plus 30 days, a `planned` audit (kind scheduled) is created with a copy of the clause's grid,
 * and the organization's admins get one email listing what was planned. Once per due date: an
 * audit of that contract for that date, in any status (cancelled included), is never made again.
 * A clause whose grid is missing is skipped and logged; the next run tries again.
 */
export async function planDueAudits(deps: AppDeps, log: (message: string) => void = () => {}): Promise<number> {
  const who = auditActor(systemContext(`job:${CALENDAR_JOB}`));
  const today = todayOf(deps.clock.now());
  const due = (await schedule(deps.db, today)).filter((c) => !c.pending && c.planFrom <= today);
  const planned = new Map<string, NewlyPlannedAudit[]>();
  for (const c of due) {
    const made = await deps.db.transaction().execute(async (trx) => {
      const already = await trx
        .selectFrom('supplier_audits')
        .select('id')
        .where('contract_id', '=', c.contractId)
        .where('kind', '=', 'scheduled')
        .where('due_on', '=', c.dueOn)
        .executeTakeFirst();
      if (already) return false;
      const row = await planAudit(trx, deps.audit, who, {
        organizationId: c.organizationId,
        supplierId: c.supplierId,
        contractId: c.contractId,
        kind: 'scheduled',
        triggerReason: null,
        dueOn: c.dueOn,
        gridId: c.gridId,
        now: deps.clock.now().toISOString(),
      });
      if (!row) log(`${CALENDAR_JOB}: contract ${c.contractId}: grid ${c.gridId} missing, audit due ${c.dueOn} not planned`);
      return row !== null;
    });
    if (made) planned.set(c.organizationId, [...(planned.get(c.organizationId) ?? []), summary(c)]);
  }
  await remind(deps, planned);
  return [...planned.values()].reduce((n, l) => n + l.length, 0);
}

const summary = (c: ScheduledContract): NewlyPlannedAudit => ({
  supplierName: c.supplierName,
  reference: c.reference,
  dueOn: c.dueOn,
  noticeDays: c.noticeDays,
});

/** One email per admin and organization; a failure does not undo the planning (the calendar shows it). */
async function remind(deps: AppDeps, planned: Map<string, NewlyPlannedAudit[]>): Promise<void> {
  if (planned.size === 0) return;
  const admins = await adminEmails(deps.db, [...planned.keys()]);
  const link = `${baseUrl(deps.config)}/suppliers/calendar`;
  const errors: string[] = [];
  for (const [orgId, audits] of planned) {
    for (const to of admins.get(orgId) ?? []) {
      try {
        await deps.mailer.send(auditsPlannedEmail(to, audits, link));
      } catch (err) {
        errors.push(err instanceof Error ? err.message : String(err));
      }
    }
  }
  if (errors.length > 0) throw new Error(`audit calendar: ${errors.length} reminder(s) failed: ${errors[0]}`);
}
