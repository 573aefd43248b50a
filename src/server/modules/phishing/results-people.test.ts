import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { coordinator, orgAdmin } from '../identity/test-kit.js';
import { insertCampaign, insertRecipient } from './results-test-kit.js';

const clock = new FixedClock(new Date('2026-12-10T09:00:00Z'));

describe('phishing per-person results', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  async function person(orgId: string, firstName: string, lastName: string, service = 'Urgences') {
    const p = await makePerson(t.dbh.db, orgId, { firstName, lastName, service });
    return { ...p, firstName, lastName, service };
  }

  /** A campaign with four people: one reported, one clicked and submitted, one flagged by a scanner, one did nothing. */
  async function seeded() {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const id = await insertCampaign(db, { organizationId: org.id });
    const [zoe, elodie, bruno, adam] = [
      await person(org.id, 'Zoé', 'Bernard'),
      await person(org.id, 'Élodie', 'Lefèvre', 'Cardiologie'),
      await person(org.id, 'Bruno', 'Durand'),
      await person(org.id, 'Adam', 'Petit', 'Pharmacie'),
    ];
    const r = (p: typeof zoe, over: Parameters<typeof insertRecipient>[3] = {}) =>
      insertRecipient(db, id, org.id, {
        personId: p.id,
        email: p.email,
        firstName: p.firstName,
        lastName: p.lastName,
        service: p.service,
        ...over,
      });
    await r(zoe, { openedAt: '2026-11-01T09:10:00.000Z', reportedAt: '2026-11-01T09:12:00.000Z' });
    await r(elodie, {
      openedAt: '2026-11-01T10:00:00.000Z',
      clickedAt: '2026-11-01T10:01:00.000Z',
      submittedAt: '2026-11-01T10:02:00.000Z',
    });
    await r(bruno, { scannerFlagged: 2 });
    await r(adam);
    return { org, id, url: `/api/orgs/${org.id}/phishing/campaigns/${id}/recipients`, zoe, elodie, bruno, adam };
  }

  it('lists the recipients with their times, search, outcome filter, sort and pages', async () => {
    const s = await seeded();
    const admin = await orgAdmin(t, s.org.id);
    const res = await admin.client.get(s.url);
    expect(res.statusCode).toBe(200);
    const all = res.json();
    expect(all.total).toBe(4);
    expect(all.items.map((i: { lastName: string }) => i.lastName)).toEqual(['Bernard', 'Durand', 'Lefèvre', 'Petit']);
    expect(all.items[2]).toMatchObject({
      personId: s.elodie.id,
      email: s.elodie.email,
      service: 'Cardiologie',
      status: 'delivered',
      sentAt: '2026-11-01T09:05:00.000Z',
      clickedAt: '2026-11-01T10:01:00.000Z',
      submittedAt: '2026-11-01T10:02:00.000Z',
      reportedAt: null,
      scannerFlagged: false,
    });
    expect(all.items[1].scannerFlagged).toBe(true);
    expect(all.items[1].clickedAt).toBeNull();

    const names = async (query: string) =>
      (await admin.client.get(`${s.url}?${query}`)).json().items.map((i: { firstName: string }) => i.firstName);
    expect(await names('q=lefevre')).toEqual(['Élodie']);
    expect(await names(`q=${encodeURIComponent(s.adam.email.slice(0, 12))}`)).toEqual(['Adam']);
    expect(await names('outcome=clicked')).toEqual(['Élodie']);
    expect(await names('outcome=submitted')).toEqual(['Élodie']);
    expect(await names('outcome=reported')).toEqual(['Zoé']);
    expect(await names('outcome=none')).toEqual(['Bruno', 'Adam']);
    expect(await names('sort=-name')).toEqual(['Adam', 'Élodie', 'Bruno', 'Zoé']);
    // Those without a report come last either way.
    expect((await names('sort=-reportedAt'))[0]).toBe('Zoé');
    // Ties are broken by name: Bernard before Durand in Urgences.
    expect(await names('sort=service&pageSize=2&page=2')).toEqual(['Zoé', 'Bruno']);
    const page = (await admin.client.get(`${s.url}?pageSize=3&page=2`)).json();
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items).toHaveLength(1);
  });

  it('refuses bad input naming the field', async () => {
    const s = await seeded();
    const admin = await orgAdmin(t, s.org.id);
    for (const [query, field] of [
      ['outcome=opened', 'querystring.outcome'],
      ['sort=email', 'querystring.sort'],
      ['pageSize=500', 'querystring.pageSize'],
      ['page=0', 'querystring.page'],
    ]) {
      const res = await admin.client.get(`${s.url}?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    const bad = await admin.client.get(`/api/orgs/${s.org.id}/phishing/repeat-clickers?minCampaigns=1`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('querystring.minCampaigns');
  });

  it('answers 404 with its own code for an anonymous or purged campaign', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const admin = await orgAdmin(t, org.id);
    const anonymous = await insertCampaign(db, { organizationId: org.id, anonymous: true });
    const purged = await insertCampaign(db, {
      organizationId: org.id,
      status: 'completed',
      completedAt: '2026-11-02T00:00:00.000Z',
      purgedAt: '2026-12-01T00:00:00.000Z',
    });
    const a = await admin.client.get(`/api/orgs/${org.id}/phishing/campaigns/${anonymous}/recipients`);
    expect(a.statusCode).toBe(404);
    expect(a.json().error.code).toBe('campaign_anonymous');
    expect(a.json().error.message).toMatch(/anonyme/);
    const p = await admin.client.request({
      method: 'GET',
      url: `/api/orgs/${org.id}/phishing/campaigns/${purged}/recipients`,
      cookies: { rempart_locale: 'en' },
    });
    expect(p.statusCode).toBe(404);
    expect(p.json().error.code).toBe('campaign_purged');
    expect(p.json().error.message).toMatch(/retention/);
  });

  it('keeps per-person results from managers, coordinators and other organizations', async () => {
    const s = await seeded();
    const db = t.dbh.db;
    const mgrPerson = await makePerson(db, s.org.id, { service: 'Urgences' });
    const mgr = await makeAccount(db, {
      personId: mgrPerson.id,
      grants: [{ role: 'manager', scopeKind: 'organization', scopeId: s.org.id }],
    });
    const manager = await clientFor(t, mgr.id);
    const forbidden = await manager.get(s.url);
    expect(forbidden.statusCode).toBe(403);
    expect((await manager.get(`/api/orgs/${s.org.id}/phishing/repeat-clickers`)).statusCode).toBe(403);
    // A coordinator of the organization's territory sees aggregates, never people.
    const ght = await makeTerritory(db, { members: [{ orgId: s.org.id, shares: true }] });
    const coord = await coordinator(t, ght.id);
    expect((await coord.client.get(s.url)).statusCode).toBe(403);
    const other = await makeOrg(db);
    const otherAdmin = await orgAdmin(t, other.id);
    expect((await otherAdmin.client.get(s.url)).statusCode).toBe(404);
    expect((await otherAdmin.client.get(`/api/orgs/${other.id}/phishing/campaigns/${s.id}/recipients`)).statusCode).toBe(404);
    expect((await otherAdmin.client.get(`/api/orgs/${other.id}/phishing/campaigns/${newId()}/recipients`)).statusCode).toBe(404);
  });

  it('shows a member organization only its own staff of a territory campaign', async () => {
    const db = t.dbh.db;
    const [a, b] = [await makeOrg(db), await makeOrg(db)];
    const ght = await makeTerritory(db, { members: [{ orgId: a.id }, { orgId: b.id }] });
    const id = await insertCampaign(db, { territoryId: ght.id, reached: [a.id, b.id] });
    const pa = await person(a.id, 'Inès', 'Moreau');
    const pb = await person(b.id, 'Jules', 'Roux');
    await insertRecipient(db, id, a.id, { personId: pa.id, firstName: 'Inès', lastName: 'Moreau' });
    await insertRecipient(db, id, b.id, { personId: pb.id, firstName: 'Jules', lastName: 'Roux' });
    const adminA = await orgAdmin(t, a.id);
    const list = (await adminA.client.get(`/api/orgs/${a.id}/phishing/campaigns/${id}/recipients`)).json();
    expect(list.items.map((i: { lastName: string }) => i.lastName)).toEqual(['Moreau']);
  });

  it('finds people who clicked in two campaigns or more, human clicks only', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const [c1, c2, c3] = [
      await insertCampaign(db, { organizationId: org.id }),
      await insertCampaign(db, { organizationId: org.id }),
      await insertCampaign(db, { organizationId: org.id }),
    ];
    const anonymous = await insertCampaign(db, { organizationId: org.id, anonymous: true });
    const [twice, thrice, once, scanner] = [
      await person(org.id, 'Léa', 'Garnier'),
      await person(org.id, 'Hugo', 'Faure', 'Cardiologie'),
      await person(org.id, 'Nina', 'Blanc'),
      await person(org.id, 'Omar', 'Chevalier'),
    ];
    const click = (campaignId: string, p: { id: string }, at: string | null, flagged = 0) =>
      insertRecipient(db, campaignId, org.id, { personId: p.id, clickedAt: at, scannerFlagged: flagged });
    await click(c1, twice, '2026-11-01T10:00:00.000Z');
    await click(c2, twice, '2026-11-15T10:00:00.000Z');
    await click(c3, twice, null);
    await click(c1, thrice, '2026-11-01T11:00:00.000Z');
    await click(c2, thrice, '2026-11-16T11:00:00.000Z');
    await click(c3, thrice, '2026-11-20T11:00:00.000Z');
    await click(c1, once, '2026-11-01T12:00:00.000Z');
    await click(c2, once, null);
    // A campaign kept anonymous never names anyone, even if a row still held a person.
    await click(anonymous, once, '2026-11-03T12:00:00.000Z');
    // Link checkers never set clicked_at: a flagged person is not a clicker.
    await click(c1, scanner, null, 3);
    await click(c2, scanner, null, 1);

    const admin = await orgAdmin(t, org.id);
    const res = await admin.client.get(`/api/orgs/${org.id}/phishing/repeat-clickers`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.total).toBe(2);
    expect(r.items).toEqual([
      expect.objectContaining({
        personId: thrice.id,
        firstName: 'Hugo',
        campaigns: 3,
        received: 3,
        lastClickedAt: '2026-11-20T11:00:00.000Z',
        service: 'Cardiologie',
        active: true,
      }),
      expect.objectContaining({ personId: twice.id, campaigns: 2, received: 3, lastClickedAt: '2026-11-15T10:00:00.000Z' }),
    ]);
    const byName = (await admin.client.get(`/api/orgs/${org.id}/phishing/repeat-clickers?sort=name`)).json();
    expect(byName.items.map((i: { lastName: string }) => i.lastName)).toEqual(['Faure', 'Garnier']);
    const three = (await admin.client.get(`/api/orgs/${org.id}/phishing/repeat-clickers?minCampaigns=3`)).json();
    expect(three.items.map((i: { personId: string }) => i.personId)).toEqual([thrice.id]);
    const search = (await admin.client.get(`/api/orgs/${org.id}/phishing/repeat-clickers?q=garn`)).json();
    expect(search.items.map((i: { personId: string }) => i.personId)).toEqual([twice.id]);
    const paged = (await admin.client.get(`/api/orgs/${org.id}/phishing/repeat-clickers?pageSize=1&page=2`)).json();
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items.map((i: { personId: string }) => i.personId)).toEqual([twice.id]);
    // Another organization's admin sees none of them.
    const other = await makeOrg(db);
    const otherAdmin = await orgAdmin(t, other.id);
    expect((await otherAdmin.client.get(`/api/orgs/${other.id}/phishing/repeat-clickers`)).json().total).toBe(0);
    expect((await otherAdmin.client.get(`/api/orgs/${org.id}/phishing/repeat-clickers`)).statusCode).toBe(404);
  });
});
