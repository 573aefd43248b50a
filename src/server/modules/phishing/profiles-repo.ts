import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../identity/shared.js';
import type { PhishingSendingProfilesTable } from './tables.js';
import type { LibraryTenant } from './territory-scopes.js';

export type ProfileRow = Selectable<PhishingSendingProfilesTable>;

const ownerColumn = (tenant: LibraryTenant) => (tenant.kind === 'organization' ? 'organization_id' : 'territory_id');

/** The sending profiles of an organization or of a territory (archived ones stay for the campaigns that used them). */
export class ProfilesRepo {
  async list(db: Executor, tenant: LibraryTenant): Promise<ProfileRow[]> {
    return db
      .selectFrom('phishing_sending_profiles')
      .selectAll()
      .where(ownerColumn(tenant), '=', tenant.id)
      .where('archived', '=', 0)
      .execute();
  }

  async get(db: Executor, tenant: LibraryTenant, id: string): Promise<ProfileRow | undefined> {
    return db
      .selectFrom('phishing_sending_profiles')
      .selectAll()
      .where(ownerColumn(tenant), '=', tenant.id)
      .where('id', '=', id)
      .where('archived', '=', 0)
      .executeTakeFirst();
  }

  async insert(db: Executor, row: Insertable<PhishingSendingProfilesTable>): Promise<void> {
    await db.insertInto('phishing_sending_profiles').values(row).execute();
  }

  async update(db: Executor, tenant: LibraryTenant, id: string, patch: Updateable<PhishingSendingProfilesTable>): Promise<void> {
    await db.updateTable('phishing_sending_profiles').set(patch).where(ownerColumn(tenant), '=', tenant.id).where('id', '=', id).execute();
  }
}
