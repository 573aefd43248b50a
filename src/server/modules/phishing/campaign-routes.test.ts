import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makePerson } from '../../../../test/helpers/factories.js';
import { makeGroup, makeLandingPage, makeProfile, makeStaff, makeTemplate } from '../../../../test/support/phishing-factory.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf, orgAdmin, type Signed } from '../identity/test-kit.js';

const NOW = new Date('2026-12-01T09:00:00Z'); // a Tuesday

describe('phishing campaigns (organization)', () => {
  let t: TestApp;
  const clock = new FixedClock(NOW);
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  /** An organization with its admin, a catalogue template, a profile and 40 staff in 4 services. */
  async function tenant() {
    clock.set(NOW);
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const admin = await orgAdmin(t, org.id);
    const landing = await makeLandingPage(db);
    const template = await makeTemplate(db, { landingPageId: landing.id });
    const profile = await makeProfile(db, { organizationId: org.id, ratePerMinute: 60 });
    const staff = await makeStaff(db, org.id, 40, { services: ['Radiologie', 'Bloc', 'Pharmacie', 'Accueil'] });
    const base = `/api/orgs/${org.id}/phishing/campaigns`;
    const body = (over: Record<string, unknown> = {}) => ({
      name: 'Quota de messagerie, décembre',
      templateId: template.id,
      sendingProfileId: profile.id,
      targets: { criteria: { services: ['Radiologie', 'Bloc'] } },
      launchAt: '2026-12-01T10:00:00Z',
      spreadUntil: '2026-12-01T12:00:00Z',
      ...over,
    });
    return { db, org, admin, landing, template, profile, staff, base, body };
  }

  const errorOf = (res: { statusCode: number; json: () => { error: { field?: string; code: string } } }) => ({
    status: res.statusCode,
    field: res.json().error.field,
    code: res.json().error.code,
  });

  it('creates, reads, lists and edits a draft, with an audit entry for each change', async () => {
    const { admin, base, body, template, landing } = await tenant();
    const created = await admin.client.post(base, body());
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      status: 'draft',
      templateId: template.id,
      landingPageId: landing.id, // the template's own, by default
      anonymous: false,
      retentionDays: 365,
      launchAt: '2026-12-01T10:00:00.000Z',
      spreadUntil: '2026-12-01T12:00:00.000Z',
      progress: { targets: 0, sent: 0, delivered: 0, failed: 0 },
    });
    expect((await admin.client.get(`${base}/${c.id}`)).json().name).toBe('Quota de messagerie, décembre');
    // Searched without accents, as typed in a hurry ("decembre").
    expect((await admin.client.get(`${base}?q=decembre`)).json().total).toBe(1);
    const edited = await admin.client.put(`${base}/${c.id}`, body({ name: 'Quota (v2)', anonymous: true, landingPageId: null }));
    expect(edited.json()).toMatchObject({ name: 'Quota (v2)', anonymous: true, landingPageId: null });
    const list = (await admin.client.get(`${base}?status=draft&q=quota`)).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 25 });
    expect((await admin.client.get(`${base}?status=running`)).json().total).toBe(0);
    expect((await auditOf(t, c.id)).map((a) => a.action)).toEqual(['phishing.campaign.create', 'phishing.campaign.update']);
  });

  it('names the field of every bad input, never a 500', async () => {
    const { db, admin, base, body, org } = await tenant();
    const other = await makeOrg(db);
    const foreignTemplate = await makeTemplate(db, { organizationId: other.id });
    const archived = await makeTemplate(db, { archived: true });
    const foreignProfile = await makeProfile(db, { organizationId: other.id });
    const foreignGroup = await makeGroup(db, other.id, { services: ['Bloc'] });
    const foreignPerson = await makePerson(db, other.id);
    const exclusionAsTarget = await makeGroup(db, org.id, { services: ['Bloc'] }, 'exclusion');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ templateId: foreignTemplate.id }, 'templateId', 'unknown_template'],
      [{ templateId: archived.id }, 'templateId', 'unknown_template'],
      [{ sendingProfileId: foreignProfile.id }, 'sendingProfileId', 'unknown_profile'],
      [{ landingPageId: 'nope' }, 'landingPageId', 'unknown_landing_page'],
      [{ learningModuleId: 'nope' }, 'learningModuleId', 'unknown_module'],
      [{ launchAt: '2026-12-01T08:58:00Z' }, 'launchAt', 'launch_in_past'],
      [{ spreadUntil: '2026-12-01T09:30:00Z' }, 'spreadUntil', 'spread_before_launch'],
      [{ targets: {} }, 'targets', 'no_targets'],
      [{ targets: { criteria: { services: ['Inconnu'] } } }, 'targets', 'no_targets'],
      [{ targets: { groupIds: [foreignGroup.id] } }, 'targets.groupIds', 'unknown_group'],
      [{ targets: { groupIds: [exclusionAsTarget.id] } }, 'targets.groupIds', 'unknown_group'],
      [{ targets: { criteria: { personIds: [foreignPerson.id] } } }, 'targets.criteria.personIds', 'unknown_person'],
      [{ targets: { organizationIds: [other.id], criteria: {} } }, 'targets.organizationIds', 'foreign_organization'],
      [{ targets: { criteria: { roleFamilies: ['astronauts'] } } }, 'body.targets.criteria.roleFamilies.0', 'invalid'],
      [{ launchAt: 'tomorrow' }, 'body.launchAt', 'invalid'],
      [{ name: '' }, 'body.name', 'invalid'],
      [{ name: 'a\u0000b' }, 'body.name', 'nul_character'],
    ];
    for (const [over, field, code] of cases) {
      const res = await admin.client.post(base, body(over));
      expect(errorOf(res), JSON.stringify(over)).toEqual({ status: 400, field, code });
    }
    // A launch date a few seconds old is accepted (the time it takes to fill the form).
    expect((await admin.client.post(base, body({ launchAt: '2026-12-01T08:59:30Z', spreadUntil: undefined }))).statusCode).toBe(201);
  });

  it('previews targets: groups, criteria and people, exclusions, inactive staff left out, each person once', async () => {
    const { db, org, admin, base } = await tenant();
    const nurse = await makePerson(db, org.id, { service: 'Radiologie', email: 'ide.radio@staff.test' });
    const noService = await makeStaff(db, org.id, 3, { services: [] });
    await makePerson(db, org.id, { service: 'Radiologie', active: false });
    const radiology = await makeGroup(db, org.id, { services: ['Radiologie'], personIds: [noService[0]!.id] });
    const onDuty = await makeGroup(db, org.id, { personIds: [nurse.id] }, 'exclusion');
    const preview = async (targets: Record<string, unknown>) => (await admin.client.post(`${base}/preview-targets`, { targets })).json();

    // 10 staff in Radiologie + the nurse + one person without a service, minus the nurse on duty.
    const p = await preview({ groupIds: [radiology.id], criteria: { personIds: [nurse.id] }, exclusionGroupIds: [onDuty.id] });
    expect(p.count).toBe(11);
    expect(p.byOrganization).toEqual([{ organizationId: org.id, name: expect.any(String), count: 11 }]);
    expect(p.byService).toEqual([
      { service: 'Radiologie', count: 10 },
      { service: null, count: 1 },
    ]);
    // Excluding a service keeps the people without one.
    const q = await preview({ criteria: {}, exclude: { services: ['Radiologie', 'Bloc', 'Pharmacie', 'Accueil'] } });
    expect(q.byService).toEqual([
      { service: null, count: 3 },
      { service: 'Urgences', count: 1 }, // the admin's own person record
    ]);
  });

  it('launches: one recipient per person in random order, spread within the window, targets counted, audited', async () => {
    const { db, admin, base, body } = await tenant();
    const c = (await admin.client.post(base, body())).json();
    const launched = await admin.client.post(`${base}/${c.id}/launch`);
    expect(launched.statusCode).toBe(200);
    expect(launched.json()).toMatchObject({ status: 'scheduled', launchedAt: NOW.toISOString(), progress: { targets: 20, sent: 0 } });
    const rows = await db.selectFrom('phishing_recipients').selectAll().where('campaign_id', '=', c.id).orderBy('send_order').execute();
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r.send_order)).toEqual([...Array(20).keys()]);
    expect(rows.map((r) => r.status)).toEqual(Array(20).fill('pending'));
    expect(new Set(rows.map((r) => r.token_hash)).size).toBe(20);
    for (const r of rows) expect(r.token_hash).toMatch(/^[0-9a-f]{64}$/);
    // Random order: not the order of the directory.
    const byId = [...rows].sort((a, b) => (a.person_id! < b.person_id! ? -1 : 1));
    expect(byId.map((r) => r.send_order)).not.toEqual([...Array(20).keys()]);
    // Spread over two hours, in send order, at most 60 a minute.
    const times = rows.map((r) => Date.parse(r.scheduled_at));
    expect(times[0]).toBeGreaterThanOrEqual(Date.parse('2026-12-01T10:00:00Z'));
    expect(times.at(-1)).toBeLessThan(Date.parse('2026-12-01T12:00:00Z'));
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(90 * 60_000);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const stats = await db.selectFrom('phishing_campaign_stats').selectAll().where('campaign_id', '=', c.id).execute();
    expect(stats.filter((s) => s.dimension === 'service').map((s) => [s.group_key, s.targets])).toEqual(
      expect.arrayContaining([
        ['Radiologie', 10],
        ['Bloc', 10],
      ]),
    );
    expect(stats.find((s) => s.dimension === 'all')?.targets).toBe(20);
    const audit = await auditOf(t, c.id);
    expect(audit.at(-1)).toMatchObject({ action: 'phishing.campaign.launch', after: { status: 'scheduled', recipients: 20 } });

    expect(errorOf(await admin.client.post(`${base}/${c.id}/launch`))).toMatchObject({ status: 409, code: 'campaign_state' });
    expect((await admin.client.put(`${base}/${c.id}`, body())).statusCode).toBe(409);
  });

  it('pauses, resumes from now, and cancels what has not left', async () => {
    const { db, admin, base, body } = await tenant();
    const c = (await admin.client.post(base, body({ launchAt: '2026-12-01T09:01:00Z', spreadUntil: '2026-12-01T09:10:00Z' }))).json();
    await admin.client.post(`${base}/${c.id}/launch`);
    expect((await admin.client.post(`${base}/${c.id}/resume`)).statusCode).toBe(409);
    expect((await admin.client.post(`${base}/${c.id}/pause`)).json()).toMatchObject({ status: 'paused', pausedAt: NOW.toISOString() });

    clock.set(new Date('2026-12-01T09:25:00Z')); // after the planned spread: resume sends from now
    const resumed = await admin.client.post(`${base}/${c.id}/resume`);
    expect(resumed.json()).toMatchObject({ status: 'running', pausedAt: null });
    const times = (await db.selectFrom('phishing_recipients').select('scheduled_at').where('campaign_id', '=', c.id).execute()).map((r) =>
      Date.parse(r.scheduled_at),
    );
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-12-01T09:25:00Z'));
    expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(19 * 1000); // 60 a minute: one a second

    const cancelled = await admin.client.post(`${base}/${c.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    const statuses = await db.selectFrom('phishing_recipients').select('status').where('campaign_id', '=', c.id).execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['cancelled']));
    expect((await admin.client.post(`${base}/${c.id}/cancel`)).statusCode).toBe(409);
    expect((await auditOf(t, c.id)).map((a) => a.action)).toEqual([
      'phishing.campaign.create',
      'phishing.campaign.launch',
      'phishing.campaign.pause',
      'phishing.campaign.resume',
      'phishing.campaign.cancel',
    ]);
  });

  it('forgets the people of an anonymous campaign whose emails are cancelled before leaving', async () => {
    const { db, admin, base, body } = await tenant();
    const c = (await admin.client.post(base, body({ anonymous: true, launchAt: '2026-12-01T09:01:00Z' }))).json();
    await admin.client.post(`${base}/${c.id}/launch`);
    expect((await admin.client.post(`${base}/${c.id}/cancel`)).json()).toMatchObject({ status: 'cancelled' });
    const rows = await db
      .selectFrom('phishing_recipients')
      .select(['person_id', 'email', 'first_name', 'last_name'])
      .where('campaign_id', '=', c.id)
      .execute();
    expect(rows.length).toBe(20);
    expect(rows.every((r) => r.person_id === null && r.email === null && r.first_name === null && r.last_name === null)).toBe(true);
  });

  it("hides another organization's campaign (404)", async () => {
    const a = await tenant();
    const b = await tenant();
    const c = (await a.admin.client.post(a.base, a.body())).json();
    const other: Signed = b.admin;
    expect((await other.client.get(`${b.base}/${c.id}`)).statusCode).toBe(404);
    expect((await other.client.post(`${b.base}/${c.id}/launch`)).statusCode).toBe(404);
  });
});
