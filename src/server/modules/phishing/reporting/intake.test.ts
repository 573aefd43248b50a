import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson } from '../../../../../test/helpers/factories.js';
import { FixedClock } from '../../../platform/clock.js';
import { newToken } from '../tokens.js';
import { processReportedMessage, REPORT_MAX_BYTES } from './intake.js';
import { createReportReceiver, type ReportReceiver } from './receiver.js';
import { deliveredRecipient, reportedCount } from './test-kit.js';

const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
const REPORT_ADDRESS = 'signalement@rempart.test';
const BASE = 'https://exercices.rempart.test';

describe('reporting intake over SMTP', () => {
  let t: TestApp;
  let receiver: ReportReceiver;
  let smtp: ReturnType<typeof nodemailer.createTransport>;
  beforeAll(async () => {
    t = await makeTestApp({ clock, env: { REPORT_ADDRESS } });
    receiver = createReportReceiver(t.deps);
    await receiver.listen(0, '127.0.0.1');
    smtp = nodemailer.createTransport({ host: '127.0.0.1', port: receiver.port(), secure: false, ignoreTLS: true });
  });
  afterAll(async () => {
    smtp.close();
    await receiver.close();
    await t.close();
  });

  const tenMinutesAgo = () => new Date(clock.now().getTime() - 10 * 60_000);
  const mailsTo = (to: string) => t.mailer.sent.filter((m) => m.to === to);

  async function pendingReports(orgId: string | null, subject: string) {
    return t.dbh.db
      .selectFrom('phishing_reports')
      .selectAll()
      .where('subject', '=', subject)
      .where((eb) => (orgId ? eb('organization_id', '=', orgId) : eb('organization_id', 'is', null)))
      .execute();
  }

  it('records a simulation forwarded with the link inline, once, and thanks the reporter', async () => {
    const org = await makeOrg(t.dbh.db);
    const reporter = await makePerson(t.dbh.db, org.id);
    const { campaignId, recipientId, token } = await deliveredRecipient(t, org.id, tenMinutesAgo());
    const mail = {
      from: reporter.email,
      to: REPORT_ADDRESS,
      subject: 'TR: Votre boîte aux lettres est pleine',
      text: `Bizarre, ce message :\n> Augmenter mon quota : ${BASE}/c/${token}\n`,
    };
    await smtp.sendMail(mail);
    const row = await t.dbh.db
      .selectFrom('phishing_recipients')
      .select('reported_at')
      .where('id', '=', recipientId)
      .executeTakeFirstOrThrow();
    expect(row.reported_at).toBe(clock.now().toISOString());
    expect(await reportedCount(t, campaignId)).toBe(1);
    const thanks = mailsTo(reporter.email);
    expect(thanks).toHaveLength(1);
    expect(thanks[0]?.subject).toBe('Bien vu !');

    // The same report again: one more event, but the figures and the thanks stay as they were.
    await smtp.sendMail(mail);
    expect(await reportedCount(t, campaignId)).toBe(1);
    expect(mailsTo(reporter.email)).toHaveLength(1);
    const events = await t.dbh.db.selectFrom('phishing_events').select('kind').where('recipient_id', '=', recipientId).execute();
    expect(events.map((e) => e.kind)).toEqual(['report', 'report']);
    expect(await pendingReports(org.id, mail.subject)).toHaveLength(0);
    const audit = await t.dbh.db.selectFrom('audit_log').select('action').where('entity_id', '=', recipientId).execute();
    expect(audit.map((a) => a.action)).toEqual(['phishing.report.receive', 'phishing.report.receive']);
  });

  it('finds the token in an attached .eml (report header only) and answers in English', async () => {
    const org = await makeOrg(t.dbh.db);
    const reporter = await makePerson(t.dbh.db, org.id);
    const account = await makeAccount(t.dbh.db, { personId: reporter.id });
    await t.dbh.db.updateTable('accounts').set({ locale: 'en' }).where('id', '=', account.id).execute();
    const { campaignId, recipientId, token } = await deliveredRecipient(t, org.id, tenMinutesAgo());
    const inner = await new Promise<Buffer>((resolve, reject) =>
      nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(
        {
          from: 'Support <support@simulation.test>',
          to: 'cible@staff.test',
          subject: 'Quota',
          text: 'Votre boîte est pleine.',
          headers: { 'X-Rempart-Report': `${BASE}/r/${token}` },
        },
        (err, info) => (err ? reject(err) : resolve(info.message as Buffer)),
      ),
    );
    await smtp.sendMail({
      from: reporter.email,
      to: REPORT_ADDRESS,
      subject: 'Suspicious',
      text: 'See attached.',
      attachments: [{ filename: 'suspect.eml', content: inner, contentType: 'message/rfc822' }],
    });
    const row = await t.dbh.db
      .selectFrom('phishing_recipients')
      .select('reported_at')
      .where('id', '=', recipientId)
      .executeTakeFirstOrThrow();
    expect(row.reported_at).not.toBeNull();
    expect(await reportedCount(t, campaignId)).toBe(1);
    expect(mailsTo(reporter.email).map((m) => m.subject)).toEqual(['Well spotted!']);
  });

  it('keeps an unknown suspicious email for triage, described from the attached message', async () => {
    const org = await makeOrg(t.dbh.db);
    const reporter = await makePerson(t.dbh.db, org.id);
    const subject = `Facture impayée ${newToken()}`;
    const inner = [
      'From: Comptabilite <compta@fournisseur-douteux.test>',
      'To: agent@staff.test',
      `Subject: ${subject}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Réglez la facture ici : https://paiement.douteux.test/facture?id=42 avant ce soir.',
      '',
    ].join('\r\n');
    await smtp.sendMail({
      from: reporter.email.toUpperCase(),
      to: REPORT_ADDRESS,
      subject: `Fwd: ${subject}`,
      text: 'Je ne connais pas ce fournisseur.',
      attachments: [{ filename: 'message.eml', content: inner, contentType: 'message/rfc822' }],
    });
    const [report] = await pendingReports(org.id, subject);
    expect(report).toMatchObject({
      verdict: 'pending',
      source: 'smtp',
      reporter_email: reporter.email,
      reporter_person_id: reporter.id,
      from_address: 'compta@fournisseur-douteux.test',
      recipient_id: null,
    });
    expect(JSON.parse(report?.urls ?? '[]')).toEqual(['https://paiement.douteux.test/facture?id=42']);
    expect(report?.excerpt).toContain('Réglez la facture');
    expect(Number(report?.raw_size)).toBeGreaterThan(inner.length);
    expect(mailsTo(reporter.email)).toHaveLength(0);
  });

  it('treats a forged token as a suspicious email, and an unknown reporter has no organization', async () => {
    const subject = `Lien étrange ${newToken()}`;
    await smtp.sendMail({ from: 'inconnu@ailleurs.test', to: REPORT_ADDRESS, subject, text: `Cliquez : ${BASE}/c/${newToken()}` });
    const rows = await pendingReports(null, subject);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ verdict: 'pending', reporter_person_id: null, from_address: 'inconnu@ailleurs.test' });
  });

  it('refuses mail for any other address', async () => {
    const subject = `Relais ${newToken()}`;
    await expect(smtp.sendMail({ from: 'x@ailleurs.test', to: 'quelquun@rempart.test', subject, text: 'relais ?' })).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(await t.dbh.db.selectFrom('phishing_reports').select('id').where('subject', '=', subject).execute()).toHaveLength(0);
  });

  it('refuses a message over the size limit', async () => {
    const big = Buffer.alloc(REPORT_MAX_BYTES + 1, 'a');
    expect(await processReportedMessage(t.deps, big, 'imap')).toEqual({ kind: 'rejected', reason: 'too_large' });
  });
});
