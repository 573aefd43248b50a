/** Test-only helpers for the identity tests (imported by *.test.ts beside this file). */
import { type Client, clientFor, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makePerson } from '../../../../test/helpers/factories.js';
import { fromJson } from '../../db/dialect.js';
import { newId } from '../../platform/ids.js';

export interface Signed {
  client: Client;
  accountId: string;
  personId: string | null;
  email: string;
}

/** A unique token to find this test's rows among others' on the shared PostgreSQL database. */
export const tag = (): string => `t${newId().replace(/-/g, '').slice(-10)}`;

export async function platformAdmin(t: TestApp): Promise<Signed> {
  const a = await makeAccount(t.dbh.db, { grants: [{ role: 'platform_admin', scopeKind: 'platform' }], totp: true });
  return { client: await clientFor(t, a.id), accountId: a.id, personId: null, email: a.email };
}

export async function orgAdmin(t: TestApp, orgId: string, opts: { mfa?: boolean } = {}): Promise<Signed> {
  const p = await makePerson(t.dbh.db, orgId);
  const a = await makeAccount(t.dbh.db, {
    personId: p.id,
    grants: [{ role: 'org_admin', scopeKind: 'organization', scopeId: orgId }],
    totp: true,
  });
  return { client: await clientFor(t, a.id, opts), accountId: a.id, personId: p.id, email: a.email };
}

export async function coordinator(t: TestApp, territoryId: string): Promise<Signed> {
  const a = await makeAccount(t.dbh.db, {
    grants: [{ role: 'territory_coordinator', scopeKind: 'territory', scopeId: territoryId }],
    totp: true,
  });
  return { client: await clientFor(t, a.id), accountId: a.id, personId: null, email: a.email };
}

/** Audit entries about one entity, oldest first, with their snapshots parsed. */
export async function auditOf(t: TestApp, entityId: string) {
  const rows = await t.dbh.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('seq').execute();
  return rows.map((r) => ({
    action: r.action,
    organizationId: r.organization_id,
    territoryId: r.territory_id,
    actorAccountId: r.actor_account_id,
    before: fromJson<Record<string, unknown> | null>(r.before_json, null),
    after: fromJson<Record<string, unknown> | null>(r.after_json, null),
  }));
}
