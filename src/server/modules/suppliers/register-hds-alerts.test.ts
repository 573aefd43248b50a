import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { isolatedDb } from '../../../../test/helpers/db.js';
import { makeAccount, makeOrg } from '../../../../test/helpers/factories.js';
import { makeSupplier } from '../../../../test/support/suppliers-register-factory.js';
import { FixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import type { Mailer, MailMessage } from '../../platform/mail/mailer.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import { HDS_ALERT_JOB } from './register-hds-alerts.js';

class FlakyMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  down = false;
  async send(m: MailMessage): Promise<void> {
    if (this.down) throw new Error('421 4.3.2 Service not available');
    this.sent.push(m);
  }
}

describe('HDS certificate expiry alerts', () => {
  let t: TestApp;
  const mailer = new FlakyMailer();
  const clock = new FixedClock(new Date('2026-11-28T09:00:00Z'));
  beforeAll(async () => {
    // The job looks at every organization: a database of its own on PostgreSQL.
    t = await makeTestApp({ dbh: await isolatedDb(), clock, mailer });
  });
  afterAll(async () => t.close());

  async function certificate(supplierId: string, expiresOn: string) {
    const id = newId();
    await t.dbh.db
      .insertInto('supplier_hds_certificates')
      .values({
        id,
        supplier_id: supplierId,
        activities: '[1,2,3]',
        certifying_body: 'Organisme C',
        certificate_number: `HDS-${id.slice(-4)}`,
        issued_on: '2024-01-01',
        expires_on: expiresOn,
        alert_90_sent_at: null,
        alert_30_sent_at: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    return id;
  }
  const run = () => t.app.jobs.runOnce(HDS_ALERT_JOB);
  const cert = (id: string) => t.dbh.db.selectFrom('supplier_hds_certificates').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('alerts the admins 90 and 30 days before expiry, each alert once', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const a1 = await orgAdmin(t, org.id);
    const a2 = await orgAdmin(t, org.id);
    await makeAccount(db, { grants: [{ role: 'manager', scopeKind: 'organization', scopeId: org.id }] });
    const lab = await makeSupplier(db, org.id, { name: 'Biolab' });
    const host = await makeSupplier(db, org.id, { name: 'Hébergeur' });
    const renewed = await makeSupplier(db, org.id, { name: 'Renouvelé' });
    const archived = await makeSupplier(db, org.id, { name: 'Archivé', archived: true });
    const labCert = await certificate(lab.id, '2027-02-15'); // 79 days left
    const hostCert = await certificate(host.id, '2026-12-18'); // 20 days left: the 30-day alert only
    await certificate(renewed.id, '2026-12-10');
    await certificate(renewed.id, '2029-12-10');
    await certificate(archived.id, '2026-12-10');
    await certificate(lab.id, '2026-01-01'); // an old one, replaced

    const inbox = () => mailer.sent.filter((m) => m.to === a1.email || m.to === a2.email);
    expect(await run()).toEqual({ status: 'ran' });
    expect(
      inbox()
        .map((m) => [m.to === a1.email ? 'a1' : 'a2', m.subject.match(/Biolab|Hébergeur/)?.[0]])
        .sort(),
    ).toEqual([
      ['a1', 'Biolab'],
      ['a1', 'Hébergeur'],
      ['a2', 'Biolab'],
      ['a2', 'Hébergeur'],
    ]);
    expect(inbox().find((m) => m.subject.includes('Biolab'))!.text).toMatch(/expire le 15 février 2027/);
    expect(await cert(labCert)).toMatchObject({ alert_90_sent_at: '2026-11-28T09:00:00.000Z', alert_30_sent_at: null });
    expect(await cert(hostCert)).toMatchObject({
      alert_90_sent_at: '2026-11-28T09:00:00.000Z',
      alert_30_sent_at: '2026-11-28T09:00:00.000Z',
    });
    expect((await auditOf(t, lab.id)).map((e) => e.action)).toEqual(['suppliers.hds.expiry_alerted']);

    await run();
    expect(inbox()).toHaveLength(4);

    // 26 days before: the 30-day alert, once; the mail server is down first, so it waits for the next run.
    clock.set(new Date('2027-01-20T09:00:00Z'));
    mailer.down = true;
    expect((await run()).status).toBe('failed');
    expect((await cert(labCert)).alert_30_sent_at).toBeNull();
    mailer.down = false;
    await run();
    await run();
    const late = inbox().slice(4);
    expect(late).toHaveLength(2);
    expect(late[0]!.subject).toMatch(/Biolab.*26 jours/);
    expect((await cert(labCert)).alert_30_sent_at).toBe('2027-01-20T09:00:00.000Z');
    clock.set(new Date('2026-11-28T09:00:00Z'));
  });
});
