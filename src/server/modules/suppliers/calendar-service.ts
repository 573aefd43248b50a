import { fromJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid } from '../../platform/errors.js';
import { addDays, todayOf } from './calendar-dates.js';
import { planAudit } from './calendar-plan.js';
import { pendingAudits, schedule } from './calendar-schedule.js';
import type { CalendarDto, CalendarItem } from './calendar-schema.js';
import type { ContractsService } from './contracts-service.js';
import type { ClauseTrigger } from './tables.js';

const byDue = (a: CalendarItem, b: CalendarItem) => a.dueOn.localeCompare(b.dueOn) || a.supplierName.localeCompare(b.supplierName);

/** The audit calendar of one organization, and audits triggered by an event. */
export class CalendarService {
  constructor(
    private readonly deps: AppDeps,
    private readonly contracts: ContractsService,
  ) {}

  async calendar(organizationId: string, range: { from?: string | undefined; to?: string | undefined }): Promise<CalendarDto> {
    const today = todayOf(this.deps.clock.now());
    const from = range.from ?? today;
    const to = range.to ?? addDays(from, 365);
    if (to < from) {
      throw new Invalid(
        'invalid_range',
        { fr: 'La fin de la période précède son début.', en: 'The end of the period comes before its start.' },
        'to',
      );
    }
    const db = this.deps.db;
    const [contracts, pending] = await Promise.all([schedule(db, today, organizationId), pendingAudits(db, organizationId)]);
    const byContract = new Map(contracts.map((c) => [c.contractId, c]));
    const items: CalendarItem[] = pending.map((a) => {
      const c = a.contractId ? byContract.get(a.contractId) : undefined;
      return {
        state: a.status as CalendarItem['state'],
        kind: a.kind,
        auditId: a.id,
        title: a.title,
        dueOn: a.dueOn,
        overdue: a.dueOn < today,
        contractId: a.contractId,
        contractReference: c?.reference ?? null,
        supplierId: a.supplierId,
        supplierName: a.supplierName,
        frequencyMonths: c?.frequencyMonths ?? null,
        noticeDays: c?.noticeDays ?? null,
        gridId: c?.gridId ?? null,
        lastClosedOn: c?.lastClosedOn ?? null,
        planFrom: null,
        triggerReason: a.triggerReason,
      };
    });
    for (const c of contracts) {
      if (c.pending) continue;
      items.push({
        state: 'due',
        kind: 'scheduled',
        auditId: null,
        title: null,
        dueOn: c.dueOn,
        overdue: c.dueOn < today,
        contractId: c.contractId,
        contractReference: c.reference,
        supplierId: c.supplierId,
        supplierName: c.supplierName,
        frequencyMonths: c.frequencyMonths,
        noticeDays: c.noticeDays,
        gridId: c.gridId,
        lastClosedOn: c.lastClosedOn,
        planFrom: c.planFrom,
        triggerReason: null,
      });
    }
    items.sort(byDue);
    return {
      from,
      to,
      today,
      upcoming: items.filter((i) => i.dueOn >= from && i.dueOn <= to),
      overdue: items.filter((i) => i.overdue),
    };
  }

  /** An extra audit after an incident, a breach or a change of subcontractor, if the clause provides for it. */
  async trigger(ctx: RequestContext, organizationId: string, contractId: string, reason: ClauseTrigger, note: string) {
    return this.deps.db.transaction().execute(async (trx) => {
      const contract = await this.contracts.require(trx, organizationId, contractId);
      const clause = await this.contracts.repo.auditClause(trx, contractId);
      if (!clause || !fromJson<string[]>(clause.triggers, []).includes(reason)) {
        throw new Conflict(
          'trigger_not_in_clause',
          {
            fr: "La clause d'audit de ce contrat ne prévoit pas d'audit déclenché pour ce motif.",
            en: "This contract's audit clause does not provide for an audit triggered by this reason.",
          },
          'reason',
        );
      }
      const now = this.deps.clock.now();
      const row = await planAudit(trx, this.deps.audit, auditActor(ctx), {
        organizationId,
        supplierId: contract.supplier_id,
        contractId,
        kind: 'triggered',
        triggerReason: note ? `${reason}: ${note}` : reason,
        dueOn: addDays(todayOf(now), Number(clause.notice_days)),
        gridId: clause.grid_id,
        now: now.toISOString(),
      });
      if (!row) {
        throw new Conflict(
          'grid_missing',
          {
            fr: "La grille d'audit de la clause n'existe plus : choisissez-en une autre dans la clause.",
            en: "The clause's audit grid no longer exists: choose another one in the clause.",
          },
          'auditClause.gridId',
        );
      }
      return {
        id: row.id,
        kind: row.kind,
        status: row.status,
        dueOn: row.due_on,
        title: row.title,
        contractId: row.contract_id,
        supplierId: row.supplier_id,
        gridId: row.grid_id,
        triggerReason: row.trigger_reason,
        reason,
      };
    });
  }
}
