import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf, coordinator, orgAdmin, platformAdmin } from '../identity/test-kit.js';
import { many, seed } from '../learning/metrics-test-kit.js';
import { sharedMembers } from './sharing-service.js';

const NOW = new Date('2026-11-29T10:00:00Z');

describe('territory sharing: the member decides, per domain', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The default metrics cache (60 s) stays on: consent must win over it.
    t = await makeTestApp({ clock: new FixedClock(NOW) });
  });
  afterAll(async () => t.close());

  async function setUp() {
    const db = t.dbh.db;
    const chu = await makeOrg(db, { name: 'CHU Pilote', kind: 'chu' });
    const ch = await makeOrg(db, { name: 'CH Vallée' });
    const other = await makeOrg(db, { name: 'CH Voisin' });
    await seed(t, NOW, ch.id, many(6, { work: [{ first: 70 }] }));
    await seed(t, NOW, other.id, many(6, { work: [{ first: 50 }] }));
    const territory = await makeTerritory(db, {
      members: [{ orgId: chu.id, lead: true }, { orgId: ch.id, shares: false }, { orgId: other.id }],
    });
    const otherAdmin = await orgAdmin(t, other.id);
    await otherAdmin.client.put(`/api/orgs/${other.id}/territory-sharing/${territory.id}`, { domains: { training: true } });
    return { chu, ch, other, territory, admin: await orgAdmin(t, ch.id), coord: await coordinator(t, territory.id) };
  }

  it('lists the territories of the organization with their leads and flags', async () => {
    const { chu, ch, territory, admin } = await setUp();
    const res = await admin.client.get(`/api/orgs/${ch.id}/territory-sharing`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        territory: { id: territory.id, name: expect.any(String), kind: 'ght' },
        leads: [{ organizationId: chu.id, name: 'CHU Pilote', kind: 'chu' }],
        isLead: false,
        domains: { maturity: false, training: false, phishing: false, suppliers: false, exercises: false, actions: false },
        sharedSince: { maturity: null, training: null, phishing: null, suppliers: null, exercises: null, actions: null },
      },
    ]);
  });

  it('shows and hides the member on the learning dashboard at once, and audits each change', async () => {
    const { ch, other, territory, admin, coord } = await setUp();
    const dashboard = async () => {
      const res = await coord.client.get(`/api/territories/${territory.id}/learning/metrics`);
      expect(res.statusCode).toBe(200);
      return res.json() as { members: Array<{ organizationId: string; sharing: boolean; people?: number }>; totals: { people?: number } };
    };
    const before = await dashboard();
    expect(before.members.find((m) => m.organizationId === ch.id)).toMatchObject({ sharing: false });
    expect(before.totals.people).toBe(6);

    const on = await admin.client.put(`/api/orgs/${ch.id}/territory-sharing/${territory.id}`, {
      domains: { training: true, maturity: true },
    });
    expect(on.statusCode).toBe(200);
    expect(on.json().domains).toMatchObject({ training: true, maturity: true, phishing: false });
    expect(on.json().sharedSince.training).toBe(NOW.toISOString());
    const shared = await dashboard();
    expect(shared.members.find((m) => m.organizationId === ch.id)).toMatchObject({ sharing: true, people: 6 });
    expect(shared.totals.people).toBe(12);

    const off = await admin.client.put(`/api/orgs/${ch.id}/territory-sharing/${territory.id}`, { domains: { training: false } });
    expect(off.json().domains).toMatchObject({ training: false, maturity: true });
    // Same minute, same cache: the figures are gone anyway.
    const after = await dashboard();
    expect(after.members.find((m) => m.organizationId === ch.id)).toEqual({ organizationId: ch.id, name: ch.name, sharing: false });
    expect(after.totals.people).toBe(6);
    expect((await coord.client.get(`/api/orgs/${ch.id}/learning/metrics`)).statusCode).toBe(403);

    const overview = (await coord.client.get(`/api/territories/${territory.id}/sharing`)).json().items;
    expect(overview.map((m: { organizationId: string }) => m.organizationId)).toEqual([expect.any(String), ch.id, other.id]);
    expect(overview[1]).toMatchObject({ isLead: false, domains: { maturity: true, training: false, phishing: false } });
    expect(overview[2].domains).toMatchObject({ maturity: false, training: true });
    expect((await admin.client.get(`/api/territories/${territory.id}/sharing`)).statusCode).toBe(403);
    expect(await sharedMembers(t.dbh.db, territory.id, 'maturity')).toEqual([ch.id]);
    expect(await sharedMembers(t.dbh.db, territory.id, 'training')).toEqual([other.id]);
    expect(await sharedMembers(t.dbh.db, territory.id, 'phishing')).toEqual([]);

    const audit = await auditOf(t, `${territory.id}:${ch.id}`);
    expect(audit.map((a) => a.action)).toEqual(['territory.sharing_changed', 'territory.sharing_changed']);
    expect(audit[1]).toMatchObject({
      organizationId: ch.id,
      territoryId: territory.id,
      actorAccountId: admin.accountId,
      before: { domains: { training: true, maturity: true } },
      after: { domains: { training: false, maturity: true } },
    });
    // Asking for what is already the case changes nothing and records nothing.
    await admin.client.put(`/api/orgs/${ch.id}/territory-sharing/${territory.id}`, { domains: { maturity: true } });
    expect(await auditOf(t, `${territory.id}:${ch.id}`)).toHaveLength(2);
  });

  it('leaves the choice to the member: a coordinator cannot switch it, a platform admin records a paper agreement', async () => {
    const { ch, territory, coord } = await setUp();
    const url = `/api/orgs/${ch.id}/territory-sharing/${territory.id}`;
    expect((await coord.client.put(url, { domains: { training: true } })).statusCode).toBe(403);
    const viaMembers = await coord.client.put(`/api/territories/${territory.id}/members/${ch.id}`, { sharesData: true });
    expect(viaMembers.statusCode).toBe(400);
    expect(viaMembers.json().error).toMatchObject({ code: 'sharing_is_members_choice', field: 'sharesData' });
    expect(viaMembers.json().error.message).toMatch(/établissement membre/);
    // The coordinator still manages leads.
    expect((await coord.client.put(`/api/territories/${territory.id}/members/${ch.id}`, { isLead: true })).json().isLead).toBe(true);
    expect(await sharedMembers(t.dbh.db, territory.id, 'training')).not.toContain(ch.id);

    const admin = await platformAdmin(t);
    const paper = await admin.client.put(`/api/territories/${territory.id}/members/${ch.id}`, { sharesData: true });
    expect(paper.json()).toMatchObject({ sharesData: true });
    for (const domain of ['maturity', 'training', 'phishing', 'suppliers', 'exercises', 'actions'] as const) {
      expect(await sharedMembers(t.dbh.db, territory.id, domain)).toContain(ch.id);
    }
    // Leaving the territory takes the consent with it.
    expect((await admin.client.delete(`/api/territories/${territory.id}/members/${ch.id}`)).statusCode).toBe(204);
    const left = await t.dbh.db.selectFrom('territory_sharing').select('domain').where('organization_id', '=', ch.id).execute();
    expect(left).toEqual([]);
  });

  it('answers 404 for a foreign organization or a territory the organization is not in', async () => {
    const { ch, territory } = await setUp();
    const stranger = await makeOrg(t.dbh.db);
    const strangerAdmin = await orgAdmin(t, stranger.id);
    expect(
      (await strangerAdmin.client.put(`/api/orgs/${ch.id}/territory-sharing/${territory.id}`, { domains: { training: true } })).statusCode,
    ).toBe(404);
    expect((await strangerAdmin.client.get(`/api/orgs/${ch.id}/territory-sharing`)).statusCode).toBe(404);
    const notMember = await strangerAdmin.client.put(`/api/orgs/${stranger.id}/territory-sharing/${territory.id}`, {
      domains: { training: true },
    });
    expect(notMember.statusCode).toBe(404);
    expect((await strangerAdmin.client.get(`/api/orgs/${stranger.id}/territory-sharing`)).json()).toEqual({ items: [] });
    expect(await t.dbh.db.selectFrom('territory_sharing').select('domain').where('organization_id', '=', stranger.id).execute()).toEqual(
      [],
    );
  });

  it('names the field of bad input', async () => {
    const { ch, territory, admin } = await setUp();
    const url = `/api/orgs/${ch.id}/territory-sharing/${territory.id}`;
    for (const body of [
      { domains: { weather: true } },
      { domains: {} },
      { domains: { training: 'yes' } },
      {},
      { domains: { training: true }, extra: 1 },
    ]) {
      const res = await admin.client.put(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field, JSON.stringify(body)).toMatch(/body/);
    }
    expect((await admin.client.get(`/api/orgs/${ch.id}/territory-sharing`)).json().items[0].domains.training).toBe(false);
  });
});
