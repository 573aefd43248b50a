import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { isolatedDb } from '../../../../test/helpers/db.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { makeAudit, makeContract, makeGrid, makeSupplier } from '../../../../test/support/suppliers-register-factory.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import { addMonths, todayOf } from './calendar-dates.js';
import { CALENDAR_JOB } from './calendar-job.js';
import { nextDue } from './calendar-schedule.js';

describe('calendar maths', () => {
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-02-29'.replace('29', '28'), 12)).toBe('2028-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-12-31', 6)).toBe('2027-06-30');
  });
  it('counts from the last closed audit, else from the contract start', () => {
    expect(nextDue('2026-01-15', null, 12)).toBe('2027-01-15');
    expect(nextDue('2024-01-15', '2025-06-10', 18)).toBe('2026-12-10');
  });
  it('takes today in Paris time', () => {
    expect(todayOf(new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-29');
    expect(todayOf(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
});

describe('audit calendar', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-11-28T09:00:00Z'));
  beforeAll(async () => {
    // The planning job looks at every organization: a database of its own on PostgreSQL.
    t = await makeTestApp({ dbh: await isolatedDb(), clock });
  });
  afterAll(async () => t.close());

  it('lists next due audits, planned ones as such, and the overdue; plans them once with a reminder', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const admin = await orgAdmin(t, org.id);
    const grid = await makeGrid(db, org.id); // the organization's own: a catalogue row would be every test's
    const lab = await makeSupplier(db, org.id, { name: 'A Biolab' });
    const host = await makeSupplier(db, org.id, { name: 'B Hébergeur' });
    const tma = await makeSupplier(db, org.id, { name: 'C TMA' });
    const gone = await makeSupplier(db, org.id, { name: 'D Archivé', archived: true });
    // Due 2027-01-15; planned from 2027-01-15 − (15 + 30) days = 2026-12-01.
    const upcoming = await makeContract(db, org.id, lab.id, { startsOn: '2026-01-15', audit: { gridId: grid.id } });
    // Last closed 2025-06-10 (a triggered audit closed later does not count): due 2026-06-10, overdue.
    const late = await makeContract(db, org.id, host.id, { startsOn: '2024-01-01', audit: { gridId: grid.id } });
    await makeAudit(db, org.id, host.id, late.id, grid.id, { closedAt: '2025-06-10T08:00:00Z' });
    await makeAudit(db, org.id, host.id, late.id, grid.id, { kind: 'triggered', closedAt: '2026-03-01T08:00:00Z' });
    // An open audit stands for the next one.
    const busy = await makeContract(db, org.id, tma.id, { startsOn: '2025-01-01', audit: { gridId: grid.id, frequencyMonths: 24 } });
    const open = await makeAudit(db, org.id, tma.id, busy.id, grid.id, { status: 'open', dueOn: '2026-12-20' });
    // No audit: the contract ends before the due date, or has no clause, or its provider is archived.
    await makeContract(db, org.id, lab.id, { startsOn: '2026-06-01', endsOn: '2027-01-31', audit: { gridId: grid.id } });
    await makeContract(db, org.id, lab.id, { startsOn: '2026-01-01' });
    await makeContract(db, org.id, gone.id, { startsOn: '2026-01-01', audit: { gridId: grid.id } });

    const url = `/api/orgs/${org.id}/suppliers/calendar`;
    const cal = (await admin.client.get(url)).json();
    expect(cal).toMatchObject({ from: '2026-11-28', to: '2027-11-28', today: '2026-11-28' });
    const brief = (i: { state: string; supplierName: string; dueOn: string; overdue: boolean }) => [
      i.state,
      i.supplierName,
      i.dueOn,
      i.overdue,
    ];
    expect(cal.upcoming.map(brief)).toEqual([
      ['open', 'C TMA', '2026-12-20', false],
      ['due', 'A Biolab', '2027-01-15', false],
    ]);
    expect(cal.upcoming[0]).toMatchObject({ auditId: open.id, contractId: busy.id, frequencyMonths: 24 });
    expect(cal.upcoming[1]).toMatchObject({ planFrom: '2026-12-01', gridId: grid.id, lastClosedOn: null, auditId: null });
    expect(cal.overdue.map(brief)).toEqual([['due', 'B Hébergeur', '2026-06-10', true]]);
    expect(cal.overdue[0].lastClosedOn).toBe('2025-06-10');
    expect((await admin.client.get(`${url}?from=2027-01-16&to=2027-12-31`)).json().upcoming).toEqual([]);
    const bad = await admin.client.get(`${url}?from=2027-01-01&to=2026-01-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('to');
    expect((await admin.client.get(`${url}?from=2027-13-01`)).json().error.field).toBe('querystring.from');

    // The job plans the overdue audit only (the other one is not within notice + 30 days yet).
    expect(await t.app.jobs.runOnce(CALENDAR_JOB)).toEqual({ status: 'ran' });
    const audits = () =>
      db
        .selectFrom('supplier_audits')
        .selectAll()
        .where('organization_id', '=', org.id)
        .where('kind', '=', 'scheduled')
        .where('status', '<>', 'closed')
        .orderBy('due_on')
        .execute();
    let rows = await audits();
    expect(rows.map((r) => [r.contract_id, r.status, r.due_on])).toEqual([
      [late.id, 'planned', '2026-06-10'],
      [busy.id, 'open', '2026-12-20'],
    ]);
    expect(JSON.parse(rows[0]!.grid_snapshot)).toMatchObject({
      titleFr: 'Grille de test',
      definition: { sections: [{ id: 'gouvernance' }] },
    });
    expect(rows[0]).toMatchObject({ grid_id: grid.id, grid_version: 3, title: 'Grille de test – B Hébergeur' });
    expect((await auditOf(t, rows[0]!.id))[0]).toMatchObject({ action: 'suppliers.audit.created', organizationId: org.id });
    const mails = () => t.mailer.sent.filter((m) => m.to === admin.email);
    expect(mails()).toHaveLength(1);
    expect(mails()[0]!.text).toMatch(/B Hébergeur/);
    expect(mails()[0]!.text).toMatch(/10 juin 2026/);

    // Idempotent: a second run changes nothing and sends nothing.
    await t.app.jobs.runOnce(CALENDAR_JOB);
    expect(await audits()).toHaveLength(2);
    expect(mails()).toHaveLength(1);
    const planned = (await admin.client.get(url)).json();
    expect(planned.overdue.map(brief)).toEqual([['planned', 'B Hébergeur', '2026-06-10', true]]);

    // Cancelled, the audit of that due date is not made again; days later the next contract's comes.
    await db.updateTable('supplier_audits').set({ status: 'cancelled' }).where('id', '=', rows[0]!.id).execute();
    clock.set(new Date('2026-12-02T09:00:00Z'));
    await t.app.jobs.runOnce(CALENDAR_JOB);
    rows = await audits();
    expect(rows.map((r) => [r.contract_id, r.status, r.due_on])).toEqual([
      [late.id, 'cancelled', '2026-06-10'],
      [busy.id, 'open', '2026-12-20'],
      [upcoming.id, 'planned', '2027-01-15'],
    ]);
    expect(mails()).toHaveLength(2);
    clock.set(new Date('2026-11-28T09:00:00Z'));
  });

  it('skips a clause whose grid is missing, and plans triggered audits the clause provides for', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const admin = await orgAdmin(t, org.id);
    const archivedGrid = await makeGrid(db, org.id, { archived: true });
    const grid = await makeGrid(db, org.id);
    const s = await makeSupplier(db, org.id, { name: 'Télémaintenance' });
    const orphan = await makeContract(db, org.id, s.id, { reference: 'O', startsOn: '2025-01-01', audit: { gridId: archivedGrid.id } });
    await t.app.jobs.runOnce(CALENDAR_JOB);
    expect(await db.selectFrom('supplier_audits').select('id').where('contract_id', '=', orphan.id).execute()).toEqual([]);

    const c = await makeContract(db, org.id, s.id, {
      reference: 'T',
      startsOn: '2026-01-01',
      audit: { gridId: grid.id, triggers: ['incident', 'breach'], noticeDays: 5 },
    });
    const url = `/api/orgs/${org.id}/suppliers/contracts/${c.id}/triggered-audit`;
    const refused = await admin.client.post(url, { reason: 'subcontractor_change' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'trigger_not_in_clause', field: 'reason' });
    expect((await admin.client.post(url, { reason: 'flood' })).json().error.field).toBe('body.reason');
    const made = await admin.client.post(url, { reason: 'incident', note: 'Rançongiciel chez le prestataire' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      kind: 'triggered',
      status: 'planned',
      dueOn: '2026-12-03',
      triggerReason: 'incident: Rançongiciel chez le prestataire',
    });
    expect((await auditOf(t, made.json().id))[0]?.action).toBe('suppliers.audit.created');
    const cal = (await admin.client.get(`/api/orgs/${org.id}/suppliers/calendar`)).json();
    expect(cal.upcoming.find((i: { auditId: string }) => i.auditId === made.json().id)).toMatchObject({
      kind: 'triggered',
      state: 'planned',
    });
    // The triggered audit does not stand for the periodic one.
    expect(cal.upcoming.find((i: { contractId: string; state: string }) => i.contractId === c.id && i.state === 'due')).toMatchObject({
      dueOn: '2027-01-01',
    });
    // The archived grid: 409 naming the clause's grid.
    const o = await admin.client.post(`/api/orgs/${org.id}/suppliers/contracts/${orphan.id}/triggered-audit`, { reason: 'incident' });
    expect(o.json().error).toMatchObject({ code: 'grid_missing', field: 'auditClause.gridId' });
    const other = await orgAdmin(t, (await makeOrg(db)).id);
    expect((await other.client.post(url, { reason: 'incident' })).statusCode).toBe(404);
  });
});
