import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import { makeOrg, makePerson } from '../../../../../test/helpers/factories.js';
import { type ImapServer, startImapServer } from '../../../../../test/support/imap-server.js';
import { FixedClock } from '../../../platform/clock.js';
import { newId } from '../../../platform/ids.js';
import { newToken } from '../tokens.js';
import { pollReportMailboxes } from './imap-poll.js';
import { readImapPollState } from './imap-state.js';
import { REPORT_MAX_BYTES } from './intake.js';
import { deliveredRecipient, reportedCount } from './test-kit.js';

const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
const REPORT_ADDRESS = 'signalement@chu-exemple.test';
const BASE = 'https://exercices.rempart.test';

/** A forward as a mail client writes it: the reporter's own message quoting our link. */
const forward = (from: string, subject: string, body: string) =>
  [
    `From: ${from}`,
    `To: ${REPORT_ADDRESS}`,
    `Subject: ${subject}`,
    `Message-ID: <${newId()}@mail.chu-exemple.test>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');

describe('polling reporting mailboxes over IMAP', () => {
  let t: TestApp;
  let imap: ImapServer;
  const logs: string[] = [];
  const poll = () => pollReportMailboxes(t.deps, clock.now(), { log: (m) => logs.push(m), timeoutMs: 5_000 });

  beforeAll(async () => {
    t = await makeTestApp({ clock, env: { REPORT_ADDRESS } });
    imap = await startImapServer();
  });
  afterAll(async () => {
    await imap.stop();
    await t.close();
  });

  /** An organization whose reporting mailbox is `user` on the test server. */
  async function orgWithMailbox(over: { password?: string; folder?: string; port?: number; tls?: boolean } = {}) {
    const org = await makeOrg(t.dbh.db);
    const user = `signalement.${newId().slice(-8)}`;
    imap.addUser(user, 'B0îte-S3crète "x"', ['INBOX', 'Signalements']);
    await t.dbh.db
      .insertInto('phishing_settings')
      .values({
        organization_id: org.id,
        anonymous_default: 0,
        retention_days: 365,
        transparency_note: '',
        imap_host: over.tls ? 'localhost' : '127.0.0.1',
        imap_port: over.port ?? imap.port,
        imap_tls: over.tls ? 1 : 0,
        imap_username: user,
        imap_password_sealed: t.deps.secrets.seal(over.password ?? 'B0îte-S3crète "x"'),
        imap_folder: over.folder ?? 'Signalements',
        imap_last_uid: 0,
        updated_at: clock.now().toISOString(),
      })
      .execute();
    return { org, user };
  }

  const lastUid = async (orgId: string) =>
    (await t.dbh.db.selectFrom('phishing_settings').select('imap_last_uid').where('organization_id', '=', orgId).executeTakeFirstOrThrow())
      .imap_last_uid;
  const triageRows = (subject: string) => t.dbh.db.selectFrom('phishing_reports').selectAll().where('subject', '=', subject).execute();
  const reportEvents = (recipientId: string) =>
    t.dbh.db.selectFrom('phishing_events').select('kind').where('recipient_id', '=', recipientId).where('kind', '=', 'report').execute();
  const tenMinutesAgo = () => new Date(clock.now().getTime() - 10 * 60_000);

  it('records a forwarded simulation once, thanks the reporter, marks the message read and never reads it again', async () => {
    const { org, user } = await orgWithMailbox();
    const reporter = await makePerson(t.dbh.db, org.id);
    const { campaignId, recipientId, token } = await deliveredRecipient(t, org.id, tenMinutesAgo());
    const uid = imap.append(user, 'Signalements', forward(reporter.email, 'TR: Votre quota', `Louche :\n> ${BASE}/c/${token}`));

    const first = await poll();
    expect(first.organizations).toBeGreaterThanOrEqual(1);
    expect(first.messages).toBeGreaterThanOrEqual(1);
    expect(await reportedCount(t, campaignId)).toBe(1);
    const row = await t.dbh.db
      .selectFrom('phishing_recipients')
      .select('reported_at')
      .where('id', '=', recipientId)
      .executeTakeFirstOrThrow();
    expect(row.reported_at).toBe(clock.now().toISOString());
    expect(t.mailer.sent.filter((m) => m.to === reporter.email).map((m) => m.subject)).toEqual(['Bien vu !']);
    expect(imap.flags(user, 'Signalements', uid)).toContain('\\Seen');
    expect(await lastUid(org.id)).toBe(uid);
    expect(await readImapPollState(t.dbh.db, org.id)).toMatchObject({ lastError: null, lastSuccessAt: clock.now().toISOString() });

    await poll();
    expect(await reportEvents(recipientId)).toHaveLength(1);
    expect(await reportedCount(t, campaignId)).toBe(1);
    expect(t.mailer.sent.filter((m) => m.to === reporter.email)).toHaveLength(1);
    // What imapflow really sent: the body is fetched without touching \Seen, then \Seen is set.
    expect(imap.commandsOf(user)).toContain(`UID FETCH ${uid} (UID BODY.PEEK[])`);
    expect(imap.commandsOf(user)).toContain(`UID STORE ${uid} +FLAGS (\\Seen)`);
  });

  it('keeps a real suspicious email for triage, for the reporter’s organization, once', async () => {
    const { org, user } = await orgWithMailbox();
    const reporter = await makePerson(t.dbh.db, org.id);
    const subject = `Facture impayée ${newToken()}`;
    imap.append(user, 'Signalements', forward(reporter.email, subject, 'Payez ici : https://paiement.douteux.test/f?id=7'));
    await poll();
    await poll();
    const rows = await triageRows(subject);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'imap', verdict: 'pending', organization_id: org.id, reporter_person_id: reporter.id });
    expect(JSON.parse(rows[0]?.urls ?? '[]')).toEqual(['https://paiement.douteux.test/f?id=7']);
  });

  it('counts a refused password for its organization only, without logging it, and still reads the others', async () => {
    const refused = await orgWithMailbox({ password: 'Mauvais-Mot-De-Passe' });
    const fine = await orgWithMailbox();
    const reporter = await makePerson(t.dbh.db, fine.org.id);
    const subject = `Colis en attente ${newToken()}`;
    imap.append(refused.user, 'Signalements', forward(reporter.email, `${subject} (refusé)`, 'https://colis.douteux.test'));
    imap.append(fine.user, 'Signalements', forward(reporter.email, subject, 'https://colis.douteux.test'));
    logs.length = 0;

    const summary = await poll();
    expect(summary.failures).toBeGreaterThanOrEqual(1);
    expect(await triageRows(subject)).toHaveLength(1);
    expect(await triageRows(`${subject} (refusé)`)).toHaveLength(0);
    expect(await lastUid(refused.org.id)).toBe(0);
    const state = await readImapPollState(t.dbh.db, refused.org.id);
    expect(state.lastError).toMatchObject({ kind: 'auth', at: clock.now().toISOString() });
    expect(state.lastSuccessAt).toBeNull();
    const line = logs.find((l) => l.includes(refused.org.id));
    expect(line).toContain('auth failure');
    expect(logs.join('\n')).not.toContain('Mauvais-Mot-De-Passe');
    expect((await readImapPollState(t.dbh.db, fine.org.id)).lastError).toBeNull();
  });

  it('reports a missing folder and an unreachable server as such', async () => {
    const noFolder = await orgWithMailbox({ folder: 'Inexistant' });
    const closed = await orgWithMailbox({ port: 1 });
    await poll();
    expect((await readImapPollState(t.dbh.db, noFolder.org.id)).lastError?.kind).toBe('folder');
    expect((await readImapPollState(t.dbh.db, closed.org.id)).lastError).toMatchObject({ kind: 'connect' });
    expect((await readImapPollState(t.dbh.db, closed.org.id)).lastError?.detail).toContain('ECONNREFUSED');
  });

  it('reads a renumbered mailbox (new UIDVALIDITY) from the start without counting anything twice', async () => {
    const { org, user } = await orgWithMailbox();
    const reporter = await makePerson(t.dbh.db, org.id);
    const { campaignId, recipientId, token } = await deliveredRecipient(t, org.id, tenMinutesAgo());
    const subject = `Mot de passe expiré ${newToken()}`;
    imap.append(user, 'Signalements', forward(reporter.email, 'TR: quota', `${BASE}/c/${token}`));
    imap.append(user, 'Signalements', forward(reporter.email, subject, 'https://login.douteux.test'));
    await poll();
    expect(await lastUid(org.id)).toBe(2);
    const validity = (await readImapPollState(t.dbh.db, org.id)).uidValidity;

    // The server rebuilt its index: same messages under UIDs 1 and 2, and a new one as 3.
    imap.rebuild(user, 'Signalements');
    const later = `Livraison ${newToken()}`;
    imap.append(user, 'Signalements', forward(reporter.email, later, 'https://livraison.douteux.test'));
    await poll();
    expect((await readImapPollState(t.dbh.db, org.id)).uidValidity).not.toBe(validity);
    expect(await lastUid(org.id)).toBe(3);
    expect(await triageRows(later)).toHaveLength(1);
    expect(await triageRows(subject)).toHaveLength(1);
    expect(await reportedCount(t, campaignId)).toBe(1);
    expect(t.mailer.sent.filter((m) => m.to === reporter.email)).toHaveLength(1);
    // Read again: one more report event, which changes no figure.
    expect(await reportEvents(recipientId)).toHaveLength(2);
  });

  it('reads at most the given number of messages per mailbox and run, oldest first', async () => {
    const { org, user } = await orgWithMailbox();
    const reporter = await makePerson(t.dbh.db, org.id);
    const subjects = [1, 2, 3].map((n) => `Lot ${n} ${newToken()}`);
    for (const s of subjects) imap.append(user, 'Signalements', forward(reporter.email, s, 'https://lot.douteux.test'));
    const limited = () => pollReportMailboxes(t.deps, clock.now(), { log: () => {}, maxPerMailbox: 2, timeoutMs: 5_000 });
    await limited();
    expect(await lastUid(org.id)).toBe(2);
    expect(await triageRows(subjects[2] ?? '')).toHaveLength(0);
    await limited();
    expect(await lastUid(org.id)).toBe(3);
    for (const s of subjects) expect(await triageRows(s)).toHaveLength(1);
  });

  it('leaves a message over the size limit unread in the mailbox, without downloading it, and goes on', async () => {
    const { org, user } = await orgWithMailbox();
    const reporter = await makePerson(t.dbh.db, org.id);
    const head = forward(reporter.email, `Énorme ${newToken()}`, '');
    const big = imap.append(user, 'Signalements', Buffer.concat([Buffer.from(head), Buffer.alloc(REPORT_MAX_BYTES, 'a')]));
    const subject = `Après l'énorme ${newToken()}`;
    const next = imap.append(user, 'Signalements', forward(reporter.email, subject, 'https://apres.douteux.test'));
    await poll();
    expect(await lastUid(org.id)).toBe(next);
    expect(imap.flags(user, 'Signalements', big)).toEqual([]);
    expect(imap.commandsOf(user)).toContain(`UID FETCH ${next} (UID BODY.PEEK[])`);
    expect(imap.commandsOf(user)).not.toContain(`UID FETCH ${big} (UID BODY.PEEK[])`);
    expect(await triageRows(subject)).toHaveLength(1);
  });

  it('checks the server certificate over TLS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rempart-imap-tls-'));
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'],
      {
        stdio: 'ignore',
      },
    );
    const secure = await startImapServer({ tls: { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') } });
    try {
      const { org } = await orgWithMailbox({ tls: true, port: secure.port });
      await poll();
      expect((await readImapPollState(t.dbh.db, org.id)).lastError).toMatchObject({ kind: 'tls' });
      expect(secure.commands).toEqual([]);
    } finally {
      await secure.stop();
    }
  });
});
