import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { auditOf, coordinator, orgAdmin } from '../identity/test-kit.js';
import { mentoringTerritory, staffAccount } from './mentoring-test-kit.js';

describe('mentoring plans: goals, sessions, end', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  async function paired() {
    const g = await mentoringTerritory(t);
    const mentor = await g.offer(g.chu.id, 1);
    const pairing = (await g.pair(mentor.mentorId, g.ch.id)).json();
    return { ...g, mentor, pairing, plan: `${g.base}/pairings/${pairing.id}`, mentee: await g.chAdmin() };
  }

  it('lets the mentor and the mentee admins write the plan, the coordinator read it', async () => {
    const p = await paired();
    const goal = await p.mentor.client.post(`${p.plan}/goals`, { text: 'Tester la restauration des sauvegardes' });
    expect(goal.statusCode).toBe(201);
    expect(goal.json()).toMatchObject({ text: 'Tester la restauration des sauvegardes', status: 'planned' });
    const moved = await p.mentee.client.patch(`${p.plan}/goals/${goal.json().id}`, { status: 'in_progress' });
    expect(moved.json()).toMatchObject({ status: 'in_progress', text: 'Tester la restauration des sauvegardes' });
    const session = await p.mentee.client.post(`${p.plan}/sessions`, {
      heldOn: '2026-11-20',
      durationMinutes: 90,
      notes: 'Revue du plan de continuité',
      nextSteps: 'Exercice de restauration en décembre',
    });
    expect(session.statusCode).toBe(201);
    const edited = await p.mentor.client.patch(`${p.plan}/sessions/${session.json().id}`, { durationMinutes: 75 });
    expect(edited.json()).toMatchObject({ heldOn: '2026-11-20', durationMinutes: 75, notes: 'Revue du plan de continuité' });

    const read = await p.coord.client.get(p.plan);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      mentee: { id: p.ch.id },
      canWrite: false,
      goals: [{ status: 'in_progress' }],
      sessions: [{ durationMinutes: 75, nextSteps: 'Exercice de restauration en décembre' }],
    });
    expect((await p.mentor.client.get(p.plan)).json().canWrite).toBe(true);
    const refused = await p.coord.client.post(`${p.plan}/goals`, { text: 'Objectif imposé' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('plan_read_only');

    // The mentee's own page and the mentor's list show the same plan.
    const mine = (await p.mentee.client.get(`/api/orgs/${p.ch.id}/mentoring`)).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: p.pairing.id, canWrite: true, goals: [{ text: 'Tester la restauration des sauvegardes' }] });
    expect((await p.mentor.client.get('/api/mentoring/mine')).json().items.map((x: { id: string }) => x.id)).toEqual([p.pairing.id]);

    const audit = await auditOf(t, goal.json().id);
    expect(audit.map((a) => a.action)).toEqual(['mentoring.goal_added', 'mentoring.goal_updated']);
    expect(audit[1]).toMatchObject({
      organizationId: p.ch.id,
      territoryId: p.territory.id,
      before: { status: 'planned' },
      after: { status: 'in_progress' },
    });
    expect((await auditOf(t, session.json().id)).map((a) => a.action)).toEqual(['mentoring.session_added', 'mentoring.session_updated']);
  });

  it('hides the plan from everyone else (404)', async () => {
    const p = await paired();
    const strangerOrg = await makeOrg(t.dbh.db);
    const outsiders = [
      await orgAdmin(t, strangerOrg.id),
      await orgAdmin(t, p.practice.id),
      await staffAccount(t, p.ch.id),
      await staffAccount(t, p.chu.id),
      await coordinator(t, (await makeTerritory(t.dbh.db)).id),
    ];
    for (const o of outsiders) {
      expect((await o.client.get(p.plan)).statusCode).toBe(404);
      expect((await o.client.post(`${p.plan}/goals`, { text: 'x' })).statusCode).toBe(404);
      expect((await o.client.post(`${p.plan}/end`, {})).statusCode).toBe(404);
    }
    // The same pairing through another territory's path is not found either.
    const other = await makeTerritory(t.dbh.db, { members: [{ orgId: p.ch.id, lead: true }] });
    expect((await p.mentor.client.get(`/api/territories/${other.id}/mentoring/pairings/${p.pairing.id}`)).statusCode).toBe(404);
    expect((await (await orgAdmin(t, strangerOrg.id)).client.get(`/api/orgs/${p.ch.id}/mentoring`)).statusCode).toBe(404);
  });

  it('ends a pairing: the plan becomes history and the mentor free again', async () => {
    const p = await paired();
    expect((await p.pair(p.mentor.mentorId, p.practice.id)).json().error.code).toBe('mentor_full');
    const ended = await p.mentee.client.post(`${p.plan}/end`, { note: 'Objectifs atteints' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ endNote: 'Objectifs atteints', endedAt: expect.any(String) });
    expect((await auditOf(t, p.pairing.id)).map((a) => a.action)).toEqual(['mentoring.pairing_created', 'mentoring.pairing_ended']);
    const late = await p.mentor.client.post(`${p.plan}/goals`, { text: 'Encore un objectif' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('pairing_ended');
    expect((await p.mentee.client.post(`${p.plan}/end`, {})).json().error.code).toBe('pairing_ended');
    expect((await p.mentor.client.get(p.plan)).json()).toMatchObject({ canWrite: false, endNote: 'Objectifs atteints' });
    expect((await p.coord.client.get(`${p.base}/pairings`)).json().items).toEqual([]);
    expect((await p.coord.client.get(`${p.base}/pairings?state=ended`)).json().items).toHaveLength(1);
    // Capacity is free again, and the same couple may start over.
    expect((await p.pair(p.mentor.mentorId, p.ch.id)).statusCode).toBe(201);
  });

  it('lets the coordinator end a pairing it made', async () => {
    const p = await paired();
    expect((await p.coord.client.post(`${p.plan}/end`, {})).json()).toMatchObject({ endedAt: expect.any(String), endNote: null });
  });

  it('names the field of bad input', async () => {
    const p = await paired();
    const cases: Array<[string, unknown, RegExp]> = [
      ['sessions', { heldOn: '2026-02-30', durationMinutes: 60 }, /heldOn/],
      ['sessions', { heldOn: '20-11-2026', durationMinutes: 60 }, /heldOn/],
      ['sessions', { heldOn: '2026-11-20', durationMinutes: 0 }, /durationMinutes/],
      ['sessions', { heldOn: '2026-11-20', durationMinutes: 60, notes: 'a\u0000b' }, /notes/],
      ['goals', { text: '   ' }, /text/],
      ['goals', { text: 'Objectif', status: 'done' }, /status/],
    ];
    for (const [what, body, field] of cases) {
      const res = await p.mentor.client.post(`${p.plan}/${what}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field, JSON.stringify(body)).toMatch(field);
    }
    expect((await p.mentor.client.patch(`${p.plan}/goals/nope`, { status: 'reached' })).statusCode).toBe(404);
    expect((await p.mentor.client.get(p.plan)).json()).toMatchObject({ goals: [], sessions: [] });
  });
});
