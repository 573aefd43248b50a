import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { isolatedDb } from '../../../../test/helpers/db.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { orgAdmin } from '../identity/test-kit.js';
import { ACTION_REMINDERS_JOB, reminderStage } from './reminders.js';

describe('reminder stages', () => {
  it('reminds 7 days before and on the due date, once each, never about the distant past', () => {
    expect(reminderStage('2026-12-10', '2026-12-02', null)).toBeNull();
    expect(reminderStage('2026-12-10', '2026-12-03', null)).toBe('soon');
    expect(reminderStage('2026-12-10', '2026-12-05', '2026-12-03')).toBeNull();
    expect(reminderStage('2026-12-10', '2026-12-10', '2026-12-03')).toBe('due');
    expect(reminderStage('2026-12-10', '2026-12-11', '2026-12-10')).toBeNull();
    // The job missed the day: the due reminder still goes, within a week.
    expect(reminderStage('2026-12-10', '2026-12-12', '2026-12-03')).toBe('due');
    expect(reminderStage('2026-12-10', '2026-12-20', null)).toBeNull();
    // A reminder sent before the date moved later does not count for the new date.
    expect(reminderStage('2026-12-20', '2026-12-13', '2026-12-03')).toBe('soon');
  });
});

describe('action reminders job', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-12-03T08:00:00Z'));
  beforeAll(async () => {
    // The job looks at every organization: a database of its own on PostgreSQL.
    t = await makeTestApp({ dbh: await isolatedDb(), clock });
  });
  afterAll(async () => t.close());

  it('emails the owner account 7 days before and on the due date, once each', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const base = `/api/orgs/${org.id}/actions`;
    const due = (
      await admin.client.post(base, { title: 'Former les secrétaires', dueOn: '2026-12-10', ownerAccountId: admin.accountId })
    ).json();
    await admin.client.post(base, { title: 'Sans responsable', dueOn: '2026-12-10', ownerName: 'Accueil' });
    await admin.client.post(base, { title: 'Déjà faite', dueOn: '2026-12-10', ownerAccountId: admin.accountId, status: 'done' });
    await admin.client.post(base, { title: 'Plus tard', dueOn: '2027-01-10', ownerAccountId: admin.accountId });
    const mails = () => t.mailer.sent.filter((m) => m.to === admin.email);

    expect(await t.app.jobs.runOnce(ACTION_REMINDERS_JOB)).toEqual({ status: 'ran' });
    expect(mails().map((m) => m.subject)).toEqual([expect.stringContaining('Former les secrétaires')]);
    expect(mails()[0]?.text).toContain(`/actions/${due.id}`);
    expect(mails()[0]?.text).toContain('dans 7 jours');

    clock.set(new Date('2026-12-06T08:00:00Z'));
    await t.app.jobs.runOnce(ACTION_REMINDERS_JOB);
    expect(mails()).toHaveLength(1);

    clock.set(new Date('2026-12-10T07:00:00Z'));
    await t.app.jobs.runOnce(ACTION_REMINDERS_JOB);
    expect(mails()).toHaveLength(2);
    expect(mails()[1]?.subject).toContain('aujourd’hui');
    await t.app.jobs.runOnce(ACTION_REMINDERS_JOB);
    expect(mails()).toHaveLength(2);
  });
});
