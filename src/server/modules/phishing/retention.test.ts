import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { isolatedDb } from '../../../../test/helpers/db.js';
import { makeOrg, makePerson } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import { insertCampaign, insertEvent, insertRecipient, insertStats } from './results-test-kit.js';
import { purgeExpiredCampaigns } from './retention.js';
import { PHISHING_JOBS } from './routes.js';
import { tokenHash } from './tokens.js';

const NOW = new Date('2026-12-10T09:00:00Z');
const clock = new FixedClock(NOW);
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

describe('phishing retention purge', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The purge sweeps every organization: a database of its own keeps other suites' campaigns out of reach.
    t = await makeTestApp({ clock, dbh: await isolatedDb() });
  });
  afterAll(async () => t.close());

  async function withPeople(over: NonNullable<Parameters<typeof insertCampaign>[1]>, person?: { id: string; email: string }) {
    const db = t.dbh.db;
    const orgId = over.organizationId ?? '';
    const id = await insertCampaign(db, over);
    const p = person ?? (await makePerson(db, orgId, { firstName: 'Lucie', lastName: 'Mercier' }));
    const r = await insertRecipient(db, id, orgId, {
      personId: p.id,
      email: p.email,
      firstName: 'Lucie',
      lastName: 'Mercier',
      clickedAt: daysAgo(500),
      reportedAt: daysAgo(499),
    });
    await insertEvent(db, id, r.id, 'click', daysAgo(500));
    await insertEvent(db, id, r.id, 'report', daysAgo(499));
    await insertStats(db, id, orgId, 'all', '', { targets: 8, delivered: 8, clicked: 1, reported: 1 });
    await db
      .insertInto('phishing_reports')
      .values({
        id: newId(),
        organization_id: orgId,
        source: 'smtp',
        reporter_email: p.email,
        reporter_person_id: p.id,
        recipient_id: r.id,
        subject: 'Votre boîte aux lettres est pleine',
        from_address: 'support@simulation.test',
        excerpt: 'Bonjour Lucie',
        urls: JSON.stringify([`http://localhost/c/${r.token}`]),
        raw_size: 1200,
        verdict: 'simulation',
        note: null,
        decided_by: null,
        decided_at: null,
        feedback_sent_at: null,
        received_at: daysAgo(499),
      })
      .execute();
    return { id, recipientId: r.id, token: r.token, personId: p.id };
  }

  it('forgets the people of campaigns ended longer ago than their retention, keeping the figures', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const lucie = await makePerson(db, org.id, { firstName: 'Lucie', lastName: 'Mercier' });
    const expired = await withPeople({ organizationId: org.id, status: 'completed', completedAt: daysAgo(400), retentionDays: 365 }, lucie);
    const cancelled = await withPeople({ organizationId: org.id, status: 'cancelled', completedAt: daysAgo(31), retentionDays: 30 }, lucie);
    const recent = await withPeople({ organizationId: org.id, status: 'completed', completedAt: daysAgo(100), retentionDays: 365 }, lucie);
    const running = await withPeople({ organizationId: org.id, status: 'running', completedAt: null, retentionDays: 30 }, lucie);
    const admin = await orgAdmin(t, org.id);
    const before = (await admin.client.get(`/api/orgs/${org.id}/phishing/repeat-clickers`)).json();
    expect(before.items).toEqual([expect.objectContaining({ personId: lucie.id, campaigns: 4 })]);

    const purged = await purgeExpiredCampaigns(t.deps, NOW);
    const mine = purged.filter((p) => [expired.id, cancelled.id, recent.id, running.id].includes(p.campaignId));
    expect(mine.map((p) => p.campaignId).sort()).toEqual([expired.id, cancelled.id].sort());
    expect(mine.find((p) => p.campaignId === expired.id)).toEqual({ campaignId: expired.id, recipients: 1, events: 2 });

    for (const c of [expired, cancelled]) {
      const campaign = await db.selectFrom('phishing_campaigns').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
      expect(campaign.purged_at).toBe(NOW.toISOString());
      const r = await db.selectFrom('phishing_recipients').selectAll().where('id', '=', c.recipientId).executeTakeFirstOrThrow();
      expect(r).toMatchObject({ person_id: null, email: null, first_name: null, last_name: null, message_id: null, service: 'Urgences' });
      // The first-time columns stay (they say nothing of who), the links sent no longer resolve.
      expect(r.clicked_at).not.toBeNull();
      expect(r.token_hash).toBe(`purged:${c.recipientId}`);
      const byToken = await db.selectFrom('phishing_recipients').select('id').where('token_hash', '=', tokenHash(c.token)).execute();
      expect(byToken).toEqual([]);
      expect(await db.selectFrom('phishing_events').select('id').where('campaign_id', '=', c.id).execute()).toEqual([]);
      const report = await db
        .selectFrom('phishing_reports')
        .selectAll()
        .where('recipient_id', '=', c.recipientId)
        .executeTakeFirstOrThrow();
      expect(report).toMatchObject({ reporter_email: null, reporter_person_id: null, excerpt: '', urls: '[]', verdict: 'simulation' });
      const stats = await db.selectFrom('phishing_campaign_stats').selectAll().where('campaign_id', '=', c.id).executeTakeFirstOrThrow();
      expect(stats).toMatchObject({ targets: 8, clicked: 1, reported: 1 });
      const audit = await auditOf(t, c.id);
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'phishing.campaign.purge',
          organizationId: org.id,
          actorAccountId: null,
          after: { purgedAt: NOW.toISOString(), recipientsCleared: 1, eventsDeleted: 2 },
        }),
      ]);
    }
    for (const c of [recent, running]) {
      const r = await db.selectFrom('phishing_recipients').selectAll().where('id', '=', c.recipientId).executeTakeFirstOrThrow();
      expect(r.person_id).toBe(c.personId);
      expect((await db.selectFrom('phishing_events').select('id').where('campaign_id', '=', c.id).execute()).length).toBe(2);
      expect(await auditOf(t, c.id)).toEqual([]);
    }

    // The admin still reads the figures, no longer the people.
    const results = await admin.client.get(`/api/orgs/${org.id}/phishing/campaigns/${expired.id}/results`);
    expect(results.statusCode).toBe(200);
    expect(results.json().totals).toMatchObject({ targets: 8, clicked: 1 });
    const people = await admin.client.get(`/api/orgs/${org.id}/phishing/campaigns/${expired.id}/recipients`);
    expect(people.statusCode).toBe(404);
    expect(people.json().error.code).toBe('campaign_purged');
    const after = (await admin.client.get(`/api/orgs/${org.id}/phishing/repeat-clickers`)).json();
    expect(after.items).toEqual([expect.objectContaining({ personId: lucie.id, campaigns: 2, received: 2 })]);

    // A second run finds nothing more to do and audits nothing twice.
    const again = await purgeExpiredCampaigns(t.deps, NOW);
    expect(again.map((p) => p.campaignId)).not.toContain(expired.id);
    expect(await auditOf(t, expired.id)).toHaveLength(1);
  });

  it('runs as the scheduled job phishing.retention-purge', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const c = await withPeople({ organizationId: org.id, status: 'completed', completedAt: daysAgo(60), retentionDays: 45 });
    expect(t.app.jobs.names()).toContain(PHISHING_JOBS.retentionPurge);
    expect(await t.app.jobs.runOnce(PHISHING_JOBS.retentionPurge, { waitMs: 5000 })).toEqual({ status: 'ran' });
    const campaign = await db.selectFrom('phishing_campaigns').select('purged_at').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(campaign.purged_at).toBe(NOW.toISOString());
  });
});
