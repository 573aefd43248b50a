import type { Executor } from '../identity/shared.js';
import type { GridOrigin, SupplierGridsTable } from './tables.js';

export type GridRow = SupplierGridsTable;

/**
 * supplier_grids as one organization sees it: the catalogue (organization_id null) and its own.
 * A grid of another organization is simply not found (404, never 403).
 */
export const gridsRepo = {
  list(db: Executor, organizationId: string, filter: { origin?: GridOrigin | undefined; archived: 'false' | 'true' | 'all' }) {
    let q = db
      .selectFrom('supplier_grids')
      .selectAll()
      .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', organizationId)]));
    if (filter.origin) q = q.where('origin', '=', filter.origin);
    if (filter.archived !== 'all') q = q.where('archived', '=', filter.archived === 'true' ? 1 : 0);
    return q.execute();
  },

  get(db: Executor, organizationId: string, id: string) {
    return db
      .selectFrom('supplier_grids')
      .selectAll()
      .where('id', '=', id)
      .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', organizationId)]))
      .executeTakeFirst();
  },

  async insert(trx: Executor, row: GridRow): Promise<void> {
    await trx.insertInto('supplier_grids').values(row).execute();
  },

  /** Only an organization's own grid: the catalogue never changes through here. */
  async update(trx: Executor, organizationId: string, id: string, patch: Partial<GridRow>): Promise<void> {
    await trx.updateTable('supplier_grids').set(patch).where('id', '=', id).where('organization_id', '=', organizationId).execute();
  },
};
