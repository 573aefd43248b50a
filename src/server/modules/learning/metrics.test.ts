import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { coordinator, orgAdmin } from '../identity/test-kit.js';
import type { OrgMetrics, TerritoryMetrics } from './metrics-schema.js';
import { METRICS_MAX_AGE_MS } from './metrics-service.js';
import { many, type Seed, seed as seedPeople } from './metrics-test-kit.js';

const NOW = new Date('2026-12-01T10:00:00Z');
const FIGURE_KEYS = ['assigned', 'completed', 'completionRate', 'firstScore', 'lastScore', 'scoreChange', 'overdue'];

describe('learning metrics', () => {
  let t: TestApp;
  const clock = new FixedClock(NOW);
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  const seed = (orgId: string, people: Seed[]) => seedPeople(t, NOW, orgId, people);

  /** Sends the language cookie: a signed-in account's own locale wins over Accept-Language. */
  const inEnglish = (c: Client, url: string) => c.request({ method: 'GET', url, cookies: { rempart_locale: 'en' } });

  it('gives per-group figures and never figures for a group of fewer than 5 people', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    await seed(org.id, [
      ...many(6, {
        roleFamily: 'nurses_care_assistants',
        work: [
          { first: 50, last: 80 },
          { status: 'assigned', dueInDays: -2 },
        ],
      }),
      ...many(4, { roleFamily: 'physicians', work: [{ first: 90, last: 100 }] }),
      ...many(7, { roleFamily: 'secretaries_reception', work: [{ first: 40, last: 60 }] }),
      ...many(10, {
        roleFamily: 'it_biomedical',
        work: [
          { status: 'in_progress', dueInDays: -1 },
          { status: 'completed', first: 70, dueInDays: -5 },
        ],
      }),
    ]);
    const res = await admin.client.get(`/api/orgs/${org.id}/learning/metrics?by=role_family`);
    expect(res.statusCode).toBe(200);
    const m: OrgMetrics = res.json();
    const group = (key: string) => m.groups.find((g) => g.key === key) as Record<string, unknown>;

    // 4 physicians: suppressed, with no figure at all.
    expect(group('physicians')).toEqual({ key: 'physicians', label: 'Médecins', suppressed: true, people: '<5' });
    for (const k of FIGURE_KEYS) expect(group('physicians')).not.toHaveProperty(k);
    // 4 hidden people would be the totals minus the shown groups: the next smallest group (6 nurses) is hidden too.
    expect(group('nurses_care_assistants')).toMatchObject({ suppressed: true, people: '<5' });
    expect(group('nurses_care_assistants')).not.toHaveProperty('firstScore');

    expect(group('secretaries_reception')).toEqual({
      key: 'secretaries_reception',
      label: 'Secrétariat médical et accueil',
      people: 7,
      assigned: 7,
      completed: 7,
      completionRate: 100,
      firstScore: 40,
      lastScore: 60,
      scoreChange: 20,
      overdue: 0,
    });
    // Overdue: not completed and past due; a completed assignment past its due date is not overdue.
    expect(group('it_biomedical')).toMatchObject({
      people: 10,
      assigned: 20,
      completed: 10,
      completionRate: 50,
      overdue: 10,
      firstScore: 70,
    });
    expect(m.totals).toMatchObject({ people: 27, assigned: 43, completed: 27, overdue: 16 });
    // (6*50 + 4*90 + 7*40 + 10*70) / 27 = 60.7 ; (6*80 + 4*100 + 7*60 + 10*70) / 27 = 74.1
    expect(m.totals).toMatchObject({ firstScore: 60.7, lastScore: 74.1, scoreChange: 13.4 });
    expect(m.minGroupSize).toBe(5);
  });

  it('groups by service and site; small groups whose total reaches 5 stay the only ones hidden', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    await seed(org.id, [
      ...many(3, { service: 'Pharmacie', work: [{ first: 10 }] }),
      ...many(3, { service: 'Radiologie', work: [{ first: 20 }] }),
      ...many(8, { service: 'Urgences', work: [{ first: 30 }] }),
    ]);
    const m: OrgMetrics = (await admin.client.get(`/api/orgs/${org.id}/learning/metrics?by=service`)).json();
    const shown = m.groups.filter((g) => !('suppressed' in g)).map((g) => g.key);
    expect(shown).toEqual(['Urgences']);
    expect(m.groups.filter((g) => 'suppressed' in g).map((g) => g.key)).toEqual(['Pharmacie', 'Radiologie']);
    const bySite: OrgMetrics = (await admin.client.get(`/api/orgs/${org.id}/learning/metrics?by=site`)).json();
    expect(bySite.groups).toEqual([expect.objectContaining({ key: 'Site principal', people: 14 })]);

    const bad = await admin.client.get(`/api/orgs/${org.id}/learning/metrics?by=person`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('querystring.by');
  });

  it('suppresses the totals, modules and topics of fewer than 5 people, and the trend average of fewer than 5 completions', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    await seed(org.id, many(4, { work: [{ module: 'ransomware-first-hour', first: 30 }] }));
    await t.dbh.db
      .insertInto('learning_daily')
      .values([
        { organization_id: org.id, day: '2026-11-30', completions: 2, score_sum: 150, answers: 10, correct: 7 },
        { organization_id: org.id, day: '2026-12-01', completions: 5, score_sum: 400, answers: 40, correct: 30 },
        { organization_id: org.id, day: '2026-08-01', completions: 9, score_sum: 900, answers: 9, correct: 9 },
      ])
      .execute();
    await t.dbh.db
      .insertInto('learning_topic_stats')
      .values([
        { organization_id: org.id, topic: 'phishing', learners: 6, mastered: 3, score_sum: 4.2 },
        { organization_id: org.id, topic: 'ransomware', learners: 4, mastered: 4, score_sum: 3.6 },
      ])
      .execute();
    const m: OrgMetrics = (await admin.client.get(`/api/orgs/${org.id}/learning/metrics`)).json();
    expect(m.totals).toEqual({ suppressed: true, people: '<5' });
    expect(m.groups).toEqual([{ key: 'nurses_care_assistants', label: 'Infirmiers et aides-soignants', suppressed: true, people: '<5' }]);
    expect(m.modules).toEqual([]);
    expect(m.topics).toEqual([{ topic: 'phishing', learners: 6, mastered: 3, masteryRate: 50, averageScore: 70 }]);
    expect(m.trend).toHaveLength(90);
    expect(m.trend[0]?.day).toBe('2026-09-03');
    expect(m.trend.at(-1)).toEqual({ day: '2026-12-01', completions: 5, averageScore: 80, answers: 40, correctRate: 75 });
    expect(m.trend.at(-2)).toEqual({ day: '2026-11-30', completions: 2, averageScore: null, answers: 10, correctRate: 70 });
    expect(m.trend.at(-3)).toEqual({ day: '2026-11-29', completions: 0, averageScore: null, answers: 0, correctRate: null });

    await seed(org.id, many(1, { work: [{ module: 'ransomware-first-hour', first: 80, last: 90 }] }));
    // Figures are kept up to a minute (METRICS_MAX_AGE_MS): the fifth learner shows after that.
    const cached: OrgMetrics = (await admin.client.get(`/api/orgs/${org.id}/learning/metrics`)).json();
    expect(cached.totals).toEqual({ suppressed: true, people: '<5' });
    clock.advance(METRICS_MAX_AGE_MS);
    const fresh: OrgMetrics = (await admin.client.get(`/api/orgs/${org.id}/learning/metrics`)).json();
    expect(fresh.totals).toMatchObject({ people: 5 });
    const again: OrgMetrics = (await inEnglish(admin.client, `/api/orgs/${org.id}/learning/metrics`)).json();
    expect(again.totals).toMatchObject({ people: 5, firstScore: 40, lastScore: 42 });
    expect(again.modules).toEqual([
      expect.objectContaining({ moduleId: 'ransomware-first-hour', assigned: 5, completed: 5, completionRate: 100, firstScore: 40 }),
    ]);
    expect(again.modules[0]?.title).toMatch(/ransomware/i);
  });

  it('exports CSV (BOM, semicolons, localized headers, "<5") and a PDF', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    await seed(org.id, [
      ...many(6, { roleFamily: 'physicians', work: [{ first: 55.5, last: 70 }] }),
      ...many(6, { roleFamily: 'pharmacy_lab', work: [{ first: 60 }] }),
      ...many(2, { roleFamily: 'external_staff', work: [{ first: 10 }] }),
      ...many(9, { roleFamily: 'students_interns', work: [{ first: 20 }] }),
    ]);
    const csv = await admin.client.get(`/api/orgs/${org.id}/learning/metrics.csv?by=role_family`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.startsWith('\uFEFFFamille de métiers;Personnes;')).toBe(true);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines).toContain('Personnels extérieurs;<5;;;;;;;');
    // 2 hidden: the next smallest group (6 people) is hidden too; its figures are not in the file.
    expect(lines.filter((l) => l.includes(';<5;'))).toHaveLength(2);
    expect(lines).toContain('Étudiants et internes;9;9;9;100;20;20;0;0');
    const en = await inEnglish(admin.client, `/api/orgs/${org.id}/learning/metrics.csv?by=role_family`);
    expect(en.body.startsWith('\uFEFFRole family;People;Assigned modules;')).toBe(true);

    const pdf = await admin.client.get(`/api/orgs/${org.id}/learning/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(2000);
  });

  it('shows territory figures only for members that share them, suppressing members under 5', async () => {
    const db = t.dbh.db;
    const [big, secret, tiny, mid] = [await makeOrg(db), await makeOrg(db), await makeOrg(db), await makeOrg(db)];
    await seed(big.id, many(12, { work: [{ first: 40, last: 60 }] }));
    await seed(secret.id, many(20, { work: [{ first: 99 }, { status: 'assigned', dueInDays: -3 }] }));
    await seed(tiny.id, many(3, { work: [{ first: 10 }] }));
    await seed(mid.id, many(6, { work: [{ first: 50 }] }));
    const territory = await makeTerritory(db, {
      members: [
        { orgId: big.id, shares: true },
        { orgId: secret.id, shares: false },
        { orgId: tiny.id, shares: true },
        { orgId: mid.id, shares: true },
      ],
    });
    const coord = await coordinator(t, territory.id);
    const res = await coord.client.get(`/api/territories/${territory.id}/learning/metrics`);
    expect(res.statusCode).toBe(200);
    const m: TerritoryMetrics = res.json();
    const member = (id: string) => m.members.find((x) => x.organizationId === id) as Record<string, unknown>;
    expect(member(secret.id)).toEqual({ organizationId: secret.id, name: secret.name, sharing: false });
    expect(member(tiny.id)).toEqual({ organizationId: tiny.id, name: tiny.name, sharing: true, suppressed: true, people: '<5' });
    // 3 hidden people: the smallest shown member (6 people) is hidden too.
    expect(member(mid.id)).toMatchObject({ sharing: true, suppressed: true });
    expect(member(big.id)).toMatchObject({ sharing: true, people: 12, firstScore: 40, lastScore: 60, scoreChange: 20, overdue: 0 });
    // Sharing members only: (12*40 + 3*10 + 6*50) / 21; the 20 people of the other member (99 %, overdue) are not counted.
    expect(m.totals).toMatchObject({ people: 21, overdue: 0, firstScore: 38.6 });

    const csv = await coord.client.get(`/api/territories/${territory.id}/learning/metrics.csv`);
    expect(csv.body).toContain(`${secret.name};non;;;;;;;;\r\n`);
    expect(csv.body).toContain(`${tiny.name};oui;<5;`);

    // Through the organization route too: a member that does not share stays closed to the territory.
    const denied = await coord.client.get(`/api/orgs/${secret.id}/learning/metrics`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('not_shared');
    expect((await coord.client.get(`/api/orgs/${secret.id}/learning/metrics.csv`)).statusCode).toBe(403);
    expect((await coord.client.get(`/api/orgs/${secret.id}/learning/report.pdf`)).statusCode).toBe(403);
    expect((await coord.client.get(`/api/orgs/${big.id}/learning/metrics`)).statusCode).toBe(200);
  });
});
