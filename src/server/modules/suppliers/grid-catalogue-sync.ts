import { existsSync } from 'node:fs';
import { PostgresAdapter, sql } from 'kysely';
import { toJson } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import { GRID_CONTENT_DIR, loadGridCatalogue } from './grid-content.js';

export interface GridSyncResult {
  grids: number;
  /** Rows inserted, updated to a new version, or archived. */
  changed: number;
}

/**
 * Loads content/suppliers/grids into supplier_grids at start-up, as the phishing catalogue does:
 * rows keep their content id, have no organization and are read-only through the API; a row is
 * rewritten only when its content version differs (audits keep their own frozen snapshot, so a
 * new version never changes an audit under way); a grid dropped from a release is archived, never
 * deleted, since audits point at it. Processes starting together on PostgreSQL take turns.
 */
export async function syncGridCatalogue(db: Db, now: string, dir: string = GRID_CONTENT_DIR): Promise<GridSyncResult> {
  if (!existsSync(dir)) return { grids: 0, changed: 0 };
  const grids = loadGridCatalogue(dir);
  let changed = 0;
  await db.transaction().execute(async (trx) => {
    if (trx.getExecutor().adapter instanceof PostgresAdapter)
      await sql`select pg_advisory_xact_lock(hashtext('rempart:supplier-grid-catalogue'))`.execute(trx);
    const rows = await trx
      .selectFrom('supplier_grids')
      .select(['id', 'version', 'archived'])
      .where('organization_id', 'is', null)
      // Only what the catalogue itself wrote: a shared grid of no organization is not the release's to archive.
      .where('origin', '=', 'catalogue')
      .execute();
    const existing = new Map(rows.map((r) => [r.id, r]));
    for (const g of grids) {
      const found = existing.get(g.id);
      if (found && found.version === g.version && found.archived === 0) continue;
      changed++;
      const values = {
        version: g.version,
        title_fr: g.title.fr,
        title_en: g.title.en,
        definition: toJson(g.definition),
        archived: 0 as const,
        updated_at: now,
      };
      if (found) await trx.updateTable('supplier_grids').set(values).where('id', '=', g.id).where('organization_id', 'is', null).execute();
      else
        await trx
          .insertInto('supplier_grids')
          .values({ id: g.id, organization_id: null, origin: 'catalogue', forked_from: null, created_at: now, ...values })
          .execute();
    }
    const kept = new Set(grids.map((g) => g.id));
    const gone = rows.filter((r) => !kept.has(r.id) && r.archived === 0).map((r) => r.id);
    if (gone.length > 0)
      await trx
        .updateTable('supplier_grids')
        .set({ archived: 1, updated_at: now })
        .where('id', 'in', gone)
        .where('organization_id', 'is', null)
        .where('origin', '=', 'catalogue')
        .execute();
    changed += gone.length;
  });
  return { grids: grids.length, changed };
}
