import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makePerson } from '../../../../test/helpers/factories.js';
import { makeCampaign, makeStaff } from '../../../../test/support/phishing-factory.js';
import { CampaignRepo } from './campaign-repo.js';
import { checkTargets, targetIds } from './targets.js';

const NOW = Date.parse('2026-12-01T09:00:00Z'); // a Tuesday, inside the default office window

/**
 * A launch reads people and writes recipients a slice at a time (a campaign of 100,000 never has
 * them all in memory): with slices of 4, the result must be the one a single step gives.
 */
describe('launching a campaign slice by slice', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  async function launched(slice: number) {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const staff = await makeStaff(db, org.id, 21, { services: ['Bloc', 'Pharmacie', 'Accueil'] });
    // The same address twice (one email), and someone who left (none).
    await makePerson(db, org.id, { email: staff[3]!.email.toUpperCase(), service: 'Bloc' });
    await makePerson(db, org.id, { service: 'Bloc', active: false });
    const campaignId = await makeCampaign(db, { organizationId: org.id, status: 'draft' });
    const row = await db
      .selectFrom('phishing_sending_profiles')
      .selectAll()
      .where('id', '=', (eb) => eb.selectFrom('phishing_campaigns').select('sending_profile_id').where('id', '=', campaignId))
      .executeTakeFirstOrThrow();
    const repo = new CampaignRepo(slice);
    const out = await db.transaction().execute(async (trx) => {
      const checked = await checkTargets(trx, { criteria: {} }, [org.id], false);
      const personIds = await targetIds(trx, checked);
      const plan = { campaignId, personIds, profile: row, start: NOW, until: NOW + 3_600_000, now: new Date(NOW).toISOString() };
      return repo.launchRecipients(trx, plan);
    });
    const recipients = await db
      .selectFrom('phishing_recipients')
      .select(['id', 'person_id', 'send_order', 'scheduled_at', 'token_hash'])
      .where('campaign_id', '=', campaignId)
      .orderBy('send_order')
      .execute();
    const stats = await db
      .selectFrom('phishing_campaign_stats')
      .select(['targets'])
      .where('campaign_id', '=', campaignId)
      .where('dimension', '=', 'all')
      .execute();
    return { org, staff, out, recipients, stats, repo, db, campaignId };
  }

  it('creates one recipient per address, in a random order covering 0..n-1, with ascending times', async () => {
    const { org, staff, out, recipients, stats } = await launched(4);
    expect(out).toEqual({ recipients: 21, organizationIds: [org.id] });
    expect(recipients.map((r) => r.send_order)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(new Set(recipients.map((r) => r.person_id))).toEqual(new Set(staff.map((s) => s.id)));
    expect(new Set(recipients.map((r) => r.token_hash)).size).toBe(21);
    const times = recipients.map((r) => Date.parse(r.scheduled_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(NOW);
    expect(times.at(-1)).toBeLessThan(NOW + 3_600_000);
    // Not the directory's order (21! orders: a shuffle that kept it would be a bug).
    const inIdOrder = [...staff].map((s) => s.id).sort();
    expect(recipients.map((r) => r.person_id)).not.toEqual(inIdOrder);
    expect(stats.reduce((n, s) => n + Number(s.targets), 0)).toBe(21);
  });

  it('spreads the waiting emails again in their order, slice by slice', async () => {
    const { repo, db, campaignId, recipients } = await launched(5);
    await db.updateTable('phishing_recipients').set({ status: 'delivered' }).where('id', '=', recipients[0]!.id).execute();
    const campaign = await db.selectFrom('phishing_campaigns').selectAll().where('id', '=', campaignId).executeTakeFirstOrThrow();
    const later = NOW + 86_400_000;
    const n = await db.transaction().execute((trx) => repo.rescheduleWaiting(trx, { ...campaign, spread_until: null }, later));
    expect(n).toBe(20);
    const after = await db
      .selectFrom('phishing_recipients')
      .select(['send_order', 'scheduled_at'])
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'pending')
      .orderBy('send_order')
      .execute();
    const times = after.map((r) => Date.parse(r.scheduled_at));
    expect(after.map((r) => r.send_order)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(later);
  });
});
