import { type Selectable, sql } from 'kysely';
import { likeEscape, likePattern, toCount } from '../../db/dialect.js';
import type { OrganizationsQuery } from './schema.js';
import { type Executor, offsetOf } from './shared.js';
import type { OrganizationsTable } from './tables.js';
import type { Visibility } from './visibility.js';

export type OrganizationRow = Selectable<OrganizationsTable>;

const sortColumns = { name: 'name', city: 'city', createdAt: 'created_at' } as const;

/** Organizations, read through what the actor may see. */
export class OrganizationsRepo {
  async list(
    db: Executor,
    vis: Visibility,
    query: OrganizationsQuery,
  ): Promise<{ rows: Array<OrganizationRow & { people_count: number }>; total: number }> {
    let base = db.selectFrom('organizations');
    if (!vis.all) {
      const { orgIds, territoryIds } = vis;
      if (orgIds.length === 0 && territoryIds.length === 0) return { rows: [], total: 0 };
      base = base.where((eb) => {
        const ors = [];
        if (orgIds.length > 0) ors.push(eb('organizations.id', 'in', orgIds));
        if (territoryIds.length > 0) {
          ors.push(
            eb(
              'organizations.id',
              'in',
              eb
                .selectFrom('territory_members')
                .select('territory_members.organization_id')
                .where('territory_members.territory_id', 'in', territoryIds),
            ),
          );
        }
        return eb.or(ors);
      });
    }
    if (query.q) base = base.where(sql<boolean>`organizations.search_text like ${likePattern(query.q)} escape ${likeEscape}`);
    if (query.kind) base = base.where('organizations.kind', '=', query.kind);
    if (query.archived !== 'all') base = base.where('organizations.archived', '=', query.archived === 'true' ? 1 : 0);

    const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const desc = query.sort.startsWith('-');
    const column = sortColumns[query.sort.replace(/^-/, '') as keyof typeof sortColumns];
    const rows = await base
      .selectAll('organizations')
      .select((eb) =>
        eb
          .selectFrom('people')
          .select((p) => p.fn.countAll<number>().as('c'))
          .whereRef('people.organization_id', '=', 'organizations.id')
          .where('people.active', '=', 1)
          .as('people_count'),
      )
      .orderBy(`organizations.${column}`, (ob) => (desc ? ob.desc().nullsLast() : ob.asc().nullsLast()))
      .orderBy('organizations.id', desc ? 'desc' : 'asc')
      .limit(query.pageSize)
      .offset(offsetOf(query.page, query.pageSize))
      .execute();
    return { rows: rows.map((r) => ({ ...r, people_count: toCount(r.people_count) })), total: toCount(totalRow?.n) };
  }

  async get(db: Executor, id: string): Promise<OrganizationRow | undefined> {
    return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async activePeopleCount(db: Executor, organizationId: string): Promise<number> {
    const r = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', organizationId)
      .where('active', '=', 1)
      .executeTakeFirst();
    return toCount(r?.n);
  }

  /** The territories an organization belongs to, leads first. */
  async territoriesOf(db: Executor, organizationId: string) {
    return db
      .selectFrom('territory_members')
      .innerJoin('territories', 'territories.id', 'territory_members.territory_id')
      .select(['territories.id', 'territories.name', 'territories.kind', 'territory_members.is_lead'])
      .where('territory_members.organization_id', '=', organizationId)
      .orderBy('territory_members.is_lead', 'desc')
      .orderBy('territories.name')
      .orderBy('territories.id')
      .execute();
  }

  async insert(db: Executor, row: OrganizationRow): Promise<void> {
    await db.insertInto('organizations').values(row).execute();
  }

  async update(db: Executor, id: string, patch: Partial<Omit<OrganizationRow, 'id' | 'created_at'>>): Promise<void> {
    await db.updateTable('organizations').set(patch).where('id', '=', id).execute();
  }
}
