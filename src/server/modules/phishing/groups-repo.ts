import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../identity/shared.js';
import type { PhishingGroupsTable } from './tables.js';

export type GroupRow = Selectable<PhishingGroupsTable>;

/** Saved groups of one organization; every method takes the organization id first. */
export class GroupsRepo {
  async list(db: Executor, organizationId: string, kind?: GroupRow['kind']): Promise<GroupRow[]> {
    let q = db.selectFrom('phishing_groups').selectAll().where('organization_id', '=', organizationId);
    if (kind) q = q.where('kind', '=', kind);
    return q.execute();
  }

  async get(db: Executor, organizationId: string, id: string): Promise<GroupRow | undefined> {
    return db
      .selectFrom('phishing_groups')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async byName(db: Executor, organizationId: string, kind: GroupRow['kind'], name: string): Promise<GroupRow | undefined> {
    return db
      .selectFrom('phishing_groups')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('kind', '=', kind)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  async insert(db: Executor, row: Insertable<PhishingGroupsTable>): Promise<void> {
    await db.insertInto('phishing_groups').values(row).execute();
  }

  async update(db: Executor, organizationId: string, id: string, patch: Updateable<PhishingGroupsTable>): Promise<void> {
    await db.updateTable('phishing_groups').set(patch).where('organization_id', '=', organizationId).where('id', '=', id).execute();
  }

  async delete(db: Executor, organizationId: string, id: string): Promise<void> {
    await db.deleteFrom('phishing_groups').where('organization_id', '=', organizationId).where('id', '=', id).execute();
  }

  /** Which of these ids are people of the organization (by slices: a group may name thousands). */
  async knownPeople(db: Executor, organizationId: string, ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await db
        .selectFrom('people')
        .select('id')
        .where('organization_id', '=', organizationId)
        .where('id', 'in', ids.slice(i, i + 1000))
        .execute();
      for (const r of rows) found.add(r.id);
    }
    return found;
  }

  /** People of the organization by email (lower-cased), for imports. */
  async peopleByEmail(db: Executor, organizationId: string, emails: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < emails.length; i += 1000) {
      const rows = await db
        .selectFrom('people')
        .select(['id', 'email'])
        .where('organization_id', '=', organizationId)
        .where('email', 'in', emails.slice(i, i + 1000))
        .execute();
      for (const r of rows) out.set(r.email.toLowerCase(), r.id);
    }
    return out;
  }
}
