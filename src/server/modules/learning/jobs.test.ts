import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makePerson } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import type { Mailer, MailMessage } from '../../platform/mail/mailer.js';
import type { RoleFamily } from '../identity/domain.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import { formatDay } from './learning-mails.js';

const DAY = 86_400_000;

/** A mail server that can be down; `during` runs while a message is being handed over. */
class FlakyMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  down = false;
  during: ((m: MailMessage) => Promise<void>) | null = null;
  async send(m: MailMessage): Promise<void> {
    await this.during?.(m);
    if (this.down) throw new Error('421 4.3.2 Service not available');
    this.sent.push(m);
  }
  to(email: string): MailMessage[] {
    return this.sent.filter((m) => m.to === email);
  }
}

describe('reminders and escalation to managers', () => {
  let t: TestApp;
  const mailer = new FlakyMailer();
  const clock = new FixedClock(new Date('2026-11-28T09:00:00Z'));
  beforeAll(async () => {
    t = await makeTestApp({ clock, mailer, env: { JOBS: 'false', BASE_URL: 'https://rempart.example.fr' } });
  });
  afterAll(async () => t.close());

  const run = (name: string) => t.app.jobs.runOnce(name, { waitMs: 20_000 });

  async function person(
    orgId: string,
    firstName: string,
    service: string,
    opts: { manager?: boolean; active?: boolean; roleFamily?: RoleFamily } = {},
  ) {
    const p = await makePerson(t.dbh.db, orgId, {
      firstName,
      lastName: 'Test',
      service,
      active: opts.active ?? true,
      ...(opts.roleFamily ? { roleFamily: opts.roleFamily } : {}),
    });
    if (opts.manager) await t.dbh.db.updateTable('people').set({ is_manager: 1 }).where('id', '=', p.id).execute();
    return p;
  }
  const assignment = (personId: string) =>
    t.dbh.db.selectFrom('learning_assignments').selectAll().where('person_id', '=', personId).executeTakeFirstOrThrow();

  it('reminds each learner once near the due date, then tells the service manager once after it', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = (await orgAdmin(t, org.id)).client;
    const manager = await person(org.id, 'Claire', 'Urgences', { manager: true });
    const ines = await person(org.id, 'Inès', 'Urgences');
    const done = await person(org.id, 'Paul', 'Urgences');
    const cardio = await person(org.id, 'Hugo', 'Cardiologie');
    const absentManager = await person(org.id, 'Marc', 'Cardiologie', { manager: true, active: false });
    const res = await admin.post(`/api/orgs/${org.id}/learning/assignments`, {
      moduleIds: ['phishing-health-staff'],
      personIds: [manager.id, ines.id, done.id, cardio.id],
      dueDays: 10,
    });
    expect(res.json()).toEqual({ created: 4, alreadyAssigned: 0 });
    await t.dbh.db
      .updateTable('learning_assignments')
      .set({ status: 'completed', completed_at: clock.now().toISOString() })
      .where('person_id', '=', done.id)
      .execute();
    const dueAt = (await assignment(ines.id)).due_at!;

    expect(await run('learning.reminders')).toEqual({ status: 'ran' });
    expect(mailer.to(ines.email)).toHaveLength(0);

    clock.advance(8 * DAY); // due in two days
    expect(await run('learning.reminders')).toEqual({ status: 'ran' });
    expect(await run('learning.reminders')).toEqual({ status: 'ran' });
    const [reminder, ...more] = mailer.to(ines.email);
    expect(more).toHaveLength(0);
    expect(reminder!.subject).toContain('votre module de 4 minutes');
    expect(reminder!.subject).toContain('your 4-minute module is due');
    expect(reminder!.text).toContain('Bonjour Inès Test');
    expect(reminder!.text).toContain(`avant le ${formatDay(dueAt, 'fr')}`);
    expect(reminder!.text).toContain(`by ${formatDay(dueAt, 'en')}`);
    expect(reminder!.text).toContain('https://rempart.example.fr/learning');
    expect(reminder!.html).toContain('<a href="https://rempart.example.fr/learning">');
    expect(mailer.to(cardio.email)).toHaveLength(1);
    expect(mailer.to(manager.email)).toHaveLength(1);
    expect(mailer.to(done.email)).toHaveLength(0);
    expect((await assignment(ines.id)).reminder_sent_at).toBe(clock.now().toISOString());
    expect((await auditOf(t, ines.id)).map((a) => a.action)).toContain('learning.reminder_sent');

    expect(await run('learning.escalation')).toEqual({ status: 'ran' });
    expect(mailer.to(manager.email)).toHaveLength(1); // the reminder only: nothing is late yet

    clock.advance(3 * DAY); // one day late
    expect(await run('learning.escalation')).toEqual({ status: 'ran' });
    expect(await run('learning.escalation')).toEqual({ status: 'ran' });
    const escalations = mailer.to(manager.email).slice(1);
    expect(escalations).toHaveLength(1);
    const text = escalations[0]!.text;
    expect(text).toContain('Bonjour Claire Test');
    expect(text).toContain(`Inès Test : « Hameçonnage`);
    expect(text).toContain(`prévu pour le ${formatDay(dueAt, 'fr')}`);
    expect(text).toContain(`Inès Test: "Phishing`);
    // Never a score; never the manager about themselves, nor about someone who finished.
    expect(text).not.toMatch(/score|%/i);
    expect(text).not.toContain('Claire Test :');
    expect(text).not.toContain('Paul Test');
    expect(mailer.to(absentManager.email)).toHaveLength(0);
    expect((await assignment(ines.id)).escalated_at).toBe(clock.now().toISOString());
    expect((await assignment(cardio.id)).escalated_at).toBeNull(); // no manager in Cardiologie
    expect((await auditOf(t, manager.id)).map((a) => a.action)).toContain('learning.escalated');
  });

  it('leaves a reminder for the next run when the mail server fails', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = (await orgAdmin(t, org.id)).client;
    const learner = await person(org.id, 'Nora', 'Pharmacie', { roleFamily: 'pharmacy_lab' });
    await admin.post(`/api/orgs/${org.id}/learning/assignments`, {
      moduleIds: ['ransomware-first-hour'],
      personIds: [learner.id],
      dueDays: 1,
    });

    mailer.down = true;
    try {
      const failed = await run('learning.reminders');
      expect(failed.status).toBe('failed');
      expect((await assignment(learner.id)).reminder_sent_at).toBeNull();
      const jobs = (await admin.get(`/api/orgs/${org.id}/learning/jobs`)).json();
      expect(jobs.find((j: { name: string }) => j.name === 'learning.reminders').lastError).toMatch(/Service not available/);
    } finally {
      mailer.down = false;
    }
    expect(await run('learning.reminders')).toEqual({ status: 'ran' });
    expect(mailer.to(learner.email)).toHaveLength(1);
    expect((await assignment(learner.id)).reminder_sent_at).not.toBeNull();
    const jobs = (await admin.get(`/api/orgs/${org.id}/learning/jobs`)).json();
    expect(jobs.find((j: { name: string }) => j.name === 'learning.reminders')).toMatchObject({ lastError: null, running: false });
    expect((await auditOf(t, learner.id)).map((a) => a.action)).toEqual([
      'learning.reminder_sent',
      'learning.reminder_sent_failed',
      'learning.reminder_sent',
    ]);
  });

  it('marks reminders and escalations sent before the email leaves, so a crash cannot send one twice', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = (await orgAdmin(t, org.id)).client;
    const manager = await person(org.id, 'Lucie', 'Radiologie', { manager: true });
    const learner = await person(org.id, 'Yanis', 'Radiologie');
    await admin.post(`/api/orgs/${org.id}/learning/assignments`, {
      moduleIds: ['ransomware-first-hour'],
      personIds: [learner.id],
      dueDays: 1,
    });
    // What another process would read while the mail server holds the message: already marked, committed.
    const seen: Array<{ to: string; reminded: string | null; escalated: string | null }> = [];
    mailer.during = async (m) => {
      if (m.to !== learner.email && m.to !== manager.email) return;
      const a = await assignment(learner.id);
      seen.push({ to: m.to, reminded: a.reminder_sent_at, escalated: a.escalated_at });
    };
    try {
      expect(await run('learning.reminders')).toEqual({ status: 'ran' });
      clock.advance(2 * DAY);
      expect(await run('learning.escalation')).toEqual({ status: 'ran' });
      mailer.during = null;
      const reminded = (await assignment(learner.id)).reminder_sent_at;
      expect(reminded).not.toBeNull();
      expect(seen).toEqual([
        { to: learner.email, reminded, escalated: null },
        { to: manager.email, reminded, escalated: expect.any(String) },
      ]);
      expect(mailer.to(learner.email)).toHaveLength(1);
      expect(mailer.to(manager.email)).toHaveLength(1);

      // A refused escalation takes its mark back; the next run sends it.
      await t.dbh.db.updateTable('learning_assignments').set({ escalated_at: null }).where('person_id', '=', learner.id).execute();
      mailer.down = true;
      try {
        expect((await run('learning.escalation')).status).toBe('failed');
      } finally {
        mailer.down = false;
      }
      expect((await assignment(learner.id)).escalated_at).toBeNull();
      expect(mailer.to(manager.email)).toHaveLength(1);
      expect(await run('learning.escalation')).toEqual({ status: 'ran' });
      expect(mailer.to(manager.email)).toHaveLength(2);
      expect((await assignment(learner.id)).escalated_at).not.toBeNull();
      expect((await auditOf(t, manager.id)).map((a) => a.action)).toEqual([
        'learning.escalated',
        'learning.escalated',
        'learning.escalated_failed',
        'learning.escalated',
      ]);
    } finally {
      mailer.during = null;
      clock.advance(-2 * DAY);
    }
  });
});
