import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { pdfText } from '../../../../test/support/pdf-text.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import { clocksOf, dueAt } from './incidents-declaration.js';
import { INCIDENT_DEADLINES_JOB } from './incidents-reminders.js';

const H = 3_600_000;

describe('declaration clocks', () => {
  it('runs 24 h, 72 h and one calendar month from the detection; sent, due or overdue', () => {
    expect(dueAt('final_report', new Date('2026-01-31T10:00:00Z')).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    const clocks = clocksOf(
      '2026-11-29T08:00:00Z',
      { early_warning: null, notification: '2026-11-30T09:00:00Z', final_report: null },
      new Date('2026-11-30T10:00:00Z'),
    );
    expect(clocks).toEqual([
      { step: 'early_warning', dueAt: '2026-11-30T08:00:00.000Z', state: 'overdue', dueInMinutes: -120, sentAt: null },
      { step: 'notification', dueAt: '2026-12-02T08:00:00.000Z', state: 'sent', dueInMinutes: null, sentAt: '2026-11-30T09:00:00Z' },
      { step: 'final_report', dueAt: '2026-12-29T08:00:00.000Z', state: 'due', dueInMinutes: 29 * 24 * 60 - 120, sentAt: null },
    ]);
  });
});

describe('exercises: real incidents and the declaration helper', () => {
  const clock = new FixedClock(new Date('2026-11-29T08:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  it('opens an incident with its crisis cell, whose logbook the opener writes at once; fills and prints the declaration', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const base = `/api/orgs/${org.id}/incidents`;
    const bad = await admin.client.post(base, { title: '', detectedAt: 'hier' });
    expect(bad.statusCode).toBe(400);
    const opened = await admin.client.post(base, {
      title: 'Rançongiciel sur le PACS',
      startedAt: '2026-11-29T07:30:00Z',
      detectedAt: '2026-11-29T07:00:00+00:00',
    });
    expect(opened.statusCode).toBe(201);
    const inc = opened.json();
    expect(inc).toMatchObject({ status: 'running', detectedAt: '2026-11-29T07:00:00.000Z' });
    expect(inc.clocks.map((c: { state: string; dueInMinutes: number }) => [c.state, c.dueInMinutes])).toEqual([
      ['due', 23 * 60],
      ['due', 71 * 60],
      ['due', 30 * 24 * 60 - 60],
    ]);
    const summary = (await admin.client.get(`/api/orgs/${org.id}/exercises/${inc.exerciseId}`)).json();
    expect(summary).toMatchObject({ kind: 'incident', status: 'running' });
    const logbook = await admin.client.post(`/api/me/exercises/${inc.exerciseId}/cells/${inc.cellId}/logbook`, {
      text: 'PACS isolé du réseau',
    });
    expect(logbook.statusCode).toBe(201);

    const unknown = await admin.client.patch(`${base}/${inc.exerciseId}/declaration`, { content: { horoscope: 'x' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('content.horoscope');
    const filled = await admin.client.patch(`${base}/${inc.exerciseId}/declaration`, {
      content: { careImpact: 'Imagerie en mode dégradé, comptes rendus papier' },
      sent: { early_warning: '2026-11-29T07:45:00Z' },
    });
    expect(filled.statusCode).toBe(200);
    expect(filled.json().clocks[0]).toMatchObject({ state: 'sent', sentAt: '2026-11-29T07:45:00.000Z' });
    expect(filled.json().checklist.find((c: { key: string }) => c.key === 'careImpact').value).toContain('Imagerie');
    expect((await auditOf(t, inc.exerciseId)).map((a) => a.action)).toEqual([
      'exercises.incident.opened',
      'exercises.logbook.added',
      'exercises.declaration.updated',
    ]);

    const pdf = await admin.client.get(`${base}/${inc.exerciseId}/declaration.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Rançongiciel sur le PACS');
    expect(text).toContain('Imagerie en mode dégradé, comptes rendus papier');
    expect(text).toContain('Alerte précoce (24 h) – envoyée le');
    expect(text).toContain('Notification (72 h) – à envoyer avant le');

    // Another establishment's admin: 404 on our incident, and 404 when asking under their own organization.
    const otherOrg = await makeOrg(t.dbh.db);
    const other = await orgAdmin(t, otherOrg.id);
    expect((await other.client.get(`${base}/${inc.exerciseId}/declaration`)).statusCode).toBe(404);
    expect((await other.client.get(`/api/orgs/${otherOrg.id}/incidents/${inc.exerciseId}/declaration`)).statusCode).toBe(404);
  });

  it('emails the crisis cell once before each deadline that is not sent', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const inc = (await admin.client.post(`/api/orgs/${org.id}/incidents`, { title: 'Messagerie compromise' })).json();
    const mails = () => t.mailer.sent.filter((m) => m.to === admin.email);
    await t.app.jobs.runOnce(INCIDENT_DEADLINES_JOB);
    expect(mails()).toHaveLength(0);
    clock.advance(19 * H);
    await t.app.jobs.runOnce(INCIDENT_DEADLINES_JOB);
    expect(mails().map((m) => m.subject)).toEqual([expect.stringContaining('Alerte précoce (24 h) – Messagerie compromise')]);
    expect(mails()[0]?.text).toContain(`/exercises/incidents/${inc.exerciseId}`);
    await t.app.jobs.runOnce(INCIDENT_DEADLINES_JOB);
    expect(mails()).toHaveLength(1);
    // The notification was sent early: no reminder for it.
    const again = await clientFor(t, admin.accountId);
    await again.patch(`/api/orgs/${org.id}/incidents/${inc.exerciseId}/declaration`, { sent: { notification: clock.now().toISOString() } });
    clock.advance(40 * H);
    await t.app.jobs.runOnce(INCIDENT_DEADLINES_JOB);
    expect(mails()).toHaveLength(1);
    clock.advance(25 * 24 * H);
    await t.app.jobs.runOnce(INCIDENT_DEADLINES_JOB);
    expect(mails().map((m) => m.subject)[1]).toContain('Rapport final (un mois)');
  });
});
