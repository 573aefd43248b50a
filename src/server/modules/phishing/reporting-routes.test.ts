import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { orgAdmin } from '../identity/test-kit.js';
import { processReportedMessage } from './reporting/intake.js';
import { newToken } from './tokens.js';

const clock = new FixedClock(new Date('2026-12-02T08:00:00Z'));

function rawMail(from: string, subject: string, text: string): Buffer {
  return Buffer.from(
    `From: ${from}\r\nTo: signalement@rempart.localhost\r\nSubject: ${subject}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}\r\n`,
  );
}

describe('phishing report triage', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  async function reported(orgId: string, opts: { english?: boolean } = {}) {
    const person = await makePerson(t.dbh.db, orgId);
    if (opts.english) {
      const a = await makeAccount(t.dbh.db, { personId: person.id });
      await t.dbh.db.updateTable('accounts').set({ locale: 'en' }).where('id', '=', a.id).execute();
    }
    const subject = `Colis en attente ${newToken()}`;
    const result = await processReportedMessage(
      t.deps,
      rawMail(person.email, subject, 'Payez 1,99 € ici : https://colis.douteux.test/p'),
      'smtp',
    );
    if (result.kind !== 'triage') throw new Error('expected a report to triage');
    return { id: result.reportId, person, subject };
  }

  it('lists the pending reports of the organization, filtered by verdict and paged', async () => {
    const org = await makeOrg(t.dbh.db);
    const first = await reported(org.id);
    clock.advance(1000);
    const second = await reported(org.id);
    await reported((await makeOrg(t.dbh.db)).id);
    const admin = await orgAdmin(t, org.id);
    const res = await admin.client.get(`/api/orgs/${org.id}/phishing/reports?verdict=pending&pageSize=1`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(body.items[0]).toMatchObject({
      id: second.id,
      verdict: 'pending',
      reporterEmail: second.person.email,
      urls: ['https://colis.douteux.test/p'],
      fromAddress: second.person.email,
    });
    const page2 = (await admin.client.get(`/api/orgs/${org.id}/phishing/reports?page=2&pageSize=1`)).json();
    expect(page2.items.map((r: { id: string }) => r.id)).toEqual([first.id]);
    expect((await admin.client.get(`/api/orgs/${org.id}/phishing/reports?verdict=spam`)).json().total).toBe(0);
    const bad = await admin.client.get(`/api/orgs/${org.id}/phishing/reports?verdict=maybe`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('verdict');
  });

  it('records a verdict with its note, audits it and answers the reporter in their language', async () => {
    const org = await makeOrg(t.dbh.db);
    const report = await reported(org.id, { english: true });
    const admin = await orgAdmin(t, org.id);
    const res = await admin.client.put(`/api/orgs/${org.id}/phishing/reports/${report.id}`, {
      verdict: 'phishing',
      note: 'Campagne connue',
      sendFeedback: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ verdict: 'phishing', note: 'Campagne connue', decidedAt: clock.now().toISOString() });
    expect(res.json().feedbackSentAt).not.toBeNull();
    const mails = t.mailer.sent.filter((m) => m.to === report.person.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(`Your report: ${report.subject}`);
    expect(mails[0]?.text).toContain('phishing attempt');
    const audit = await t.dbh.db
      .selectFrom('audit_log')
      .select(['action', 'organization_id'])
      .where('entity_id', '=', report.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['phishing.report.receive', 'phishing.report.decide']);

    const quiet = await reported(org.id);
    const spam = await admin.client.put(`/api/orgs/${org.id}/phishing/reports/${quiet.id}`, { verdict: 'spam' });
    expect(spam.json()).toMatchObject({ verdict: 'spam', feedbackSentAt: null });
    expect(t.mailer.sent.filter((m) => m.to === quiet.person.email)).toHaveLength(0);
  });

  it('rejects an unknown verdict naming the field, and hides other tenants reports', async () => {
    const org = await makeOrg(t.dbh.db);
    const other = await makeOrg(t.dbh.db);
    const report = await reported(org.id);
    const admin = await orgAdmin(t, org.id);
    const bad = await admin.client.put(`/api/orgs/${org.id}/phishing/reports/${report.id}`, { verdict: 'simulation' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.verdict');

    const intruder = await orgAdmin(t, other.id);
    const res = await intruder.client.put(`/api/orgs/${other.id}/phishing/reports/${report.id}`, { verdict: 'legitimate' });
    expect(res.statusCode).toBe(404);
    expect((await intruder.client.get(`/api/orgs/${org.id}/phishing/reports`)).statusCode).toBe(404);
    const row = await t.dbh.db.selectFrom('phishing_reports').select('verdict').where('id', '=', report.id).executeTakeFirstOrThrow();
    expect(row.verdict).toBe('pending');
  });
});
