import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../test/helpers/factories.js';
import { coordinator, orgAdmin } from '../../server/modules/identity/test-kit.js';
import { FixedClock } from '../../server/platform/clock.js';
import { exercisesApi } from './endpoints.js';
import { formFieldOf, fromForm, toForm } from './stimulus-form.js';
import type { ExerciseDetail, ScenarioSummary } from './types.js';

/** The pages against the real API: what the editor sends is what the server stores, and its errors name a form field. */
describe('the exercise editor against the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(new Date('2026-11-29T09:00:00Z')) });
  });
  afterAll(async () => t.close());

  it('round-trips every stimulus of every establishment scenario through the form unchanged', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const scenarios: ScenarioSummary[] = (await admin.client.get('/api/exercises/scenarios')).json().items;
    const own = scenarios.filter((s) => s.scope === 'establishment');
    expect(own.length).toBeGreaterThan(0);
    for (const s of own) {
      const x: ExerciseDetail = (await admin.client.post(`/api/orgs/${org.id}/exercises`, { scenarioId: s.id })).json();
      expect(x.chronogram.length).toBe(s.stimulusCount + s.spareCount);
      for (const stimulus of x.chronogram) {
        const { input, errors } = fromForm(toForm(stimulus));
        expect(errors).toBeNull();
        const res = await admin.client.put(`/api/orgs/${org.id}/exercises/${x.id}/chronogram/stimuli/${stimulus.stimulusId}`, input);
        expect(res.statusCode, `${s.id}/${stimulus.id}: ${res.body}`).toBe(200);
        expect(res.json().stimulus).toMatchObject(input ?? {});
      }
    }
  });

  it('points a server refusal at the field of the form', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const x: ExerciseDetail = (await admin.client.post(`/api/orgs/${org.id}/exercises`, { scenarioId: 'personal-device-malware' })).json();
    const first = x.chronogram[0];
    if (!first) throw new Error('empty chronogram');
    const base = `/api/orgs/${org.id}/exercises/${x.id}/chronogram/stimuli`;
    const cases: Array<[Record<string, string>, string]> = [
      [{ personaId: 'nobody' }, 'personaId'],
      [{ targetCell: 'nowhere' }, 'targetCell'],
      [{ afterCode: 'zz99' }, 'afterCode'],
    ];
    for (const [patch, field] of cases) {
      const { input } = fromForm({ ...toForm(first), code: 'z01', ...patch });
      const res = await admin.client.post(base, input);
      expect(res.statusCode).toBe(400);
      expect(formFieldOf(res.json().error.field)).toBe(field);
    }
    const dup = await admin.client.post(base, fromForm(toForm(first)).input);
    expect(formFieldOf(dup.json().error.field)).toBe('code');
  });

  it('offers the staff of the playing organization in the participant picker, and places one', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const x: ExerciseDetail = (await admin.client.post(`/api/orgs/${org.id}/exercises`, { scenarioId: 'personal-device-malware' })).json();
    const owner = { kind: 'org' as const, id: org.id };
    const res = await admin.client.get(exercisesApi.candidates(owner, x.id, org.id));
    expect(res.statusCode).toBe(200);
    const items: Array<{ accountId: string }> = res.json().items;
    expect(items.map((a) => a.accountId)).toContain(admin.accountId);
    const placed = await admin.client.post(exercisesApi.participants(owner, x.id), {
      accountId: admin.accountId,
      cellId: x.cells[0]?.id ?? null,
      function: 'director',
    });
    expect(placed.statusCode).toBeLessThan(300);
  });

  it('creates a territory exercise from the members the form lists, each with its cell', async () => {
    const lead = await makeOrg(t.dbh.db);
    const member = await makeOrg(t.dbh.db);
    const territory = await makeTerritory(t.dbh.db, { members: [{ orgId: lead.id, lead: true }, { orgId: member.id }] });
    const coord = await coordinator(t, territory.id);
    const members: Array<{ organizationId: string; name: string; isLead: boolean }> = (
      await coord.client.get(`/api/territories/${territory.id}/sharing`)
    ).json().items;
    expect(members.map((m) => [m.organizationId, m.isLead])).toEqual([
      [lead.id, true],
      [member.id, false],
    ]);
    const scenarios: ScenarioSummary[] = (await coord.client.get('/api/exercises/scenarios')).json().items;
    const scenario = scenarios.find((s) => s.scope === 'territory');
    if (!scenario) throw new Error('no territory scenario');
    // The body NewExercisePage sends: the automatic cell leaves scenarioCellId out.
    const res = await coord.client.post(`/api/territories/${territory.id}/exercises`, {
      scenarioId: scenario.id,
      plannedStart: '2026-12-03T08:30:00.000Z',
      cells: members.map((m) => ({ organizationId: m.organizationId })),
    });
    expect(res.statusCode).toBe(201);
    const x: ExerciseDetail = res.json();
    expect(x.plannedStart).toBe('2026-12-03T08:30:00.000Z');
    expect(x.cells.map((c) => c.organizationId).sort()).toEqual([lead.id, member.id].sort());
    expect(x.cells.find((c) => c.organizationId === lead.id)?.scenarioCellId).toBe('lead');
  });
});
