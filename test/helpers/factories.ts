import { searchKey, toBool01 } from '../../src/server/db/dialect.js';
import type { Db } from '../../src/server/db/index.js';
import type { OrganizationKind, RoleFamily, TerritoryKind } from '../../src/server/modules/identity/domain.js';
import { sharingDomains } from '../../src/server/modules/territory/tables.js';
import type { Role, ScopeKind } from '../../src/server/platform/access/roles.js';
import { newId } from '../../src/server/platform/ids.js';

const now = () => new Date().toISOString();
const uniq = () => newId().slice(-12);

/** Factories write straight to the database: each test builds its own tenant. */
export async function makeOrg(db: Db, over: { name?: string; kind?: OrganizationKind } = {}) {
  const id = newId();
  const name = over.name ?? `CH Test ${uniq()}`;
  await db
    .insertInto('organizations')
    .values({
      id,
      name,
      short_name: null,
      kind: over.kind ?? 'ch',
      siret: null,
      city: 'Rouen',
      search_text: searchKey(name),
      archived: 0,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id, name };
}

export async function makeTerritory(
  db: Db,
  over: { name?: string; kind?: TerritoryKind; members?: Array<{ orgId: string; lead?: boolean; shares?: boolean }> } = {},
) {
  const id = newId();
  await db
    .insertInto('territories')
    .values({
      id,
      name: over.name ?? `GHT Test ${uniq()}`,
      kind: over.kind ?? 'ght',
      region: 'Normandie',
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  for (const m of over.members ?? []) {
    await db
      .insertInto('territory_members')
      .values({
        territory_id: id,
        organization_id: m.orgId,
        is_lead: toBool01(m.lead ?? false),
        shares_data: toBool01(m.shares ?? false),
        joined_at: now(),
      })
      .execute();
    // A sharing member agreed to every domain (territory_sharing, one row per domain).
    if (m.shares) {
      await db
        .insertInto('territory_sharing')
        .values(
          sharingDomains.map((domain) => ({ territory_id: id, organization_id: m.orgId, domain, shared_since: now(), changed_by: null })),
        )
        .execute();
    }
  }
  return { id };
}

export async function makePerson(
  db: Db,
  orgId: string,
  over: { email?: string; firstName?: string; lastName?: string; roleFamily?: RoleFamily; service?: string; active?: boolean } = {},
) {
  const id = newId();
  const email = over.email ?? `p.${uniq()}@test.rempart.localhost`;
  const firstName = over.firstName ?? 'Camille';
  const lastName = over.lastName ?? 'Martin';
  await db
    .insertInto('people')
    .values({
      id,
      organization_id: orgId,
      email,
      first_name: firstName,
      last_name: lastName,
      job_title: 'Infirmière',
      role_family: over.roleFamily ?? 'nurses_care_assistants',
      service: over.service ?? 'Urgences',
      site: 'Site principal',
      is_manager: 0,
      active: toBool01(over.active ?? true),
      search_text: searchKey(firstName, lastName, email),
      created_at: now(),
      updated_at: now(),
      deactivated_at: null,
    })
    .execute();
  return { id, email };
}

export async function makeAccount(
  db: Db,
  over: {
    email?: string;
    personId?: string | null;
    grants?: Array<{ role: Role; scopeKind: ScopeKind; scopeId?: string }>;
    totp?: boolean;
  } = {},
) {
  const id = newId();
  const email = over.email ?? `a.${uniq()}@test.rempart.localhost`;
  await db
    .insertInto('accounts')
    .values({
      id,
      email,
      display_name: email.split('@')[0] ?? email,
      person_id: over.personId ?? null,
      locale: 'fr',
      password_hash: null,
      password_changed_at: null,
      totp_secret_enc: null,
      totp_pending_enc: null,
      totp_enabled_at: over.totp ? now() : null,
      failed_attempts: 0,
      last_failed_at: null,
      locked_until: null,
      last_sign_in_at: null,
      active: 1,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  for (const g of over.grants ?? []) {
    await db
      .insertInto('role_grants')
      .values({
        id: newId(),
        account_id: id,
        role: g.role,
        scope_kind: g.scopeKind,
        scope_id: g.scopeId ?? '',
        granted_by: null,
        created_at: now(),
      })
      .execute();
  }
  return { id, email };
}
