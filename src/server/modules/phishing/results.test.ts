import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';
import { makeProfile, makeTemplate } from '../../../../test/support/phishing-factory.js';
import { FixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { orgAdmin } from '../identity/test-kit.js';
import { hiddenGroups, medianBucket } from './results-service.js';
import { STATS_COUNTERS, type StatsCounter } from './stats.js';
import type { StatsDimension } from './tables.js';

const clock = new FixedClock(new Date('2026-12-10T09:00:00Z'));

describe('phishing results (pure rules)', () => {
  it('hides small groups and, when one alone would be deduced, the next smallest', () => {
    expect(
      hiddenGroups([
        { key: 'a', targets: 10 },
        { key: 'b', targets: 7 },
        { key: 'c', targets: 3 },
      ]),
    ).toEqual(new Set(['c', 'b']));
    expect(
      hiddenGroups([
        { key: 'a', targets: 16 },
        { key: 'b', targets: 4 },
      ]),
    ).toEqual(new Set(['a', 'b']));
    expect(
      hiddenGroups([
        { key: 'a', targets: 9 },
        { key: 'b', targets: 3 },
        { key: 'c', targets: 2 },
      ]),
    ).toEqual(new Set(['b', 'c']));
    expect(
      hiddenGroups([
        { key: 'a', targets: 5 },
        { key: 'b', targets: 5 },
      ]),
    ).toEqual(new Set());
  });
  it('finds the bucket of the median report', () => {
    expect(medianBucket([0, 0, 0, 0, 0, 0])).toBeNull();
    expect(medianBucket([3, 2, 2, 1, 0, 1])).toBe(1);
    expect(medianBucket([0, 0, 0, 0, 0, 4])).toBe(5);
  });
});

describe('phishing campaign results', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  async function campaign(over: { organizationId?: string | null; territoryId?: string | null; reached?: string[] } = {}) {
    const db = t.dbh.db;
    const template = await makeTemplate(db);
    const profile = await makeProfile(db, { organizationId: over.organizationId ?? null, territoryId: over.territoryId ?? null });
    const id = newId();
    const at = clock.now().toISOString();
    await db
      .insertInto('phishing_campaigns')
      .values({
        id,
        organization_id: over.organizationId ?? null,
        territory_id: over.territoryId ?? null,
        name: 'Quota de messagerie',
        status: 'running',
        template_id: template.id,
        template_version: 1,
        difficulty: 'very-difficult',
        landing_page_id: null,
        sending_profile_id: profile.id,
        learning_module_id: null,
        targets: JSON.stringify(over.reached ? { organizationIds: over.reached } : { criteria: {} }),
        anonymous: 0,
        retention_days: 365,
        launch_at: at,
        spread_until: at,
        paused_at: null,
        launched_at: at,
        completed_at: null,
        purged_at: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async function stats(
    campaignId: string,
    organizationId: string,
    dimension: StatsDimension,
    key: string,
    c: Partial<Record<StatsCounter, number>>,
  ) {
    const zero = Object.fromEntries(STATS_COUNTERS.map((n) => [n, 0])) as Record<StatsCounter, number>;
    await t.dbh.db
      .insertInto('phishing_campaign_stats')
      .values({
        ...zero,
        ...c,
        campaign_id: campaignId,
        organization_id: organizationId,
        dimension,
        group_key: key,
        updated_at: clock.now().toISOString(),
      })
      .execute();
  }

  /** An organization's campaign: 20 targets in three services, two role families, two sites. */
  async function seeded() {
    const org = await makeOrg(t.dbh.db);
    const id = await campaign({ organizationId: org.id });
    const all = { targets: 20, sent: 20, delivered: 18, failed: 2, opened: 10, clicked: 6, submitted: 2, reported: 9, scanner_flagged: 1 };
    await stats(id, org.id, 'all', '', { ...all, report_b0: 3, report_b1: 2, report_b2: 2, report_b3: 1, report_b5: 1 });
    await stats(id, org.id, 'service', 'Urgences', { targets: 10, sent: 10, delivered: 10, clicked: 2, reported: 5 });
    await stats(id, org.id, 'service', 'Cardiologie', { targets: 7, sent: 7, delivered: 6, clicked: 3, reported: 3 });
    await stats(id, org.id, 'service', 'Pharmacie', { targets: 3, sent: 3, delivered: 2, clicked: 1, reported: 1 });
    await stats(id, org.id, 'role_family', 'nurses_care_assistants', { targets: 12, delivered: 11, clicked: 4 });
    await stats(id, org.id, 'role_family', '', { targets: 8, delivered: 7, clicked: 2 });
    await stats(id, org.id, 'site', 'Nord', { targets: 16, delivered: 15 });
    await stats(id, org.id, 'site', 'Sud', { targets: 4, delivered: 3 });
    return { org, id, url: `/api/orgs/${org.id}/phishing/campaigns/${id}/results` };
  }

  it('gives totals, rates, difficulty-adjusted rates and the time to report', async () => {
    const { org, id, url } = await seeded();
    const admin = await orgAdmin(t, org.id);
    const res = await admin.client.get(url);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.campaign).toMatchObject({ id, status: 'running', difficulty: 'very-difficult', anonymous: false, completedAt: null });
    expect(r.totals).toEqual({
      targets: 20,
      sent: 20,
      delivered: 18,
      failed: 2,
      opened: 10,
      clicked: 6,
      submitted: 2,
      reported: 9,
      scannerFlagged: 1,
    });
    expect(r.rates.delivered).toBe(0.9);
    expect(r.rates.clicked).toBeCloseTo(1 / 3, 3);
    expect(r.rates.reported).toBe(0.5);
    // Very difficult (weight 2): half the click rate, twice the report rate capped at 1.
    expect(r.adjusted.clicked).toBeCloseTo(1 / 6, 3);
    expect(r.adjusted.reported).toBe(1);
    expect(r.timeToReport).toEqual({ buckets: [3, 2, 2, 1, 0, 1], medianBucket: 1 });
  });

  it('suppresses groups under 5 targets and the next smallest when one alone would be deduced', async () => {
    const { org, url } = await seeded();
    const admin = await orgAdmin(t, org.id);
    const services = (await admin.client.get(`${url}?by=service`)).json().groups;
    expect(services).toEqual([
      { key: 'Cardiologie', label: 'Cardiologie', suppressed: true },
      { key: 'Pharmacie', label: 'Pharmacie', suppressed: true },
      expect.objectContaining({
        key: 'Urgences',
        counters: expect.objectContaining({ targets: 10, clicked: 2 }),
        rates: expect.objectContaining({ clicked: 0.2, reported: 0.5 }),
      }),
    ]);
    const families = (await admin.client.get(`${url}?by=role_family`)).json().groups;
    expect(families.map((g: { key: string; suppressed?: true }) => [g.key, g.suppressed ?? false])).toEqual(
      expect.arrayContaining([
        ['nurses_care_assistants', false],
        ['', false],
      ]),
    );
    const sites = (await admin.client.get(`${url}?by=site`)).json().groups;
    expect(sites.every((g: { suppressed?: true }) => g.suppressed)).toBe(true);
    const bad = await admin.client.get(`${url}?by=person`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('querystring.by');
  });

  it('answers 404 for another organization’s campaign', async () => {
    const { id } = await seeded();
    const other = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, other.id);
    expect((await admin.client.get(`/api/orgs/${other.id}/phishing/campaigns/${id}/results`)).statusCode).toBe(404);
    expect((await admin.client.get(`/api/orgs/${other.id}/phishing/campaigns/${id}/results.csv`)).statusCode).toBe(404);
    expect((await admin.client.get(`/api/orgs/${other.id}/phishing/campaigns/${newId()}/results`)).statusCode).toBe(404);
  });

  it('shows a manager their own service only, never a group under 5', async () => {
    const { org, url } = await seeded();
    const signIn = async (service: string) => {
      const p = await makePerson(t.dbh.db, org.id, { service });
      const a = await makeAccount(t.dbh.db, { personId: p.id, grants: [{ role: 'manager', scopeKind: 'organization', scopeId: org.id }] });
      return clientFor(t, a.id);
    };
    const urgences = await signIn('Urgences');
    const r = (await urgences.get(`${url}?by=service`)).json();
    expect(r.totals).toMatchObject({ targets: 10, delivered: 10, clicked: 2, reported: 5 });
    expect(r.groups.map((g: { key: string }) => g.key)).toEqual(['Urgences']);
    expect((await urgences.get(`${url}?by=site`)).json().groups).toEqual([]);
    const pharmacie = await signIn('Pharmacie');
    const small = await pharmacie.get(url);
    expect(small.statusCode).toBe(403);
    expect(small.json().error.code).toBe('group_too_small');
  });

  it('shows a member organization only its own rows of a territory campaign', async () => {
    const db = t.dbh.db;
    const [a, b, outside] = [await makeOrg(db), await makeOrg(db), await makeOrg(db)];
    const ght = await makeTerritory(db, { members: [{ orgId: a.id, lead: true }, { orgId: b.id }, { orgId: outside.id }] });
    const id = await campaign({ territoryId: ght.id, reached: [a.id, b.id] });
    await stats(id, b.id, 'all', '', { targets: 9, delivered: 9, clicked: 1 });
    await stats(id, a.id, 'all', '', { targets: 6, delivered: 6, clicked: 3 });
    const adminA = await orgAdmin(t, a.id);
    const r = (await adminA.client.get(`/api/orgs/${a.id}/phishing/campaigns/${id}/results`)).json();
    expect(r.totals).toMatchObject({ targets: 6, clicked: 3 });
    expect(r.rates.clicked).toBe(0.5);
    const adminB = await orgAdmin(t, b.id);
    expect((await adminB.client.get(`/api/orgs/${b.id}/phishing/campaigns/${id}/results`)).json().totals).toMatchObject({ targets: 9 });
    const adminOutside = await orgAdmin(t, outside.id);
    expect((await adminOutside.client.get(`/api/orgs/${outside.id}/phishing/campaigns/${id}/results`)).statusCode).toBe(404);
  });

  it('exports a CSV for spreadsheets (BOM, semicolons, French headers, hidden groups marked)', async () => {
    const { org, url } = await seeded();
    const admin = await orgAdmin(t, org.id);
    const res = await admin.client.get(`${url}.csv?by=service`, { 'accept-language': 'fr' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Service;Personnes visées;Envoyés;Remis;/);
    expect(lines[1]).toBe('Ensemble;20;20;18;2;10;6;2;9;1;"90,0";"55,6";"33,3";"11,1";"50,0"');
    expect(lines).toContain('Pharmacie;masqué (moins de 5 personnes)');
    expect(lines).toContain('Urgences;10;10;10;0;0;2;0;5;0;"100,0";"0,0";"20,0";"0,0";"50,0"');
  });
});
