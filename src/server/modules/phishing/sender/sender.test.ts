import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import { makeOrg } from '../../../../../test/helpers/factories.js';
import { makeProfile, makeStaff, makeTemplate } from '../../../../../test/support/phishing-factory.js';
import { type ScriptedSmtp, startScriptedSmtp } from '../../../../../test/support/smtp-scripted.js';
import { type SmtpSink, startSmtpSink } from '../../../../../test/support/smtp-sink.js';
import { FixedClock } from '../../../platform/clock.js';
import { systemContext } from '../../../platform/context.js';
import type { Tenant } from '../campaign-repo.js';
import { CampaignService } from '../campaign-service.js';
import { tokenHash } from '../tokens.js';
import { CampaignSender } from './worker.js';

const START = new Date('2026-12-01T09:00:00Z');
const logged: string[] = [];
const log = (message: string) => void logged.push(message);
const MINUTE = 60_000;

describe('campaign sender', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let smtp: ScriptedSmtp;
  const clock = new FixedClock(START);
  beforeAll(async () => {
    t = await makeTestApp({ clock });
    sink = await startSmtpSink();
    smtp = await startScriptedSmtp();
  });
  afterAll(async () => {
    await sink.stop();
    await smtp.stop();
    await t.close();
  });

  /** A launched campaign of `count` people sent through `port`, and a sender limited to this organization. */
  async function launched(opts: { count: number; port: number; spreadMinutes?: number; anonymous?: boolean; ratePerMinute?: number }) {
    clock.set(START);
    const db = t.dbh.db;
    const org = await makeOrg(db, { name: `CH Sender ${Math.random().toString(36).slice(2, 8)}` });
    const template = await makeTemplate(db);
    const profile = await makeProfile(db, {
      organizationId: org.id,
      port: opts.port,
      ratePerMinute: opts.ratePerMinute ?? 6000,
      extraHeaders: [{ name: 'X-Campaign-Tag', value: 'exercice' }],
    });
    const staff = await makeStaff(db, org.id, opts.count);
    const service = new CampaignService(t.deps);
    const tenant: Tenant = { kind: 'organization', id: org.id };
    const draft = await service.create(systemContext(), tenant, {
      name: 'Envoi',
      templateId: template.id,
      sendingProfileId: profile.id,
      targets: { criteria: {} },
      anonymous: opts.anonymous ?? false,
      launchAt: START.toISOString(),
      spreadUntil: new Date(START.getTime() + (opts.spreadMinutes ?? 0) * MINUTE).toISOString(),
    });
    await service.launch(systemContext(), tenant, draft.id);
    const sender = new CampaignSender(t.deps, {
      baseUrl: 'https://clic.test/',
      reportAddress: 'signalement@test',
      scope: [org.id],
      connections: 3,
      log,
    });
    // Running since the launch (a sender started later would first spread the backlog again).
    await sender.recover();
    const emails = new Set(staff.map((s) => s.email));
    const rows = () => db.selectFrom('phishing_recipients').selectAll().where('campaign_id', '=', draft.id).orderBy('send_order').execute();
    const campaign = () => db.selectFrom('phishing_campaigns').selectAll().where('id', '=', draft.id).executeTakeFirstOrThrow();
    const stats = () =>
      db
        .selectFrom('phishing_campaign_stats')
        .selectAll()
        .where('campaign_id', '=', draft.id)
        .where('dimension', '=', 'all')
        .executeTakeFirstOrThrow();
    return { org, staff, emails, service, tenant, id: draft.id, sender, rows, campaign, stats };
  }

  it('sends every recipient exactly one email, with its own tracked links, then completes the campaign', async () => {
    const c = await launched({ count: 40, port: sink.port });
    clock.advance(MINUTE);
    expect(await c.sender.runUntilIdle()).toBe(40);
    const mine = sink.messages.filter((m) => m.to.some((to) => c.emails.has(to)));
    expect(mine).toHaveLength(40);
    expect(new Set(mine.map((m) => m.to[0])).size).toBe(40);

    const rows = await c.rows();
    expect(rows.map((r) => r.status)).toEqual(Array(40).fill('delivered'));
    const row = rows[0]!;
    const email = mine.find((m) => m.to[0] === row.email)!;
    const token = /https:\/\/clic\.test\/c\/([A-Za-z0-9_-]{22})/.exec(email.html ?? '')?.[1];
    expect(token && tokenHash(token)).toBe(row.token_hash); // only the hash is stored, and it is this one
    expect(email.html).toContain(`https://clic.test/o/${token}.gif`);
    expect(email.text).toContain(`https://clic.test/c/${token}`);
    expect(email.subject).toBe(`Votre boîte aux lettres est pleine, ${row.first_name}`);
    expect(email.from).toBe('support@simulation.test');
    expect(await c.stats()).toMatchObject({ targets: 40, sent: 40, delivered: 40, failed: 0 });
    expect((await c.campaign()).status).toBe('completed');
  });

  it('retries a temporary refusal with backoff, fails a permanent one with its reason, and sets the headers', async () => {
    const c = await launched({ count: 5, port: smtp.port });
    const [busy, gone] = c.staff;
    let refusedOnce = false;
    smtp.onRecipient = (to) => {
      if (to !== busy!.email || refusedOnce) return null;
      refusedOnce = true;
      return { code: 451, message: 'Greylisted, try again later' };
    };
    smtp.onMessage = (to) => (to === gone!.email ? { code: 550, message: 'No such user here' } : null);
    clock.advance(MINUTE);
    await c.sender.runUntilIdle();
    let rows = await c.rows();
    const busyRow = rows.find((r) => r.email === busy!.email)!;
    expect(busyRow).toMatchObject({ status: 'retry', attempts: 1, next_attempt_at: new Date(START.getTime() + 2 * MINUTE).toISOString() });
    expect(busyRow.last_error).toContain('451');
    expect(rows.find((r) => r.email === gone!.email)).toMatchObject({ status: 'failed' });
    expect(rows.find((r) => r.email === gone!.email)!.last_error).toContain('550 No such user here');
    expect(await c.stats()).toMatchObject({ sent: 3, delivered: 3, failed: 1 });

    clock.advance(MINUTE + 1000);
    await c.sender.runUntilIdle();
    rows = await c.rows();
    expect(rows.find((r) => r.email === busy!.email)!.status).toBe('delivered');
    expect(smtp.messages.filter((m) => m.to[0] === busy!.email)).toHaveLength(1);
    expect(smtp.messages.filter((m) => m.to[0] === gone!.email)).toHaveLength(0);

    const received = smtp.messages.find((m) => m.to[0] === busy!.email)!;
    expect(received.from).toBe('campagnes@simulation.test'); // the envelope: bounces go to the profile
    const parsed = await simpleParser(received.raw);
    expect(parsed.headers.get('x-rempart-simulation')).toBe(c.id);
    expect(parsed.headers.get('x-campaign-tag')).toBe('exercice');
    const clickToken = /clic\.test\/c\/([A-Za-z0-9_-]{22})/.exec(parsed.html || '')?.[1];
    expect(parsed.headers.get('x-rempart-report')).toBe(`https://clic.test/r/${clickToken}`);
    expect(parsed.messageId).toBe(rows.find((r) => r.email === busy!.email)!.message_id);
    expect(parsed.from?.value[0]).toMatchObject({ name: `Support ${c.org.name}`, address: 'support@simulation.test' });
    expect(parsed.text).toMatch(/Augmenter mon quota \(https:\/\/clic\.test\/c\/[A-Za-z0-9_-]{22}\)/);
    smtp.onRecipient = () => null;
    smtp.onMessage = () => null;
  });

  it('gives up after five temporary refusals', async () => {
    const c = await launched({ count: 1, port: smtp.port });
    smtp.onRecipient = (to) => (c.emails.has(to) ? { code: 452, message: 'Mailbox full' } : null);
    for (let i = 0; i < 5; i++) {
      clock.advance(61 * MINUTE);
      await c.sender.runUntilIdle();
    }
    const [row] = await c.rows();
    expect(row).toMatchObject({ status: 'failed', attempts: 5 });
    expect(row!.last_error).toMatch(/452 Mailbox full \(after 5 attempts\)/);
    smtp.onRecipient = () => null;
  });

  it('stops sending while paused and sends the rest, once each, after resuming', async () => {
    const c = await launched({ count: 30, port: sink.port, spreadMinutes: 30 });
    clock.advance(10 * MINUTE);
    const before = await c.sender.runUntilIdle();
    expect(before).toBeGreaterThanOrEqual(8);
    expect(before).toBeLessThanOrEqual(12);
    await c.service.pause(systemContext(), c.tenant, c.id);
    clock.advance(40 * MINUTE);
    expect(await c.sender.runUntilIdle()).toBe(0);
    await c.service.resume(systemContext(), c.tenant, c.id);
    clock.advance(MINUTE);
    expect(await c.sender.runUntilIdle()).toBe(30 - before);
    const mine = sink.messages.filter((m) => c.emails.has(m.to[0] ?? ''));
    expect(mine).toHaveLength(30);
    expect(new Set(mine.map((m) => m.to[0])).size).toBe(30);
  });

  it('sends nothing more once cancelled', async () => {
    const c = await launched({ count: 20, port: sink.port, spreadMinutes: 20 });
    clock.advance(5 * MINUTE);
    const sent = await c.sender.runUntilIdle();
    expect(sent).toBeGreaterThan(0);
    await c.service.cancel(systemContext(), c.tenant, c.id);
    clock.advance(30 * MINUTE);
    expect(await c.sender.runUntilIdle()).toBe(0);
    const statuses = (await c.rows()).map((r) => r.status);
    expect(statuses.filter((s) => s === 'delivered')).toHaveLength(sent);
    expect(statuses.filter((s) => s === 'cancelled')).toHaveLength(20 - sent);
    expect(sink.messages.filter((m) => c.emails.has(m.to[0] ?? ''))).toHaveLength(sent);
  });

  it('forgets who received an anonymous campaign once delivered or failed', async () => {
    const c = await launched({ count: 3, port: smtp.port, anonymous: true });
    smtp.onMessage = (to) => (to === c.staff[0]!.email ? { code: 554, message: 'Rejected' } : null);
    clock.advance(MINUTE);
    await c.sender.runUntilIdle();
    for (const r of await c.rows()) {
      expect(r).toMatchObject({ person_id: null, email: null, first_name: null, last_name: null, service: expect.any(String) });
      expect(['delivered', 'failed']).toContain(r.status);
    }
    smtp.onMessage = () => null;
  });

  it('recovers at start-up: an interrupted claim is sent again, an email sent without verdict is not', async () => {
    const c = await launched({ count: 3, port: sink.port });
    const [a, b] = await c.rows();
    const db = t.dbh.db;
    await db
      .updateTable('phishing_recipients')
      .set({ status: 'sending', claimed_by: 'dead-worker', attempts: 1 })
      .where('id', '=', a!.id)
      .execute();
    await db
      .updateTable('phishing_recipients')
      .set({ status: 'sent', claimed_by: 'dead-worker', sent_at: START.toISOString() })
      .where('id', '=', b!.id)
      .execute();
    clock.advance(MINUTE);
    const restarted = new CampaignSender(t.deps, { baseUrl: 'https://clic.test', reportAddress: 'x@test', scope: [c.org.id], log });
    expect(await restarted.runUntilIdle()).toBe(2);
    expect(logged.at(-1)).toMatch(/recovered 1 interrupted, 1 unconfirmed/);
    const rows = await c.rows();
    expect(rows.find((r) => r.id === a!.id)!.status).toBe('delivered');
    expect(rows.find((r) => r.id === b!.id)).toMatchObject({ status: 'sent', last_error: expect.stringContaining('not confirmed') });
    expect(sink.messages.filter((m) => m.to[0] === b!.email)).toHaveLength(0);
    expect(await c.stats()).toMatchObject({ sent: 3, delivered: 2 });
  });

  it("keeps to the profile's rate across campaigns and to its windows", async () => {
    const c = await launched({ count: 10, port: sink.port, ratePerMinute: 10 });
    const profileId = (await c.campaign()).sending_profile_id;
    // A second campaign on the same profile, due at the same time.
    const d = await launched({ count: 10, port: sink.port, ratePerMinute: 10 });
    await t.dbh.db.updateTable('phishing_campaigns').set({ sending_profile_id: profileId }).where('id', '=', d.id).execute();
    const both = new CampaignSender(t.deps, { baseUrl: 'https://clic.test', reportAddress: 'x@test', scope: [c.org.id, d.org.id], log });
    clock.advance(2 * MINUTE);
    expect(await both.runUntilIdle()).toBe(10);
    clock.advance(MINUTE);
    expect(await both.runUntilIdle()).toBe(10);

    const e = await launched({ count: 2, port: sink.port });
    const closed = (await e.campaign()).sending_profile_id;
    await t.dbh.db
      .updateTable('phishing_sending_profiles')
      .set({ window_start: '20:00', window_end: '21:00' })
      .where('id', '=', closed)
      .execute();
    clock.advance(MINUTE);
    expect(await e.sender.runUntilIdle()).toBe(0); // 10:01 in Paris: outside 20:00–21:00
  });
});
