import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';
import { newId } from '../../platform/ids.js';
import type { AccountDto } from './schema.js';
import { auditOf, coordinator, orgAdmin, platformAdmin, tag } from './test-kit.js';

describe('accounts and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  it('grants an organization role to a person of the directory, opening the account, and lists it', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const admin = await orgAdmin(t, org.id);
    const manager = await makePerson(db, org.id, { firstName: 'Inès', lastName: 'Moreau', email: 'ines.moreau@ch.example.fr' });
    const res = await admin.client.post(`/api/orgs/${org.id}/grants`, { personId: manager.id, role: 'manager' });
    expect(res.statusCode).toBe(201);
    const grant = res.json();
    expect(grant).toMatchObject({ role: 'manager', scopeKind: 'organization', scopeId: org.id, accountCreated: true });
    const account = await db.selectFrom('accounts').selectAll().where('id', '=', grant.accountId).executeTakeFirstOrThrow();
    expect(account).toMatchObject({
      email: 'ines.moreau@ch.example.fr',
      display_name: 'Inès Moreau',
      person_id: manager.id,
      password_hash: null,
    });
    expect((await auditOf(t, grant.id))[0]).toMatchObject({
      action: 'grant.created',
      organizationId: org.id,
      after: { role: 'manager', accountId: grant.accountId },
    });
    expect((await auditOf(t, grant.accountId))[0]).toMatchObject({ action: 'account.created', organizationId: org.id });

    const again = await admin.client.post(`/api/orgs/${org.id}/grants`, { email: 'INES.moreau@ch.example.fr', role: 'manager' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_granted');
    const second = await admin.client.post(`/api/orgs/${org.id}/grants`, { email: 'INES.moreau@ch.example.fr', role: 'observer' });
    expect(second.json()).toMatchObject({ accountId: grant.accountId, accountCreated: false });

    const list = (await admin.client.get(`/api/orgs/${org.id}/accounts`)).json();
    expect(list.total).toBe(2);
    const ines = list.items.find((a: AccountDto) => a.id === grant.accountId);
    expect(ines).toMatchObject({
      email: 'ines.moreau@ch.example.fr',
      totpEnabled: false,
      locked: false,
      lastSignInAt: null,
      active: true,
    });
    expect(ines.grants.map((g: { role: string }) => g.role).sort()).toEqual(['manager', 'observer']);
    expect(ines.grants[0]).toMatchObject({ scopeKind: 'organization', scopeId: org.id, scopeName: org.name, grantedBy: admin.accountId });
    const me = list.items.find((a: AccountDto) => a.id === admin.accountId);
    expect(me).toMatchObject({ totpEnabled: true });
    expect((await admin.client.get(`/api/orgs/${org.id}/accounts?q=moreau`)).json().items.map((a: AccountDto) => a.id)).toEqual([
      grant.accountId,
    ]);
  });

  it('grants to an email outside the directory; refuses roles not meant for organizations and other tenants’ people', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const other = await makeOrg(db);
    const stranger = await makePerson(db, other.id);
    const admin = await orgAdmin(t, org.id);
    const res = await admin.client.post(`/api/orgs/${org.id}/grants`, { email: `consultant.${tag()}@audit.example.fr`, role: 'auditor' });
    expect(res.statusCode).toBe(201);
    const account = await db.selectFrom('accounts').select(['person_id']).where('id', '=', res.json().accountId).executeTakeFirstOrThrow();
    expect(account.person_id).toBeNull();
    for (const role of ['platform_admin', 'territory_coordinator']) {
      const bad = await admin.client.post(`/api/orgs/${org.id}/grants`, { email: 'x@example.fr', role });
      expect(bad.statusCode, role).toBe(400);
      expect(bad.json().error).toMatchObject({ code: 'role_not_allowed', field: 'role' });
    }
    expect((await admin.client.post(`/api/orgs/${org.id}/grants`, { email: 'nope', role: 'manager' })).json().error.field).toBe('email');
    expect((await admin.client.post(`/api/orgs/${org.id}/grants`, { role: 'manager' })).statusCode).toBe(400);
    expect(
      (await admin.client.post(`/api/orgs/${org.id}/grants`, { personId: stranger.id, email: 'x@example.fr', role: 'manager' })).statusCode,
    ).toBe(400);
    expect((await admin.client.post(`/api/orgs/${org.id}/grants`, { personId: stranger.id, role: 'manager' })).statusCode).toBe(404);
    expect((await admin.client.post(`/api/orgs/${other.id}/grants`, { personId: stranger.id, role: 'manager' })).statusCode).toBe(404);
    expect((await admin.client.get(`/api/orgs/${other.id}/accounts`)).statusCode).toBe(404);
  });

  it('keeps at least one organization admin; a grant of another organization is not reachable', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const other = await makeOrg(db);
    const admin = await orgAdmin(t, org.id);
    const otherAdmin = await orgAdmin(t, other.id);
    const myGrant = await db.selectFrom('role_grants').select('id').where('account_id', '=', admin.accountId).executeTakeFirstOrThrow();
    const last = await admin.client.delete(`/api/orgs/${org.id}/grants/${myGrant.id}`);
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('last_admin');
    // Through the platform too.
    const platform = await platformAdmin(t);
    expect((await platform.client.delete(`/api/platform/grants/${myGrant.id}`)).json().error.code).toBe('last_admin');

    const otherGrant = await db
      .selectFrom('role_grants')
      .select('id')
      .where('account_id', '=', otherAdmin.accountId)
      .executeTakeFirstOrThrow();
    expect((await admin.client.delete(`/api/orgs/${org.id}/grants/${otherGrant.id}`)).statusCode).toBe(404);
    expect((await admin.client.delete(`/api/orgs/${org.id}/grants/${newId()}`)).statusCode).toBe(404);

    const p = await makePerson(db, org.id);
    const second = (await admin.client.post(`/api/orgs/${org.id}/grants`, { personId: p.id, role: 'org_admin' })).json();
    expect((await admin.client.delete(`/api/orgs/${org.id}/grants/${myGrant.id}`)).statusCode).toBe(204);
    expect((await auditOf(t, myGrant.id)).at(-1)).toMatchObject({
      action: 'grant.revoked',
      organizationId: org.id,
      before: { role: 'org_admin' },
    });
    // The former admin has lost the right at once.
    expect((await admin.client.get(`/api/orgs/${org.id}/accounts`)).statusCode).toBe(403);
    expect(second.role).toBe('org_admin');
  });

  it('lets a coordinator grant territory roles to people of member organizations or to emails', async () => {
    const db = t.dbh.db;
    const member = await makeOrg(db);
    const outside = await makeOrg(db);
    const territory = await makeTerritory(db, { members: [{ orgId: member.id, lead: true }] });
    const coord = await coordinator(t, territory.id);
    const rssi = await makePerson(db, member.id);
    const outsider = await makePerson(db, outside.id);
    const base = `/api/territories/${territory.id}`;
    const res = await coord.client.post(`${base}/grants`, { personId: rssi.id, role: 'territory_coordinator' });
    expect(res.statusCode).toBe(201);
    expect((await auditOf(t, res.json().id))[0]).toMatchObject({ action: 'grant.created', territoryId: territory.id });
    expect((await coord.client.post(`${base}/grants`, { personId: outsider.id, role: 'observer' })).statusCode).toBe(404);
    expect((await coord.client.post(`${base}/grants`, { email: 'x@example.fr', role: 'org_admin' })).json().error.field).toBe('role');
    const obs = await coord.client.post(`${base}/grants`, { email: `obs.${tag()}@ars.example.fr`, role: 'observer' });
    expect(obs.statusCode).toBe(201);
    const list = (await coord.client.get(`${base}/accounts`)).json();
    expect(list.total).toBe(3);
    expect((await coord.client.delete(`${base}/grants/${obs.json().id}`)).statusCode).toBe(204);
    const orgAdm = await orgAdmin(t, member.id);
    expect((await orgAdm.client.post(`${base}/grants`, { email: 'x@example.fr', role: 'observer' })).statusCode).toBe(403);
  });

  it('gives platform admins every account: search, grants on any scope, unlock, reset TOTP, deactivate', async () => {
    const db = t.dbh.db;
    const platform = await platformAdmin(t);
    const org = await makeOrg(db);
    const k = tag();
    const person = await makePerson(db, org.id, { email: `amelie.${k}@ch.example.fr`, firstName: 'Amélie', lastName: 'Roux' });
    const byEmail = await platform.client.post('/api/platform/grants', {
      email: `Amelie.${k}@ch.example.fr`,
      role: 'org_admin',
      scopeKind: 'organization',
      scopeId: org.id,
    });
    expect(byEmail.statusCode).toBe(201);
    const accountId = byEmail.json().accountId;
    const acc = await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
    expect(acc).toMatchObject({ person_id: person.id, display_name: 'Amélie Roux' });

    const territory = await makeTerritory(db);
    const coordGrant = await platform.client.post('/api/platform/grants', {
      accountId,
      role: 'territory_coordinator',
      scopeKind: 'territory',
      scopeId: territory.id,
    });
    expect(coordGrant.statusCode).toBe(201);
    const bad = await platform.client.post('/api/platform/grants', {
      accountId,
      role: 'territory_coordinator',
      scopeKind: 'organization',
      scopeId: org.id,
    });
    expect(bad.json().error.field).toBe('role');
    expect(
      (await platform.client.post('/api/platform/grants', { accountId, role: 'manager', scopeKind: 'organization', scopeId: newId() }))
        .statusCode,
    ).toBe(404);
    expect(
      (await platform.client.post('/api/platform/grants', { accountId: newId(), role: 'platform_admin', scopeKind: 'platform' }))
        .statusCode,
    ).toBe(404);

    const list = (await platform.client.get(`/api/platform/accounts?q=${k}`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0].grants.map((g: { role: string; scopeName: string }) => [g.role, g.scopeName])).toEqual([
      ['org_admin', org.name],
      ['territory_coordinator', expect.any(String)],
    ]);

    // A lockout, a second factor and a live session to clear.
    await db
      .updateTable('accounts')
      .set({
        locked_until: new Date(Date.now() + 3_600_000).toISOString(),
        failed_attempts: 10,
        totp_enabled_at: new Date().toISOString(),
        totp_secret_enc: 'x',
      })
      .where('id', '=', accountId)
      .execute();
    await db
      .insertInto('recovery_codes')
      .values({ id: newId(), account_id: accountId, code_hash: 'h', used_at: null, created_at: new Date().toISOString() })
      .execute();
    const victim = await clientFor(t, accountId);
    expect((await platform.client.get(`/api/platform/accounts?q=${k}`)).json().items[0]).toMatchObject({
      locked: true,
      totpEnabled: true,
    });

    const unlocked = await platform.client.post(`/api/platform/accounts/${accountId}/unlock`);
    expect(unlocked.json()).toMatchObject({ locked: false, lockedUntil: null });
    expect((await auditOf(t, accountId)).at(-1)).toMatchObject({
      action: 'account.unlocked',
      organizationId: org.id,
      before: { locked: true },
      after: { locked: false },
    });

    const reset = await platform.client.post(`/api/platform/accounts/${accountId}/reset-totp`);
    expect(reset.json().totpEnabled).toBe(false);
    const after = await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
    expect(after.totp_secret_enc).toBeNull();
    expect(await db.selectFrom('recovery_codes').select('id').where('account_id', '=', accountId).execute()).toEqual([]);
    expect((await victim.get('/api/me')).json().signedIn).toBe(false);

    const victim2 = await clientFor(t, accountId);
    const off = await platform.client.patch(`/api/platform/accounts/${accountId}`, { active: false });
    expect(off.json().active).toBe(false);
    expect((await victim2.get('/api/me')).json().signedIn).toBe(false);
    expect((await auditOf(t, accountId)).at(-1)?.action).toBe('account.deactivated');
    expect((await platform.client.patch(`/api/platform/accounts/${accountId}`, { active: true })).json().active).toBe(true);
    const self = await platform.client.patch(`/api/platform/accounts/${platform.accountId}`, { active: false });
    expect(self.statusCode).toBe(409);
    expect((await platform.client.post(`/api/platform/accounts/${newId()}/unlock`)).statusCode).toBe(404);

    const grantId = coordGrant.json().id;
    expect((await platform.client.delete(`/api/platform/grants/${grantId}`)).statusCode).toBe(204);
    expect((await auditOf(t, grantId)).at(-1)).toMatchObject({ action: 'grant.revoked', territoryId: territory.id });
  });

  it('keeps platform routes for platform admins', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const someone = await makeAccount(t.dbh.db);
    expect((await admin.client.get('/api/platform/accounts')).statusCode).toBe(403);
    expect((await admin.client.post(`/api/platform/accounts/${someone.id}/unlock`)).statusCode).toBe(403);
    expect(
      (await admin.client.post('/api/platform/grants', { accountId: admin.accountId, role: 'platform_admin', scopeKind: 'platform' }))
        .statusCode,
    ).toBe(403);
  });
});
