import { fromBool01, fromJson, toBool01, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor, Page } from '../identity/shared.js';
import { todayOf } from './calendar-dates.js';
import { type AuditClauseRow, type ClauseRow, type ContractRow, ContractsRepo } from './contracts-repo.js';
import {
  type AuditClauseDto,
  type ClauseKey,
  type ContractDetailDto,
  type ContractDto,
  type ContractsQuery,
  type CreateContractInput,
  clauseKeys,
  type UpdateContractInput,
} from './contracts-schema.js';
import type { RegisterService } from './register-service.js';
import type { ClauseTrigger } from './tables.js';

export const isLive = (c: Pick<ContractRow, 'archived' | 'ends_on'>, today: string): boolean =>
  c.archived === 0 && (c.ends_on === null || c.ends_on >= today);

export function presentContract(c: ContractRow, today: string): ContractDto {
  return {
    id: c.id,
    supplierId: c.supplier_id,
    supplierName: c.supplier_name,
    organizationId: c.organization_id,
    reference: c.reference,
    title: c.title,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    renewal: c.renewal,
    noticeDays: Number(c.notice_days),
    incidentNotificationHours: c.incident_notification_hours === null ? null : Number(c.incident_notification_hours),
    archived: fromBool01(c.archived),
    active: isLive(c, today),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export const presentAuditClause = (a: AuditClauseRow): AuditClauseDto => ({
  frequencyMonths: Number(a.frequency_months),
  gridId: a.grid_id,
  noticeDays: Number(a.notice_days),
  payer: a.payer,
  costCapEur: a.cost_cap_eur === null ? null : Number(a.cost_cap_eur),
  fixDeadlineDays: Number(a.fix_deadline_days),
  triggers: fromJson<ClauseTrigger[]>(a.triggers, []),
  hdsReportDelayDays: a.hds_report_delay_days === null ? null : Number(a.hds_report_delay_days),
});

/** Every key of the checklist, in order; a structured audit clause counts as the audit clause. */
export function checklist(rows: ClauseRow[], audit: AuditClauseRow | undefined) {
  const byKey = new Map(rows.map((r) => [r.clause_key, r]));
  return clauseKeys.map((key) => {
    const r = byKey.get(key);
    return {
      key,
      present: r?.present === 1 || (key === 'audit' && audit !== undefined),
      reference: r?.reference ?? '',
      note: r?.note ?? '',
    };
  });
}

/** Contracts with a provider: dates, renewal, the clause checklist and the structured audit clause. */
export class ContractsService {
  readonly repo = new ContractsRepo();
  constructor(
    private readonly deps: AppDeps,
    private readonly register: RegisterService,
  ) {}

  private today(): string {
    return todayOf(this.deps.clock.now());
  }

  async list(organizationId: string, query: ContractsQuery): Promise<Page<ContractDto>> {
    const today = this.today();
    const { rows, total } = await this.repo.page(this.deps.db, organizationId, query, today);
    return { items: rows.map((r) => presentContract(r, today)), total, page: query.page, pageSize: query.pageSize };
  }

  async require(db: Executor, organizationId: string, contractId: string): Promise<ContractRow> {
    const row = await this.repo.get(db, organizationId, contractId);
    if (!row) throw new NotFound('contract');
    return row;
  }

  async get(organizationId: string, contractId: string, db: Executor = this.deps.db): Promise<ContractDetailDto> {
    const row = await this.require(db, organizationId, contractId);
    const [clauses, audit] = await Promise.all([this.repo.clauses(db, contractId), this.repo.auditClause(db, contractId)]);
    return {
      ...presentContract(row, this.today()),
      clauses: checklist(clauses, audit),
      auditClause: audit ? presentAuditClause(audit) : null,
    };
  }

  async create(ctx: RequestContext, organizationId: string, supplierId: string, input: CreateContractInput): Promise<ContractDetailDto> {
    const now = this.deps.clock.now().toISOString();
    return this.deps.db.transaction().execute(async (trx) => {
      const supplier = await this.register.require(trx, organizationId, supplierId);
      const row: ContractRow = {
        id: newId(),
        supplier_id: supplierId,
        supplier_name: supplier.name,
        organization_id: organizationId,
        reference: input.reference,
        title: input.title,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        renewal: input.renewal,
        notice_days: input.noticeDays,
        incident_notification_hours: input.incidentNotificationHours,
        archived: 0,
        created_at: now,
        updated_at: now,
        // Written from the checklist by saveClauses below.
        missing_gdpr28_points: 8,
        lacks_audit_clause: 1,
      };
      await this.checkPeriod(trx, row);
      const { supplier_name, ...stored } = row;
      await trx.insertInto('supplier_contracts').values(stored).execute();
      await this.saveClauses(trx, organizationId, row.id, input.clauses, input.auditClause, now);
      const after = await this.get(organizationId, row.id, trx);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'suppliers.contract.created',
        entityType: 'supplier_contract',
        entityId: row.id,
        organizationId,
        after,
      });
      return after;
    });
  }

  async update(ctx: RequestContext, organizationId: string, contractId: string, input: UpdateContractInput): Promise<ContractDetailDto> {
    const now = this.deps.clock.now().toISOString();
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await this.get(organizationId, contractId, trx);
      const row = await this.require(trx, organizationId, contractId);
      const next: ContractRow = {
        ...row,
        reference: input.reference ?? row.reference,
        title: input.title ?? row.title,
        starts_on: input.startsOn ?? row.starts_on,
        ends_on: input.endsOn === undefined ? row.ends_on : input.endsOn,
        renewal: input.renewal ?? row.renewal,
        notice_days: input.noticeDays ?? row.notice_days,
        incident_notification_hours:
          input.incidentNotificationHours === undefined ? row.incident_notification_hours : input.incidentNotificationHours,
        updated_at: now,
      };
      await this.checkPeriod(trx, next);
      const { supplier_name, id, organization_id, created_at, missing_gdpr28_points, lacks_audit_clause, ...changes } = next;
      await trx.updateTable('supplier_contracts').set(changes).where('id', '=', id).execute();
      await this.saveClauses(trx, organizationId, contractId, input.clauses ?? [], input.auditClause, now);
      const after = await this.get(organizationId, contractId, trx);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'suppliers.contract.updated',
        entityType: 'supplier_contract',
        entityId: contractId,
        organizationId,
        before,
        after,
      });
      return after;
    });
  }

  async setArchived(ctx: RequestContext, organizationId: string, contractId: string, archived: boolean): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await this.require(trx, organizationId, contractId);
      if (row.archived === toBool01(archived)) return;
      // Restoring must not create an overlap the register refused meanwhile.
      if (!archived) await this.checkPeriod(trx, { ...row, archived: 0 });
      const now = this.deps.clock.now().toISOString();
      await trx
        .updateTable('supplier_contracts')
        .set({ archived: toBool01(archived), updated_at: now })
        .where('id', '=', contractId)
        .execute();
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: archived ? 'suppliers.contract.archived' : 'suppliers.contract.restored',
        entityType: 'supplier_contract',
        entityId: contractId,
        organizationId,
        before: { archived: !archived },
        after: { archived },
      });
    });
  }

  /** Ends after it starts; no second live contract with the same reference over the same period. */
  private async checkPeriod(trx: Executor, c: ContractRow): Promise<void> {
    if (c.ends_on !== null && c.ends_on <= c.starts_on) {
      throw new Invalid(
        'contract_ends_before_start',
        { fr: 'La date de fin du contrat doit suivre sa date de début.', en: 'The contract must end after it starts.' },
        'endsOn',
      );
    }
    const other = await this.repo.overlapping(trx, c);
    if (other) {
      const until = other.ends_on ?? '…';
      throw new Conflict(
        'contract_overlap',
        {
          fr: `Un autre contrat « ${other.reference} » de ce prestataire couvre déjà cette période (${other.starts_on} – ${until}).`,
          en: `Another contract "${other.reference}" with this provider already covers this period (${other.starts_on} – ${until}).`,
        },
        'startsOn',
      );
    }
  }

  private async saveClauses(
    trx: Executor,
    organizationId: string,
    contractId: string,
    clauses: CreateContractInput['clauses'],
    audit: CreateContractInput['auditClause'] | undefined,
    now: string,
  ): Promise<void> {
    await this.writeClauses(trx, organizationId, contractId, clauses, audit, now);
    // Same transaction: the dashboard's gap counts never disagree with the checklist.
    await this.repo.refreshGaps(trx, [contractId]);
  }

  private async writeClauses(
    trx: Executor,
    organizationId: string,
    contractId: string,
    clauses: CreateContractInput['clauses'],
    audit: CreateContractInput['auditClause'] | undefined,
    now: string,
  ): Promise<void> {
    const listed = new Set<ClauseKey>();
    for (const [i, c] of clauses.entries()) {
      if (listed.has(c.key)) {
        throw new Invalid('duplicate_clause', { fr: 'Clause en double.', en: 'Duplicate clause.' }, `clauses.${i}.key`);
      }
      listed.add(c.key);
      await this.repo.upsertClause(trx, {
        contract_id: contractId,
        clause_key: c.key,
        present: toBool01(c.present),
        reference: c.reference,
        note: c.note,
      });
    }
    if (audit === undefined) return;
    if (audit !== null && !(await this.repo.gridUsable(trx, organizationId, audit.gridId))) {
      throw new Invalid('grid_not_found', { fr: "Grille d'audit introuvable.", en: 'Audit grid not found.' }, 'auditClause.gridId');
    }
    await this.repo.saveAuditClause(
      trx,
      audit === null
        ? null
        : {
            contract_id: contractId,
            frequency_months: audit.frequencyMonths,
            grid_id: audit.gridId,
            notice_days: audit.noticeDays,
            payer: audit.payer,
            cost_cap_eur: audit.costCapEur,
            fix_deadline_days: audit.fixDeadlineDays,
            triggers: toJson(audit.triggers),
            hds_report_delay_days: audit.hdsReportDelayDays,
            updated_at: now,
          },
      contractId,
    );
  }
}
