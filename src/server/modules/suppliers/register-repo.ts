import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import { likeEscape, likePattern, searchKey, toCount } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import type { Executor } from '../identity/shared.js';
import type { SuppliersQuery } from './register-schema.js';
import type { SupplierContactsTable, SupplierHdsCertificatesTable, SupplierSubcontractorsTable, SuppliersTable } from './tables.js';

export type SupplierRow = Selectable<SuppliersTable>;
export type SupplierListRow = SupplierRow & { hds_expires_on: string | null };
export type HdsRow = Selectable<SupplierHdsCertificatesTable>;
export type SubcontractorRow = Selectable<SupplierSubcontractorsTable>;
export type ContactRow = Selectable<SupplierContactsTable>;

type Eb = ExpressionBuilder<Database, 'suppliers'>;

// The provider's certificate that counts is the one expiring last (a renewal replaces the old one).
const lastExpiry = (eb: Eb) =>
  eb
    .selectFrom('supplier_hds_certificates as h')
    .select((e) => e.fn.max('h.expires_on').as('m'))
    .whereRef('h.supplier_id', '=', 'suppliers.id');

const tierExpr = sql<number>`coalesce(suppliers.criticality_override, suppliers.criticality_computed)`;

/** One organization's register; every method takes the organization id first. */
export class RegisterRepo {
  async page(db: Executor, organizationId: string, f: SuppliersQuery, expiringBefore: string) {
    let q = db.selectFrom('suppliers').where('suppliers.organization_id', '=', organizationId);
    if (f.archived !== 'all') q = q.where('suppliers.archived', '=', f.archived === 'true' ? 1 : 0);
    if (f.tier !== undefined) q = q.where(tierExpr, '=', f.tier);
    if (f.healthData) q = q.where('suppliers.handles_health_data', '=', f.healthData === 'true' ? 1 : 0);
    if (f.hdsExpiring === 'true') q = q.where((eb) => eb(lastExpiry(eb), '<=', expiringBefore));
    if (f.hdsExpiring === 'false') q = q.where((eb) => eb.or([eb(lastExpiry(eb), 'is', null), eb(lastExpiry(eb), '>', expiringBefore)]));
    const typed = (f.q ?? '').trim();
    const digits = typed.replace(/[\s.\u00a0]/g, '');
    if (/^\d{3,}$/.test(digits)) {
      // A SIREN or SIRET, maybe typed with spaces: its first digits.
      q = q.where((eb) => eb.or([eb('suppliers.siren', 'like', `${digits}%`), eb('suppliers.siret', 'like', `${digits}%`)]));
    } else {
      // Every word somewhere in the name, without accents nor case ("elan" finds "Élan").
      for (const word of searchKey(typed).split(/\s+/).filter(Boolean).slice(0, 8)) {
        const pattern = sql<string>`${likePattern(word)} escape ${likeEscape}`;
        q = q.where((eb) => eb.or([eb('suppliers.search_text', 'like', pattern), eb(sql<string>`lower(suppliers.name)`, 'like', pattern)]));
      }
    }
    const desc = f.sort.startsWith('-');
    const key = f.sort.replace(/^-/, '');
    const dir = desc ? 'desc' : 'asc';
    let rows = q.selectAll('suppliers').select((eb) => lastExpiry(eb).as('hds_expires_on'));
    if (key === 'tier') rows = rows.orderBy(tierExpr, dir);
    else if (key === 'updatedAt') rows = rows.orderBy('suppliers.updated_at', dir);
    else if (key === 'hdsExpiresOn') rows = rows.orderBy('hds_expires_on', (ob) => (desc ? ob.desc() : ob.asc()).nullsLast());
    rows = rows.orderBy('suppliers.name', key === 'name' ? dir : 'asc').orderBy('suppliers.id');
    const [total, items] = await Promise.all([
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      rows
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
    ]);
    return { rows: items as SupplierListRow[], total: toCount(total?.n) };
  }

  async get(db: Executor, organizationId: string, id: string): Promise<SupplierListRow | undefined> {
    const row = await db
      .selectFrom('suppliers')
      .selectAll('suppliers')
      .select((eb) => lastExpiry(eb).as('hds_expires_on'))
      .where('suppliers.organization_id', '=', organizationId)
      .where('suppliers.id', '=', id)
      .executeTakeFirst();
    return row as SupplierListRow | undefined;
  }

  async insert(db: Executor, row: SupplierRow): Promise<void> {
    await db.insertInto('suppliers').values(row).execute();
  }

  async update(db: Executor, row: SupplierRow): Promise<void> {
    const { id, organization_id, created_at, ...rest } = row;
    await db.updateTable('suppliers').set(rest).where('id', '=', id).where('organization_id', '=', organization_id).execute();
  }

  hds(db: Executor, supplierId: string): Promise<HdsRow[]> {
    return db
      .selectFrom('supplier_hds_certificates')
      .selectAll()
      .where('supplier_id', '=', supplierId)
      .orderBy('expires_on', 'desc')
      .execute();
  }

  subcontractors(db: Executor, supplierId: string): Promise<SubcontractorRow[]> {
    return db
      .selectFrom('supplier_subcontractors')
      .selectAll()
      .where('supplier_id', '=', supplierId)
      .orderBy('name')
      .orderBy('id')
      .execute();
  }

  contacts(db: Executor, supplierId: string): Promise<ContactRow[]> {
    return db.selectFrom('supplier_contacts').selectAll().where('supplier_id', '=', supplierId).orderBy('name').orderBy('id').execute();
  }

  contracts(db: Executor, organizationId: string, supplierId: string) {
    return db
      .selectFrom('supplier_contracts as c')
      .leftJoin('supplier_audit_clauses as a', 'a.contract_id', 'c.id')
      .select(['c.id', 'c.reference', 'c.title', 'c.starts_on', 'c.ends_on', 'c.archived', 'a.contract_id as audit_clause'])
      .where('c.organization_id', '=', organizationId)
      .where('c.supplier_id', '=', supplierId)
      .orderBy('c.starts_on', 'desc')
      .orderBy('c.id')
      .execute();
  }
}
