import { toCount } from '../../db/dialect.js';
import { type Executor, offsetOf } from '../identity/shared.js';
import type { MaturityDiagnosticsTable } from './tables.js';

export type DiagnosticRow = MaturityDiagnosticsTable & { version: number };

/** Diagnostics of one organization; the organization id comes first and scopes every read. */
export class DiagnosticsRepo {
  async insert(db: Executor, row: MaturityDiagnosticsTable): Promise<void> {
    await db.insertInto('maturity_diagnostics').values(row).execute();
  }

  /** The diagnostic, or undefined when absent or another organization's (the caller answers 404). */
  async get(db: Executor, orgId: string, id: string): Promise<DiagnosticRow | undefined> {
    return db
      .selectFrom('maturity_diagnostics as d')
      .innerJoin('maturity_referentials as r', 'r.id', 'd.referential_version_id')
      .selectAll('d')
      .select('r.version')
      .where('d.organization_id', '=', orgId)
      .where('d.id', '=', id)
      .executeTakeFirst();
  }

  async page(db: Executor, orgId: string, page: number, pageSize: number) {
    const [items, total] = await Promise.all([
      db
        .selectFrom('maturity_diagnostics as d')
        .innerJoin('maturity_referentials as r', 'r.id', 'd.referential_version_id')
        .select(['d.id', 'd.variant', 'd.status', 'd.overall', 'd.started_by', 'd.created_at', 'd.completed_at', 'r.version'])
        .where('d.organization_id', '=', orgId)
        .orderBy('d.created_at', 'desc')
        .orderBy('d.id', 'desc')
        .limit(pageSize)
        .offset(offsetOf(page, pageSize))
        .execute(),
      db
        .selectFrom('maturity_diagnostics')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('organization_id', '=', orgId)
        .executeTakeFirst(),
    ]);
    return { items, total: toCount(total?.n) };
  }

  async update(
    db: Executor,
    orgId: string,
    id: string,
    values: Partial<
      Pick<MaturityDiagnosticsTable, 'answers' | 'provenance' | 'scores' | 'overall' | 'status' | 'completed_at' | 'updated_at'>
    >,
  ): Promise<void> {
    await db.updateTable('maturity_diagnostics').set(values).where('organization_id', '=', orgId).where('id', '=', id).execute();
  }
}
