import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { coordinator, orgAdmin } from '../identity/test-kit.js';
import { insertCampaign, insertStats } from './results-test-kit.js';

const clock = new FixedClock(new Date('2026-12-10T09:00:00Z'));

describe('phishing trends and territory results', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  async function manager(orgId: string, service: string) {
    const p = await makePerson(t.dbh.db, orgId, { service });
    const a = await makeAccount(t.dbh.db, { personId: p.id, grants: [{ role: 'manager', scopeKind: 'organization', scopeId: orgId }] });
    return clientFor(t, a.id);
  }

  /** Three launched campaigns (easy, moderate, very difficult), a draft and a cancelled one. */
  async function seeded() {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const campaign = async (
      name: string,
      launchedAt: string | null,
      status: 'running' | 'completed' | 'cancelled' | 'draft',
      difficulty: string,
    ) => insertCampaign(db, { organizationId: org.id, name, launchedAt, status, difficulty });
    const second = await campaign('Colis en attente', '2026-10-01T08:00:00.000Z', 'completed', 'moderately-difficult');
    const first = await campaign('Quota de messagerie', '2026-09-01T08:00:00.000Z', 'completed', 'least-difficult');
    const third = await campaign('Renouvellement e-CPS', '2026-11-20T08:00:00.000Z', 'running', 'very-difficult');
    const cancelled = await campaign('Annulée', '2026-10-15T08:00:00.000Z', 'cancelled', 'least-difficult');
    const draft = await campaign('Brouillon', null, 'draft', 'least-difficult');
    await insertStats(db, first, org.id, 'all', '', { targets: 40, delivered: 40, clicked: 12, submitted: 4, reported: 8 });
    await insertStats(db, second, org.id, 'all', '', { targets: 40, delivered: 40, clicked: 6, submitted: 2, reported: 16 });
    await insertStats(db, third, org.id, 'all', '', { targets: 40, delivered: 40, clicked: 4, submitted: 0, reported: 10 });
    await insertStats(db, cancelled, org.id, 'all', '', { targets: 40, delivered: 3 });
    await insertStats(db, draft, org.id, 'all', '', { targets: 40 });
    await insertStats(db, first, org.id, 'service', 'Urgences', { targets: 10, delivered: 10, clicked: 5, reported: 1 });
    await insertStats(db, second, org.id, 'service', 'Urgences', { targets: 4, delivered: 4, clicked: 1 });
    await insertStats(db, third, org.id, 'service', 'Urgences', { targets: 8, delivered: 8, reported: 4 });
    await insertStats(db, first, org.id, 'service', 'Cardiologie', { targets: 30, delivered: 30, clicked: 7, reported: 7 });
    return { org, first, second, third };
  }

  it('gives an admin the organization’s rates per campaign in launch order, adjusted for difficulty', async () => {
    const s = await seeded();
    const admin = await orgAdmin(t, s.org.id);
    const res = await admin.client.get(`/api/orgs/${s.org.id}/phishing/trends`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.services).toBeNull();
    expect(r.items.map((i: { name: string }) => i.name)).toEqual(['Quota de messagerie', 'Colis en attente', 'Renouvellement e-CPS']);
    expect(r.items[0]).toMatchObject({
      campaignId: s.first,
      status: 'completed',
      targets: 40,
      rates: { reported: 0.2, clicked: 0.3, submitted: 0.1 },
      adjusted: { clicked: 0.3, reported: 0.2 },
    });
    // Moderately difficult: weight 1.5; very difficult: weight 2.
    expect(r.items[1].adjusted).toEqual({ clicked: 0.1, reported: 0.6 });
    expect(r.items[2].rates).toEqual({ reported: 0.25, clicked: 0.1, submitted: 0 });
    expect(r.items[2].adjusted).toEqual({ clicked: 0.05, reported: 0.5 });
    const last = (await admin.client.get(`/api/orgs/${s.org.id}/phishing/trends?limit=2`)).json();
    expect(last.items.map((i: { campaignId: string }) => i.campaignId)).toEqual([s.second, s.third]);
    const bad = await admin.client.get(`/api/orgs/${s.org.id}/phishing/trends?limit=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('querystring.limit');
  });

  it('gives a manager their service only, campaigns under 5 of it suppressed', async () => {
    const s = await seeded();
    const urgences = await manager(s.org.id, 'Urgences');
    const r = (await urgences.get(`/api/orgs/${s.org.id}/phishing/trends`)).json();
    expect(r.services).toEqual(['Urgences']);
    expect(r.items).toHaveLength(3);
    expect(r.items[0]).toMatchObject({ campaignId: s.first, targets: 10, rates: { clicked: 0.5, reported: 0.1 } });
    expect(r.items[1]).toEqual(expect.objectContaining({ campaignId: s.second, suppressed: true }));
    expect(r.items[1]).not.toHaveProperty('rates');
    expect(r.items[1]).not.toHaveProperty('targets');
    expect(r.items[2]).toMatchObject({ targets: 8, rates: { reported: 0.5 } });
    // A service no campaign reached has no point at all.
    const pharmacie = await manager(s.org.id, 'Pharmacie');
    expect((await pharmacie.get(`/api/orgs/${s.org.id}/phishing/trends`)).json().items).toEqual([]);
    const other = await makeOrg(t.dbh.db);
    const otherAdmin = await orgAdmin(t, other.id);
    expect((await otherAdmin.client.get(`/api/orgs/${s.org.id}/phishing/trends`)).statusCode).toBe(404);
    expect((await otherAdmin.client.get(`/api/orgs/${other.id}/phishing/trends`)).json().items).toEqual([]);
  });

  it('shows territory coordinators the totals and each member, small members suppressed', async () => {
    const db = t.dbh.db;
    const [big, mid, tiny, outside] = [
      await makeOrg(db, { name: 'CH Alpha' }),
      await makeOrg(db, { name: 'CH Bêta' }),
      await makeOrg(db, { name: 'EHPAD Gamma' }),
      await makeOrg(db),
    ];
    const ght = await makeTerritory(db, {
      members: [{ orgId: big.id, lead: true }, { orgId: mid.id }, { orgId: tiny.id }, { orgId: outside.id }],
    });
    const id = await insertCampaign(db, { territoryId: ght.id, reached: [big.id, mid.id, tiny.id], difficulty: 'very-difficult' });
    await insertStats(db, id, big.id, 'all', '', { targets: 20, delivered: 20, clicked: 4, reported: 10, report_b0: 6, report_b3: 4 });
    await insertStats(db, id, mid.id, 'all', '', { targets: 6, delivered: 6, clicked: 3, reported: 1, report_b1: 1 });
    await insertStats(db, id, tiny.id, 'all', '', { targets: 3, delivered: 2, clicked: 2 });
    await insertStats(db, id, big.id, 'service', 'Urgences', { targets: 20, delivered: 20 });
    const coord = await coordinator(t, ght.id);
    const url = `/api/territories/${ght.id}/phishing/campaigns/${id}/results`;
    const res = await coord.client.get(url);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.totals).toMatchObject({ targets: 29, delivered: 28, clicked: 9, reported: 11 });
    expect(r.rates.reported).toBeCloseTo(11 / 28, 4);
    expect(r.adjusted.reported).toBeCloseTo(22 / 28, 3);
    expect(r.timeToReport).toEqual({ buckets: [6, 1, 0, 4, 0, 0], medianBucket: 0 });
    // The tiny member is hidden, and with it the next smallest (else the total would reveal it).
    expect(r.members).toEqual([
      expect.objectContaining({ organizationId: big.id, name: 'CH Alpha', counters: expect.objectContaining({ targets: 20, clicked: 4 }) }),
      { organizationId: mid.id, name: 'CH Bêta', suppressed: true },
      { organizationId: tiny.id, name: 'EHPAD Gamma', suppressed: true },
    ]);

    // Each member keeps reading only its own staff through its organization route.
    const adminMid = await orgAdmin(t, mid.id);
    const own = (await adminMid.client.get(`/api/orgs/${mid.id}/phishing/campaigns/${id}/results`)).json();
    expect(own.totals).toMatchObject({ targets: 6, clicked: 3 });
    const adminOutside = await orgAdmin(t, outside.id);
    expect((await adminOutside.client.get(`/api/orgs/${outside.id}/phishing/campaigns/${id}/results`)).statusCode).toBe(404);
    // The territory route is the coordinators': a member's admin is refused, another territory sees nothing.
    expect((await adminMid.client.get(url)).statusCode).toBe(403);
    const otherGht = await makeTerritory(db, { members: [{ orgId: big.id }] });
    const otherCoord = await coordinator(t, otherGht.id);
    expect((await otherCoord.client.get(url)).statusCode).toBe(404);
    expect((await otherCoord.client.get(`/api/territories/${otherGht.id}/phishing/campaigns/${id}/results`)).statusCode).toBe(404);
    expect((await coord.client.get(`/api/territories/${ght.id}/phishing/campaigns/${newId()}/results`)).statusCode).toBe(404);
  });

  it('shows no territory figure when the whole campaign targeted fewer than 5 people', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const ght = await makeTerritory(db, { members: [{ orgId: org.id }] });
    const id = await insertCampaign(db, { territoryId: ght.id, reached: [org.id] });
    await insertStats(db, id, org.id, 'all', '', { targets: 4, delivered: 4, clicked: 1 });
    const coord = await coordinator(t, ght.id);
    const res = await coord.client.get(`/api/territories/${ght.id}/phishing/campaigns/${id}/results`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('group_too_small');
  });
});
