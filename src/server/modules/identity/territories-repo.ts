import type { Selectable } from 'kysely';
import { toCount } from '../../db/dialect.js';
import type { Executor } from './shared.js';
import type { TerritoriesTable, TerritoryMembersTable } from './tables.js';
import type { Visibility } from './visibility.js';

export type TerritoryRow = Selectable<TerritoriesTable>;
export type MemberRow = Selectable<TerritoryMembersTable>;
export type TerritoryWithCounts = TerritoryRow & { member_count: number; lead_count: number };

/** Territories and their member organizations. */
export class TerritoriesRepo {
  /** Every territory the actor may see, with member and lead counts. */
  async visible(db: Executor, vis: Visibility): Promise<TerritoryWithCounts[]> {
    let q = db.selectFrom('territories');
    if (!vis.all) {
      const { orgIds, territoryIds } = vis;
      if (orgIds.length === 0 && territoryIds.length === 0) return [];
      q = q.where((eb) => {
        const ors = [];
        if (territoryIds.length > 0) ors.push(eb('territories.id', 'in', territoryIds));
        if (orgIds.length > 0) {
          ors.push(
            eb(
              'territories.id',
              'in',
              eb
                .selectFrom('territory_members')
                .select('territory_members.territory_id')
                .where('territory_members.organization_id', 'in', orgIds),
            ),
          );
        }
        return eb.or(ors);
      });
    }
    const rows = await q
      .selectAll('territories')
      .select((eb) => [
        eb
          .selectFrom('territory_members')
          .select((m) => m.fn.countAll<number>().as('n'))
          .whereRef('territory_members.territory_id', '=', 'territories.id')
          .as('member_count'),
        eb
          .selectFrom('territory_members')
          .select((m) => m.fn.countAll<number>().as('n'))
          .whereRef('territory_members.territory_id', '=', 'territories.id')
          .where('territory_members.is_lead', '=', 1)
          .as('lead_count'),
      ])
      .execute();
    return rows.map((r) => ({ ...r, member_count: toCount(r.member_count), lead_count: toCount(r.lead_count) }));
  }

  async get(db: Executor, id: string): Promise<TerritoryWithCounts | undefined> {
    const row = await db.selectFrom('territories').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const members = await this.members(db, id);
    return { ...row, member_count: members.length, lead_count: members.filter((m) => m.is_lead === 1).length };
  }

  async members(db: Executor, territoryId: string) {
    return db
      .selectFrom('territory_members')
      .innerJoin('organizations', 'organizations.id', 'territory_members.organization_id')
      .select([
        'territory_members.territory_id',
        'territory_members.organization_id',
        'territory_members.is_lead',
        'territory_members.shares_data',
        'territory_members.joined_at',
        'organizations.name',
        'organizations.kind',
      ])
      .where('territory_members.territory_id', '=', territoryId)
      .orderBy('territory_members.is_lead', 'desc')
      .orderBy('organizations.name')
      .orderBy('organizations.id')
      .execute();
  }

  async member(db: Executor, territoryId: string, organizationId: string): Promise<MemberRow | undefined> {
    return db
      .selectFrom('territory_members')
      .selectAll()
      .where('territory_id', '=', territoryId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
  }

  async insert(db: Executor, row: TerritoryRow): Promise<void> {
    await db.insertInto('territories').values(row).execute();
  }

  async update(db: Executor, id: string, patch: Partial<Omit<TerritoryRow, 'id' | 'created_at'>>): Promise<void> {
    await db.updateTable('territories').set(patch).where('id', '=', id).execute();
  }

  async insertMember(db: Executor, row: MemberRow): Promise<void> {
    await db.insertInto('territory_members').values(row).execute();
  }

  async updateMember(
    db: Executor,
    territoryId: string,
    organizationId: string,
    patch: Pick<MemberRow, 'is_lead' | 'shares_data'>,
  ): Promise<void> {
    await db
      .updateTable('territory_members')
      .set(patch)
      .where('territory_id', '=', territoryId)
      .where('organization_id', '=', organizationId)
      .execute();
  }

  async deleteMember(db: Executor, territoryId: string, organizationId: string): Promise<void> {
    await db
      .deleteFrom('territory_members')
      .where('territory_id', '=', territoryId)
      .where('organization_id', '=', organizationId)
      .execute();
  }

  async counts(db: Executor, territoryId: string): Promise<{ members: number; leads: number }> {
    const r = await db
      .selectFrom('territory_members')
      .select((eb) => [eb.fn.countAll<number>().as('members'), eb.fn.sum<number>('is_lead').as('leads')])
      .where('territory_id', '=', territoryId)
      .executeTakeFirst();
    return { members: toCount(r?.members), leads: toCount(r?.leads) };
  }
}
