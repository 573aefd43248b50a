import { type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import { likeEscape, likePattern, searchKey, toCount } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import type { PeopleFilters, PeopleSort } from './schema.js';
import type { Executor } from './shared.js';
import type { PeopleTable } from './tables.js';

export type PersonRow = Selectable<PeopleTable>;
type PeopleQuery = SelectQueryBuilder<Database, 'people', object>;
type SortColumn = 'last_name' | 'first_name' | 'email' | 'service' | 'site' | 'role_family' | 'updated_at' | 'id';

// Each sort ends with the primary key so that paging is stable when values repeat. The
// leading columns follow the people_org_* indexes so a page is read in index order.
const sortColumns: Record<string, SortColumn[]> = {
  lastName: ['last_name', 'first_name', 'id'],
  email: ['email', 'id'],
  service: ['service', 'last_name', 'first_name', 'id'],
  site: ['site', 'last_name', 'first_name', 'id'],
  roleFamily: ['role_family', 'last_name', 'first_name', 'id'],
  updatedAt: ['updated_at', 'id'],
};
const nullable = new Set<SortColumn>(['service', 'site']);

/** The searchable text of a person: names, email, job title and service, without accents. */
export const personSearchKey = (p: Pick<PersonRow, 'first_name' | 'last_name' | 'email' | 'job_title' | 'service'>): string =>
  searchKey(p.first_name, p.last_name, p.email, p.job_title, p.service);

/** One organization's staff directory; every method takes the organization id first. */
export class PeopleRepo {
  private filtered(db: Executor, organizationId: string, f: Omit<PeopleFilters, 'sort'>): PeopleQuery {
    let q = db.selectFrom('people').where('people.organization_id', '=', organizationId);
    if (f.active !== 'all') q = q.where('people.active', '=', f.active === 'true' ? 1 : 0);
    if (f.roleFamily) q = q.where('people.role_family', '=', f.roleFamily);
    if (f.service) q = q.where('people.service', '=', f.service);
    if (f.site) q = q.where('people.site', '=', f.site);
    if (f.manager) q = q.where('people.is_manager', '=', f.manager === 'true' ? 1 : 0);
    // Every word must appear somewhere: "martin helene" finds Hélène Martin.
    for (const word of searchKey(f.q ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 8)) {
      q = q.where(sql<boolean>`people.search_text like ${likePattern(word)} escape ${likeEscape}`);
    }
    return q;
  }

  private sorted(q: PeopleQuery, sort: PeopleSort) {
    const desc = sort.startsWith('-');
    let out = q.selectAll('people');
    for (const col of sortColumns[sort.replace(/^-/, '')] ?? sortColumns.lastName!) {
      // Nulls (no service, no site) go last in both directions and on both databases.
      out = out.orderBy(`people.${col}`, (ob) => {
        const dir = desc ? ob.desc() : ob.asc();
        return nullable.has(col) ? dir.nullsLast() : dir;
      });
    }
    return out;
  }

  async page(
    db: Executor,
    organizationId: string,
    f: PeopleFilters,
    page: number,
    pageSize: number,
  ): Promise<{ rows: PersonRow[]; total: number }> {
    const base = this.filtered(db, organizationId, f);
    const [totalRow, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
      this.sorted(base, f.sort)
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
    ]);
    return { rows, total: toCount(totalRow?.n) };
  }

  /**
   * All matching people in order, for the export. The ordered ids are read first (from the
   * index), then the rows by slices of ids: each slice costs the same, unlike OFFSET paging
   * whose cost grows with the offset, and a 100,000-row export never sits in memory as rows.
   */
  async *each(db: Executor, organizationId: string, f: PeopleFilters, slice = 1000): AsyncGenerator<PersonRow> {
    const ordered = this.sorted(this.filtered(db, organizationId, f), f.sort)
      .clearSelect()
      .select('people.id');
    const ids = (await ordered.execute()).map((r) => r.id);
    for (let i = 0; i < ids.length; i += slice) {
      const part = ids.slice(i, i + slice);
      // By primary key only: with the organization in the WHERE clause too, SQLite would walk the
      // organization's index instead. The ids came from this organization; the check below holds it.
      const rows = await db.selectFrom('people').selectAll().where('id', 'in', part).execute();
      const byId = new Map(rows.filter((r) => r.organization_id === organizationId).map((r) => [r.id, r]));
      for (const id of part) {
        const row = byId.get(id);
        // A person changed between the two reads still appears; one deleted meanwhile cannot be.
        if (row) yield row;
      }
    }
  }

  async facet(db: Executor, organizationId: string, column: 'service' | 'site'): Promise<Array<{ value: string; count: number }>> {
    const rows = await db
      .selectFrom('people')
      .select([`people.${column} as value`, (eb) => eb.fn.countAll<number>().as('n')])
      .where('people.organization_id', '=', organizationId)
      .where('people.active', '=', 1)
      .where(`people.${column}`, 'is not', null)
      .groupBy(`people.${column}`)
      .execute();
    return rows
      .map((r) => ({ value: String(r.value), count: toCount(r.n) }))
      .sort((a, b) => a.value.localeCompare(b.value, 'fr', { sensitivity: 'base' }) || (a.value < b.value ? -1 : 1));
  }

  async counts(db: Executor, organizationId: string): Promise<{ total: number; active: number }> {
    const r = await db
      .selectFrom('people')
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>('people.active').as('active')])
      .where('people.organization_id', '=', organizationId)
      .executeTakeFirst();
    return { total: toCount(r?.total), active: toCount(r?.active) };
  }

  async get(db: Executor, organizationId: string, personId: string): Promise<PersonRow | undefined> {
    return db.selectFrom('people').selectAll().where('organization_id', '=', organizationId).where('id', '=', personId).executeTakeFirst();
  }

  async byEmail(db: Executor, organizationId: string, email: string): Promise<PersonRow | undefined> {
    return db.selectFrom('people').selectAll().where('organization_id', '=', organizationId).where('email', '=', email).executeTakeFirst();
  }

  async insert(db: Executor, row: PersonRow): Promise<void> {
    await db.insertInto('people').values(row).execute();
  }

  async update(
    db: Executor,
    organizationId: string,
    personId: string,
    patch: Partial<Omit<PersonRow, 'id' | 'organization_id' | 'created_at'>>,
  ): Promise<void> {
    await db.updateTable('people').set(patch).where('organization_id', '=', organizationId).where('id', '=', personId).execute();
  }
}
