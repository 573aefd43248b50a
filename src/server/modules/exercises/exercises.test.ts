import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf, coordinator, orgAdmin } from '../identity/test-kit.js';
import { staffMember } from './exercises-test-kit.js';
import { scenarioLibrary } from './scenario-library.js';

const NOW = new Date('2026-11-29T09:00:00Z');

describe('exercises: library, creation, cells, participants, players’ space', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW) });
  });
  afterAll(async () => t.close());

  it('lists the scenario library with its counts', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const res = await admin.client.get('/api/exercises/scenarios');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; scope: string; stimulusCount: number; spareCount: number }>;
    expect(items.map((i) => i.id).sort()).toEqual(
      scenarioLibrary()
        .map((s) => s.id)
        .sort(),
    );
    expect(items.length).toBeGreaterThanOrEqual(6);
    expect(items.find((i) => i.id === 'ransomware-hospital')).toMatchObject({ scope: 'establishment', stimulusCount: 21, spareCount: 3 });
  });

  it('creates an exercise from each establishment scenario, with its chronogram, objectives and one cell; logs it', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const base = `/api/orgs/${org.id}/exercises`;
    const establishment = scenarioLibrary().filter((s) => s.scope === 'establishment');
    expect(establishment.length).toBeGreaterThanOrEqual(4);
    for (const s of establishment) {
      const res = await admin.client.post(base, { scenarioId: s.id });
      expect(res.statusCode, s.id).toBe(201);
      const e = res.json();
      expect(e).toMatchObject({
        status: 'draft',
        kind: 'exercise',
        scenarioId: s.id,
        scenarioVersion: s.version,
        title: s.title.fr,
        organizationId: org.id,
      });
      expect(e.chronogram).toHaveLength(s.stimuli.length);
      expect(e.chronogram.every((x: { status: string }) => x.status === 'pending')).toBe(true);
      expect(e.objectives.map((o: { id: string }) => o.id)).toEqual(s.objectives.map((o) => o.id));
      expect(e.cells).toHaveLength(1);
      expect(e.cells[0]).toMatchObject({ organizationId: org.id, scenarioCellId: s.cells[0]?.id });
      const log = await auditOf(t, e.id);
      expect(log.map((l) => l.action)).toEqual(['exercises.exercise.created']);
      expect(log[0]?.organizationId).toBe(org.id);
    }
    const list = await admin.client.get(`${base}?pageSize=2`);
    expect(list.json()).toMatchObject({ total: establishment.length, page: 1, pageSize: 2 });
    expect((await admin.client.get(`${base}?status=running`)).json().total).toBe(0);
    expect((await admin.client.get(`${base}?status=later`)).statusCode).toBe(400);

    const wrongScope = await admin.client.post(base, { scenarioId: 'lab-software-provider' });
    expect(wrongScope.statusCode).toBe(400);
    expect(wrongScope.json().error).toMatchObject({ code: 'scenario_scope', field: 'scenarioId' });
    const unknown = await admin.client.post(base, { scenarioId: 'no-such-scenario' });
    expect(unknown.json().error).toMatchObject({ code: 'unknown_scenario', field: 'scenarioId' });
    const incident = await admin.client.post(base, {
      scenarioId: 'ransomware-hospital',
      kind: 'incident',
      title: 'Incident du 29 novembre',
    });
    expect(incident.json()).toMatchObject({ kind: 'incident', title: 'Incident du 29 novembre' });
  });

  it('edits the title and planned start, deletes a draft only, and hides it from another organization', async () => {
    const org = await makeOrg(t.dbh.db);
    const other = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const otherAdmin = await orgAdmin(t, other.id);
    const base = `/api/orgs/${org.id}/exercises`;
    const e = (await admin.client.post(base, { scenarioId: 'phishing-mailbox-takeover' })).json();
    const edited = await admin.client.patch(`${base}/${e.id}`, {
      title: 'Exercice de printemps',
      plannedStart: '2027-03-12T09:30:00+01:00',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Exercice de printemps', plannedStart: '2027-03-12T08:30:00.000Z' });
    expect((await admin.client.patch(`${base}/${e.id}`, { plannedStart: 'demain' })).json().error.field).toBe('body.plannedStart');

    const observer = await makeAccount(t.dbh.db, { grants: [{ role: 'observer', scopeKind: 'organization', scopeId: org.id }] });
    const watching = await clientFor(t, observer.id);
    expect((await watching.get(`${base}/${e.id}`)).statusCode).toBe(200);
    expect((await watching.get(`${base}/${e.id}/chronogram`)).json().items.length).toBeGreaterThan(0);
    expect((await watching.patch(`${base}/${e.id}`, { title: 'Non' })).statusCode).toBe(403);
    const manager = await makeAccount(t.dbh.db, { grants: [{ role: 'manager', scopeKind: 'organization', scopeId: org.id }] });
    expect((await (await clientFor(t, manager.id)).get(base)).statusCode).toBe(403);

    expect((await otherAdmin.client.get(`/api/orgs/${other.id}/exercises/${e.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.client.get(`${base}/${e.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.client.delete(`/api/orgs/${other.id}/exercises/${e.id}`)).statusCode).toBe(404);

    await t.dbh.db.updateTable('exercises').set({ status: 'running', started_at: NOW.toISOString() }).where('id', '=', e.id).execute();
    const running = await admin.client.delete(`${base}/${e.id}`);
    expect(running.statusCode).toBe(409);
    expect(running.json().error.code).toBe('exercise_started');
    await t.dbh.db.updateTable('exercises').set({ status: 'ended' }).where('id', '=', e.id).execute();
    expect((await admin.client.patch(`${base}/${e.id}`, { title: 'Trop tard' })).json().error.code).toBe('exercise_closed');

    const draft = (await admin.client.post(base, { scenarioId: 'phishing-mailbox-takeover' })).json();
    expect((await admin.client.delete(`${base}/${draft.id}`)).statusCode).toBe(204);
    expect((await admin.client.get(`${base}/${draft.id}`)).statusCode).toBe(404);
    expect((await t.dbh.db.selectFrom('exercise_stimuli').select('id').where('exercise_id', '=', draft.id).execute()).length).toBe(0);
    expect((await auditOf(t, draft.id)).map((l) => l.action)).toEqual(['exercises.exercise.created', 'exercises.exercise.deleted']);
  });

  it('plays a territory scenario with a cell per chosen member; refuses a non-member; late join while running', async () => {
    const db = t.dbh.db;
    const lead = await makeOrg(db);
    const member = await makeOrg(db);
    const late = await makeOrg(db);
    const outsider = await makeOrg(db);
    const territory = await makeTerritory(db, { members: [{ orgId: lead.id, lead: true }, { orgId: member.id }, { orgId: late.id }] });
    const coord = await coordinator(t, territory.id);
    const base = `/api/territories/${territory.id}/exercises`;
    for (const s of scenarioLibrary().filter((x) => x.scope === 'territory')) {
      const res = await coord.client.post(base, { scenarioId: s.id, cells: [{ organizationId: lead.id }, { organizationId: member.id }] });
      expect(res.statusCode, s.id).toBe(201);
      const e = res.json();
      expect(e).toMatchObject({ territoryId: territory.id, organizationId: null });
      expect(e.chronogram).toHaveLength(s.stimuli.length);
      expect(e.cells.map((c: { organizationId: string; scenarioCellId: string }) => [c.organizationId, c.scenarioCellId])).toEqual([
        [lead.id, 'lead'],
        [member.id, 'member'],
      ]);
      expect((await auditOf(t, e.id))[0]?.territoryId).toBe(territory.id);
    }
    const foreign = await coord.client.post(base, {
      scenarioId: 'lab-software-provider',
      cells: [{ organizationId: lead.id }, { organizationId: outsider.id }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({ code: 'not_a_member', field: 'cells.1.organizationId' });
    expect((await coord.client.post(base, { scenarioId: 'lab-software-provider' })).json().error.field).toBe('cells');
    expect(
      (await coord.client.post(base, { scenarioId: 'ransomware-hospital', cells: [{ organizationId: lead.id }] })).json().error.field,
    ).toBe('scenarioId');

    const e = (await coord.client.post(base, { scenarioId: 'lab-software-provider', cells: [{ organizationId: lead.id }] })).json();
    const one = `${base}/${e.id}`;
    const added = await coord.client.post(`${one}/cells`, { organizationId: member.id });
    expect(added.statusCode).toBe(201);
    expect((await coord.client.post(`${one}/cells`, { organizationId: member.id })).statusCode).toBe(409);
    expect((await coord.client.post(`${one}/cells`, { organizationId: outsider.id })).json().error).toMatchObject({
      code: 'not_a_member',
      field: 'organizationId',
    });
    const memberCell = added.json().cells.find((c: { organizationId: string }) => c.organizationId === member.id);
    const removed = await coord.client.delete(`${one}/cells/${memberCell.id}`);
    expect(removed.json().cells).toHaveLength(1);

    await db.updateTable('exercises').set({ status: 'running' }).where('id', '=', e.id).execute();
    const joined = await coord.client.post(`${one}/cells`, { organizationId: late.id });
    expect(joined.statusCode).toBe(201);
    const lateCell = joined.json().cells.find((c: { organizationId: string }) => c.organizationId === late.id);
    expect(lateCell.joinedAt).toBe(NOW.toISOString());
    expect((await coord.client.delete(`${one}/cells/${lateCell.id}`)).json().error.code).toBe('exercise_started');
    expect((await auditOf(t, e.id)).map((l) => l.action)).toEqual([
      'exercises.exercise.created',
      'exercises.cell.added',
      'exercises.cell.removed',
      'exercises.cell.added',
    ]);
  });

  it('places accounts in cells or as animators and observers; refuses another organization’s account; lists them in the players’ space', async () => {
    const db = t.dbh.db;
    const lead = await makeOrg(db);
    const member = await makeOrg(db);
    const territory = await makeTerritory(db, { members: [{ orgId: lead.id, lead: true }, { orgId: member.id }] });
    const coord = await coordinator(t, territory.id);
    const base = `/api/territories/${territory.id}/exercises`;
    const e = (
      await coord.client.post(base, {
        scenarioId: 'data-theft-extortion',
        cells: [{ organizationId: lead.id }, { organizationId: member.id }],
      })
    ).json();
    const [leadCell, memberCell] = e.cells;
    const one = `${base}/${e.id}`;
    const director = await staffMember(t, lead.id);
    const nurse = await staffMember(t, member.id);

    const ok = await coord.client.post(`${one}/participants`, { accountId: director.accountId, cellId: leadCell.id, function: 'director' });
    expect(ok.statusCode).toBe(201);
    const wrongOrg = await coord.client.post(`${one}/participants`, {
      accountId: nurse.accountId,
      cellId: leadCell.id,
      function: 'medical_lead',
    });
    expect(wrongOrg.statusCode).toBe(400);
    expect(wrongOrg.json().error).toMatchObject({ code: 'foreign_account', field: 'accountId' });
    expect(
      (await coord.client.post(`${one}/participants`, { accountId: nurse.accountId, function: 'medical_lead' })).json().error.field,
    ).toBe('cellId');
    expect(
      (await coord.client.post(`${one}/participants`, { accountId: nurse.accountId, cellId: memberCell.id, function: 'surgeon' })).json()
        .error.field,
    ).toBe('body.function');
    await coord.client.post(`${one}/participants`, { accountId: nurse.accountId, cellId: memberCell.id, function: 'medical_lead' });
    const animator = await coord.client.post(`${one}/participants`, { accountId: coord.accountId, function: 'animator' });
    expect(animator.statusCode).toBe(201);
    expect(
      (await coord.client.post(`${one}/participants`, { accountId: director.accountId, cellId: leadCell.id, function: 'dpo' })).statusCode,
    ).toBe(409);
    expect(animator.json().participants.map((p: { function: string }) => p.function)).toEqual(['director', 'medical_lead', 'animator']);

    const mine = await director.client.get('/api/me/exercises');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual([
      expect.objectContaining({
        id: e.id,
        status: 'draft',
        function: 'director',
        cell: { id: leadCell.id, name: leadCell.name, organizationId: lead.id },
      }),
    ]);
    expect((await coord.client.get('/api/me/exercises')).json().items[0]).toMatchObject({ id: e.id, function: 'animator', cell: null });

    const nurseRow = animator.json().participants.find((p: { accountId: string }) => p.accountId === nurse.accountId);
    const gone = await coord.client.delete(`${one}/participants/${nurseRow.id}`);
    expect(gone.json().participants).toHaveLength(2);
    expect((await nurse.client.get('/api/me/exercises')).json().items).toEqual([]);
  });
});
