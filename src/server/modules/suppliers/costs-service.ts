import type { Db } from '../../db/index.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { AuditCosts, Budget, CostInput } from './costs-schema.js';
import { type CostSplit, splitCosts } from './costs-split.js';
import { type AuditRow, auditFor, establishmentsOf } from './review-audit.js';
import type { ClausePayer } from './tables.js';

/** The split of one audit's costs, from its clause(s), findings and participants (costs-split.ts). */
export async function auditSplit(
  db: Db,
  audit: AuditRow,
): Promise<{
  split: CostSplit;
  costs: Array<{ id: string; label: string; amount_cents: number; incurred_on: string; created_at: string }>;
}> {
  const establishments = await establishmentsOf(db, audit);
  const contractIds = establishments.map((e) => e.contractId).filter((c): c is string => c !== null);
  const clauses = contractIds.length
    ? await db
        .selectFrom('supplier_audit_clauses')
        .select(['contract_id', 'payer', 'cost_cap_eur'])
        .where('contract_id', 'in', contractIds)
        .execute()
    : [];
  const clauseOf = new Map(clauses.map((c) => [c.contract_id, c]));
  const leadClause = audit.contract_id ? clauseOf.get(audit.contract_id) : undefined;
  const payer: ClausePayer = audit.payer ?? leadClause?.payer ?? 'establishment';
  const breach = await db
    .selectFrom('supplier_findings')
    .select('id')
    .where('audit_id', '=', audit.id)
    .where('severity', 'in', ['high', 'critical'])
    .limit(1)
    .executeTakeFirst();
  const costs = await db
    .selectFrom('supplier_audit_costs')
    .select(['id', 'label', 'amount_cents', 'incurred_on', 'created_at'])
    .where('audit_id', '=', audit.id)
    .orderBy('incurred_on')
    .orderBy('id')
    .execute();
  const split = splitCosts(
    payer,
    breach !== undefined,
    establishments.map((e) => {
      const cap = e.contractId ? clauseOf.get(e.contractId)?.cost_cap_eur : null;
      return { organizationId: e.organizationId, capCents: cap === null || cap === undefined ? null : Number(cap) * 100 };
    }),
    costs.map((c) => ({ id: c.id, amountCents: Number(c.amount_cents), incurredOn: c.incurred_on })),
  );
  return { split, costs };
}

/** Audit costs and the yearly budget (suppliers.audit). */
export class CostsService {
  constructor(private readonly deps: AppDeps) {}

  async ofAudit(orgId: string, auditId: string): Promise<AuditCosts> {
    const { audit, lead } = await auditFor(this.deps.db, orgId, auditId, 'read');
    const { split, costs } = await auditSplit(this.deps.db, audit);
    const orgs = await this.deps.db
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        split.byOrganization.map((o) => o.organizationId),
      )
      .execute();
    const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
    return {
      items: costs.map((c) => ({
        id: c.id,
        label: c.label,
        amountCents: Number(c.amount_cents),
        incurredOn: c.incurred_on,
        createdAt: c.created_at,
      })),
      split: {
        payer: split.payer,
        breach: split.breach,
        totalCents: split.totalCents,
        establishmentCents: split.establishmentCents,
        providerCents: split.providerCents,
        shares: split.byOrganization
          .filter((o) => lead || o.organizationId === orgId)
          .map((o) => ({ ...o, organizationName: nameOf.get(o.organizationId) ?? '' })),
      },
    };
  }

  async add(ctx: RequestContext, orgId: string, auditId: string, input: CostInput): Promise<AuditCosts> {
    await this.deps.db.transaction().execute(async (trx) => {
      const { audit } = await auditFor(trx, orgId, auditId, 'lead');
      const row = {
        id: newId(),
        audit_id: audit.id,
        label: input.label,
        amount_cents: input.amountCents,
        incurred_on: input.incurredOn,
        created_at: this.deps.clock.now().toISOString(),
      };
      await trx.insertInto('supplier_audit_costs').values(row).execute();
      await this.record(trx, ctx, 'suppliers.audit_cost.created', row.id, orgId, null, row);
    });
    return this.ofAudit(orgId, auditId);
  }

  async remove(ctx: RequestContext, orgId: string, auditId: string, costId: string): Promise<AuditCosts> {
    await this.deps.db.transaction().execute(async (trx) => {
      const { audit } = await auditFor(trx, orgId, auditId, 'lead');
      const row = await trx
        .selectFrom('supplier_audit_costs')
        .selectAll()
        .where('id', '=', costId)
        .where('audit_id', '=', audit.id)
        .executeTakeFirst();
      if (!row) throw new NotFound('cost');
      await trx.deleteFrom('supplier_audit_costs').where('id', '=', row.id).execute();
      await this.record(trx, ctx, 'suppliers.audit_cost.deleted', row.id, orgId, row, null);
    });
    return this.ofAudit(orgId, auditId);
  }

  /** What the organization paid and what providers paid for it, per month and per provider, over one calendar year. */
  async budget(orgId: string, year: number): Promise<Budget> {
    const db = this.deps.db;
    const [from, to] = [`${year}-01-01`, `${year}-12-31`];
    const audits = await db
      .selectFrom('supplier_audits')
      .innerJoin('suppliers', 'suppliers.id', 'supplier_audits.supplier_id')
      .selectAll('supplier_audits')
      .select('suppliers.name as supplier_name')
      .where((eb) =>
        eb.and([
          eb.or([
            eb('supplier_audits.organization_id', '=', orgId),
            eb(
              'supplier_audits.id',
              'in',
              eb.selectFrom('supplier_audit_participants').select('audit_id').where('organization_id', '=', orgId),
            ),
          ]),
          eb.exists(
            eb
              .selectFrom('supplier_audit_costs')
              .select('supplier_audit_costs.id')
              .whereRef('supplier_audit_costs.audit_id', '=', 'supplier_audits.id')
              .where('incurred_on', '>=', from)
              .where('incurred_on', '<=', to),
          ),
        ]),
      )
      .orderBy('supplier_audits.id')
      .execute();
    const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, establishmentCents: 0, providerCents: 0 }));
    const providers = new Map<string, Budget['providers'][number]>();
    for (const { supplier_name, ...audit } of audits) {
      const { split } = await auditSplit(db, audit);
      const p = providers.get(audit.supplier_id) ?? {
        supplierId: audit.supplier_id,
        supplierName: supplier_name,
        audits: 0,
        establishmentCents: 0,
        providerCents: 0,
      };
      p.audits++;
      providers.set(audit.supplier_id, p);
      for (const s of split.shares) {
        if (s.organizationId !== orgId || s.incurredOn < from || s.incurredOn > to) continue;
        const m = months[Number(s.incurredOn.slice(5, 7)) - 1];
        if (!m) continue;
        m.establishmentCents += s.establishmentCents;
        m.providerCents += s.providerCents;
        p.establishmentCents += s.establishmentCents;
        p.providerCents += s.providerCents;
      }
    }
    const list = [...providers.values()].sort(
      (a, b) =>
        b.establishmentCents + b.providerCents - (a.establishmentCents + a.providerCents) || a.supplierName.localeCompare(b.supplierName),
    );
    return {
      year,
      totals: {
        establishmentCents: months.reduce((s, m) => s + m.establishmentCents, 0),
        providerCents: months.reduce((s, m) => s + m.providerCents, 0),
      },
      months,
      providers: list,
    };
  }

  private record(trx: Db, ctx: RequestContext, action: string, id: string, orgId: string, before: unknown, after: unknown) {
    return this.deps.audit.record(trx, auditActor(ctx), {
      action,
      entityType: 'supplier_audit_cost',
      entityId: id,
      organizationId: orgId,
      before,
      after,
    });
  }
}
