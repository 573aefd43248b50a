import { toCount } from '../../db/dialect.js';
import { type Executor, offsetOf } from '../identity/shared.js';
import type { DiagnosticsListQuery } from './schema.js';
import type { MaturityDiagnosticsTable } from './tables.js';

const sortColumns = { createdAt: 'd.created_at', completedAt: 'd.completed_at', overall: 'd.overall' } as const;

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

  /** One page of the organization's diagnostics, filtered and sorted as the list query asks. */
  async page(db: Executor, orgId: string, q: DiagnosticsListQuery) {
    let base = db.selectFrom('maturity_diagnostics as d').where('d.organization_id', '=', orgId);
    if (q.status) base = base.where('d.status', '=', q.status);
    if (q.variant) base = base.where('d.variant', '=', q.variant);
    const desc = q.order === 'desc';
    const [items, total] = await Promise.all([
      base
        .innerJoin('maturity_referentials as r', 'r.id', 'd.referential_version_id')
        .select(['d.id', 'd.variant', 'd.status', 'd.overall', 'd.started_by', 'd.created_at', 'd.completed_at', 'r.version'])
        // Drafts have no completion date and may have no score: explicit NULLS LAST, since SQLite
        // puts nulls first and PostgreSQL last by default. The id breaks ties so pages never overlap.
        .orderBy(sortColumns[q.sort], (ob) => (desc ? ob.desc() : ob.asc()).nullsLast())
        .orderBy('d.id', desc ? 'desc' : 'asc')
        .limit(q.pageSize)
        .offset(offsetOf(q.page, q.pageSize))
        .execute(),
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
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
