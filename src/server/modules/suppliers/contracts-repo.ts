import { type Selectable, sql } from 'kysely';
import { toCount } from '../../db/dialect.js';
import type { Executor } from '../identity/shared.js';
import type { ContractsQuery } from './contracts-schema.js';
import type { SupplierAuditClausesTable, SupplierContractClausesTable, SupplierContractsTable } from './tables.js';

export type ContractRow = Selectable<SupplierContractsTable> & { supplier_name: string };
export type ClauseRow = Selectable<SupplierContractClausesTable>;
export type AuditClauseRow = Selectable<SupplierAuditClausesTable>;

/** Contracts of one organization; every method takes the organization id first. */
export class ContractsRepo {
  private base(db: Executor, organizationId: string) {
    return db
      .selectFrom('supplier_contracts as c')
      .innerJoin('suppliers as s', 's.id', 'c.supplier_id')
      .where('c.organization_id', '=', organizationId)
      .where('s.organization_id', '=', organizationId);
  }

  async page(db: Executor, organizationId: string, f: ContractsQuery, today: string) {
    let q = this.base(db, organizationId);
    if (f.supplierId) q = q.where('c.supplier_id', '=', f.supplierId);
    if (f.status === 'archived') q = q.where('c.archived', '=', 1);
    if (f.status === 'active')
      q = q.where('c.archived', '=', 0).where((eb) => eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>=', today)]));
    if (f.status === 'ended') q = q.where('c.archived', '=', 0).where('c.ends_on', '<', today);
    const [total, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      q
        .selectAll('c')
        .select('s.name as supplier_name')
        .orderBy('s.name')
        .orderBy('c.starts_on', 'desc')
        .orderBy('c.id')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
    ]);
    return { rows: rows as ContractRow[], total: toCount(total?.n) };
  }

  get(db: Executor, organizationId: string, id: string): Promise<ContractRow | undefined> {
    return this.base(db, organizationId).selectAll('c').select('s.name as supplier_name').where('c.id', '=', id).executeTakeFirst();
  }

  /** Another live contract of the same provider, same reference, whose period meets [startsOn, endsOn]. */
  overlapping(db: Executor, c: Pick<ContractRow, 'id' | 'organization_id' | 'supplier_id' | 'reference' | 'starts_on' | 'ends_on'>) {
    return db
      .selectFrom('supplier_contracts')
      .select(['id', 'reference', 'starts_on', 'ends_on'])
      .where('organization_id', '=', c.organization_id)
      .where('supplier_id', '=', c.supplier_id)
      .where('id', '<>', c.id)
      .where('archived', '=', 0)
      .where(sql<string>`lower(trim(reference))`, '=', c.reference.trim().toLowerCase())
      .where('starts_on', '<=', c.ends_on ?? '9999-12-31')
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', c.starts_on)]))
      .executeTakeFirst();
  }

  clauses(db: Executor, contractId: string): Promise<ClauseRow[]> {
    return db.selectFrom('supplier_contract_clauses').selectAll().where('contract_id', '=', contractId).execute();
  }

  auditClause(db: Executor, contractId: string): Promise<AuditClauseRow | undefined> {
    return db.selectFrom('supplier_audit_clauses').selectAll().where('contract_id', '=', contractId).executeTakeFirst();
  }

  async upsertClause(db: Executor, row: ClauseRow): Promise<void> {
    const { contract_id, clause_key, ...rest } = row;
    await db
      .insertInto('supplier_contract_clauses')
      .values(row)
      .onConflict((oc) => oc.columns(['contract_id', 'clause_key']).doUpdateSet(rest))
      .execute();
  }

  async saveAuditClause(db: Executor, row: AuditClauseRow | null, contractId: string): Promise<void> {
    if (row === null) {
      await db.deleteFrom('supplier_audit_clauses').where('contract_id', '=', contractId).execute();
      return;
    }
    const { contract_id, ...rest } = row;
    await db
      .insertInto('supplier_audit_clauses')
      .values(row)
      .onConflict((oc) => oc.column('contract_id').doUpdateSet(rest))
      .execute();
  }

  /**
   * Rewrites the gap summary the risk dashboard counts (missing GDPR art. 28 points, no audit
   * clause) from the checklist itself; called in the transaction of every clause change. Without
   * ids, every contract (what the migration 2026-11-29T1160 does for rows written before it).
   */
  async refreshGaps(db: Executor, contractIds?: string[]): Promise<void> {
    if (contractIds?.length === 0) return;
    let q = db.updateTable('supplier_contracts').set({
      missing_gdpr28_points: sql<number>`8 - (select count(*) from supplier_contract_clauses cc
        where cc.contract_id = supplier_contracts.id and cc.present = 1
          and cc.clause_key >= 'gdpr_28_a' and cc.clause_key <= 'gdpr_28_h')`,
      lacks_audit_clause: sql<0 | 1>`case when exists (select 1 from supplier_audit_clauses ac
        where ac.contract_id = supplier_contracts.id) then 0 else 1 end`,
    });
    if (contractIds) q = q.where('id', 'in', contractIds);
    await q.execute();
  }

  /**
   * Whether the organization may use this grid in a clause: one of its own or of the catalogue.
   * Until any grid exists for it (catalogue not loaded yet), any id is accepted.
   */
  async gridUsable(db: Executor, organizationId: string, gridId: string): Promise<boolean> {
    const visible = () =>
      db
        .selectFrom('supplier_grids')
        .select('id')
        .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', organizationId)]));
    if (await visible().where('id', '=', gridId).executeTakeFirst()) return true;
    return (await visible().limit(1).executeTakeFirst()) === undefined;
  }
}
