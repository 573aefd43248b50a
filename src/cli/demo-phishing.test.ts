import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/helpers/app.js';
import { isolatedDb } from '../../test/helpers/db.js';
import { makeOrg, makeTerritory } from '../../test/helpers/factories.js';
import { makeStaff } from '../../test/support/phishing-factory.js';
import { orgAdmin } from '../server/modules/identity/test-kit.js';
import { STATS_COUNTERS } from '../server/modules/phishing/stats.js';
import { seededRandom } from './demo.js';
import { DEMO_PROFILE_NAME, seedDemoPhishing } from './demo-phishing.js';
import { disposeDb } from './test-support.js';

const contentDir = join(process.cwd(), 'content', 'phishing');

describe('demo: a past phishing campaign of the GHT’s lead establishment', () => {
  let t: TestApp;
  let leadId = '';
  let campaignId = '';
  beforeAll(async () => {
    t = await makeTestApp({ dbh: await isolatedDb() });
    const db = t.dbh.db;
    const [lead, member] = [await makeOrg(db), await makeOrg(db)];
    leadId = lead.id;
    await makeTerritory(db, { members: [{ orgId: member.id }, { orgId: lead.id, lead: true }] });
    await makeStaff(db, lead.id, 300, { services: ['Urgences', 'Cardiologie', 'Pharmacie', 'Accueil', 'Radiologie'] });
    await makeStaff(db, member.id, 20);
    const seeded = await seedDemoPhishing(t.dbh, contentDir, seededRandom(7), new Date('2026-11-29T10:00:00Z'));
    campaignId = seeded.campaignId ?? '';
  });
  afterAll(async () => {
    // The app only: disposeDb closes the isolated database, then drops it on PostgreSQL.
    await t.app.close();
    await disposeDb(t.dbh);
  });

  it('gives it a sending profile that only talks to this machine', async () => {
    const profiles = await t.dbh.db.selectFrom('phishing_sending_profiles').selectAll().execute();
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ organization_id: leadId, name: DEMO_PROFILE_NAME, host: '127.0.0.1', tls_mode: 'none' });
  });

  it('writes recipients, events and counters that agree with each other', async () => {
    const db = t.dbh.db;
    const campaign = await db.selectFrom('phishing_campaigns').selectAll().where('id', '=', campaignId).executeTakeFirstOrThrow();
    expect(campaign).toMatchObject({ organization_id: leadId, status: 'completed' });
    expect(JSON.parse(campaign.targets).criteria.services).toHaveLength(4);
    const rs = await db.selectFrom('phishing_recipients').selectAll().where('campaign_id', '=', campaignId).execute();
    expect(rs.length).toBe(240); // the four largest services of 300 people spread over five
    expect(rs.every((r) => r.organization_id === leadId)).toBe(true);
    const n = (f: (r: (typeof rs)[number]) => unknown) => rs.filter(f).length;
    for (const r of rs) {
      if (r.submitted_at) expect(r.clicked_at).not.toBeNull();
      if (r.clicked_at) expect(r.opened_at! <= r.clicked_at).toBe(true);
      if (r.reported_at) expect(r.delivered_at! < r.reported_at).toBe(true);
    }
    const rows = await db.selectFrom('phishing_campaign_stats').selectAll().where('campaign_id', '=', campaignId).execute();
    const all = rows.find((r) => r.dimension === 'all')!;
    expect(all).toMatchObject({
      targets: rs.length,
      sent: n((r) => r.sent_at),
      delivered: n((r) => r.delivered_at),
      failed: n((r) => r.status === 'failed'),
      opened: n((r) => r.opened_at),
      clicked: n((r) => r.clicked_at),
      submitted: n((r) => r.submitted_at),
      reported: n((r) => r.reported_at),
      scanner_flagged: n((r) => r.scanner_flagged > 0),
    });
    // Realistic, not degenerate: every step happened to some, none to all.
    expect(all.clicked).toBeGreaterThan(10);
    expect(all.submitted).toBeGreaterThan(0);
    expect(all.reported).toBeGreaterThan(10);
    expect(all.opened).toBeLessThan(rs.length);
    const buckets = [0, 1, 2, 3, 4, 5].reduce((s, i) => s + Number(all[`report_b${i}` as 'report_b0']), 0);
    expect(buckets).toBe(all.reported);
    const delays = rs.filter((r) => r.reported_at).map((r) => (Date.parse(r.reported_at!) - Date.parse(r.delivered_at!)) / 1000);
    expect(Number(all.report_seconds_sum)).toBe(delays.reduce((s, d) => s + Math.round(d), 0));
    // Each dimension splits the same totals.
    for (const dimension of ['service', 'role_family', 'site']) {
      for (const counter of STATS_COUNTERS) {
        const sum = rows.filter((r) => r.dimension === dimension).reduce((s, r) => s + Number(r[counter]), 0);
        expect(sum, `${dimension}.${counter}`).toBe(Number(all[counter]));
      }
    }
    const events = await db.selectFrom('phishing_events').selectAll().where('campaign_id', '=', campaignId).execute();
    const human = (kind: string) => events.filter((e) => e.kind === kind && e.scanner_reason === null).length;
    expect(human('open')).toBe(all.opened);
    expect(human('submit')).toBe(all.submitted);
    expect(human('report')).toBe(all.reported);
    expect(events.filter((e) => e.scanner_reason !== null).length).toBe(all.scanner_flagged);
  });

  it('shows the figures on the results page, and a second run adds nothing', async () => {
    const admin = await orgAdmin(t, leadId);
    const res = await admin.client.get(`/api/orgs/${leadId}/phishing/campaigns/${campaignId}/results`);
    expect(res.statusCode).toBe(200);
    expect(JSON.stringify(res.json())).toContain('"targets":240');
    const again = await seedDemoPhishing(t.dbh, contentDir, seededRandom(7), new Date('2026-11-29T10:00:00Z'));
    expect(again).toEqual({ campaignId: null, recipients: 0 });
    expect((await t.dbh.db.selectFrom('phishing_campaigns').select('id').execute()).length).toBe(1);
  });
});
