import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../identity/shared.js';
import type { PhishingSendingProfilesTable } from './tables.js';

export type ProfileRow = Selectable<PhishingSendingProfilesTable>;

/** An organization's sending profiles (archived ones stay for the campaigns that used them). */
export class ProfilesRepo {
  async list(db: Executor, organizationId: string): Promise<ProfileRow[]> {
    return db
      .selectFrom('phishing_sending_profiles')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('archived', '=', 0)
      .execute();
  }

  async get(db: Executor, organizationId: string, id: string): Promise<ProfileRow | undefined> {
    return db
      .selectFrom('phishing_sending_profiles')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .where('archived', '=', 0)
      .executeTakeFirst();
  }

  async insert(db: Executor, row: Insertable<PhishingSendingProfilesTable>): Promise<void> {
    await db.insertInto('phishing_sending_profiles').values(row).execute();
  }

  async update(db: Executor, organizationId: string, id: string, patch: Updateable<PhishingSendingProfilesTable>): Promise<void> {
    await db
      .updateTable('phishing_sending_profiles')
      .set(patch)
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .execute();
  }
}
