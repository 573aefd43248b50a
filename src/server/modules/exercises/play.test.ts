import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from '../../../../test/helpers/app.js';
import { testDb } from '../../../../test/helpers/db.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf } from '../identity/test-kit.js';
import { cellStream, type PlayApp, playApp, signInAgain, sleep, territoryExercise, waitKind } from './play-test-kit.js';

const MIN = 60_000;

describe('exercises: live play (console, timed delivery, pause, restart, reconnection)', () => {
  const clock = new FixedClock(new Date('2026-11-29T09:00:00Z'));
  let p: PlayApp;
  beforeAll(async () => {
    p = await playApp(clock);
  });
  afterAll(async () => p.t.close());

  it('starts for every cell at once; a due stimulus reaches its cell’s stream and not the other cell’s; logs the start', async () => {
    const x = await territoryExercise(p.t);
    const lead = await cellStream(p, x.director.accountId, x.e.id, x.leadCell);
    const member = await cellStream(p, x.nurse.accountId, x.e.id, x.memberCell);
    expect(lead.status).toBe(200);
    const started = await x.coord.client.post(`${x.one}/play/start`);
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ status: 'running', startedAt: clock.now().toISOString(), pausedMs: 0 });
    // s01 (0 min, lead) is due at once: the exercise's timer delivers it without anyone asking.
    const [s01] = await waitKind(lead, 'stimulus');
    expect(JSON.parse(s01?.data ?? '{}')).toMatchObject({ id: 's01', status: 'delivered' });
    expect(JSON.parse(s01?.data ?? '{}').expectedReaction).toBeUndefined();
    await waitKind(member, 'exercise.running');
    await sleep(150);
    expect(member.events.filter((e) => e.event === 'stimulus')).toHaveLength(0);

    clock.advance(5 * MIN);
    expect(await p.play.scheduler.tick()).toBeGreaterThanOrEqual(1);
    const [s02] = await waitKind(member, 'stimulus');
    expect(JSON.parse(s02?.data ?? '{}').id).toBe('s02');
    await sleep(100);
    expect(lead.events.filter((e) => e.event === 'stimulus').map((e) => JSON.parse(e.data).id)).toEqual(['s01']);
    expect((await x.coord.client.post(`${x.one}/play/start`)).json().error.code).toBe('exercise_started');
    expect((await auditOf(p.t, x.e.id)).map((l) => l.action)).toContain('exercises.play.started');
    lead.close();
    member.close();
    await x.coord.client.post(`${x.one}/play/end`);
  });

  it('pauses and resumes: the next due time shifts by the pause, nothing is delivered while paused', async () => {
    const x = await territoryExercise(p.t);
    const t0 = clock.now().getTime();
    await x.coord.client.post(`${x.one}/play/start`);
    clock.advance(2 * MIN);
    expect((await x.coord.client.post(`${x.one}/play/pause`)).json()).toMatchObject({ status: 'paused' });
    expect((await x.coord.client.post(`${x.one}/play/pause`)).json().error.code).toBe('exercise_not_running');
    clock.advance(10 * MIN);
    await p.play.scheduler.tick();
    const paused = (await x.coord.client.get(`${x.one}/play/timeline`)).json();
    const s02 = () => paused.stimuli.find((s: { id: string }) => s.id === 's02');
    expect(s02()).toMatchObject({ status: 'pending', dueAt: new Date(t0 + 15 * MIN).toISOString() });
    expect(paused.pausedMs).toBe(10 * MIN);
    const resumed = await x.coord.client.post(`${x.one}/play/resume`);
    expect(resumed.json()).toMatchObject({ status: 'running', pausedMs: 10 * MIN, pausedAt: null });
    clock.advance(2 * MIN); // 14 min after the start, 4 min of play
    await p.play.scheduler.tick();
    const before = (await x.coord.client.get(`${x.one}/play/timeline`)).json();
    expect(before.stimuli.find((s: { id: string }) => s.id === 's02')).toMatchObject({ status: 'pending' });
    clock.advance(1 * MIN);
    await p.play.scheduler.tick();
    const after = (await x.coord.client.get(`${x.one}/play/timeline`)).json();
    expect(after.stimuli.find((s: { id: string }) => s.id === 's02')).toMatchObject({
      status: 'delivered',
      deliveredAt: new Date(t0 + 15 * MIN).toISOString(),
      cellIds: [x.memberCell],
    });
    expect(after.cells.find((c: { id: string }) => c.id === x.memberCell)).toMatchObject({ received: 1 });
    const ended = await x.coord.client.post(`${x.one}/play/end`);
    expect(ended.json()).toMatchObject({ status: 'ended' });
    expect((await x.coord.client.post(`${x.one}/play/resume`)).json().error.code).toBe('exercise_closed');
    const actions = (await auditOf(p.t, x.e.id)).map((l) => l.action);
    expect(actions).toEqual(expect.arrayContaining(['exercises.play.paused', 'exercises.play.resumed', 'exercises.play.ended']));
  });

  it('a reconnecting client sending Last-Event-ID gets what it missed, once', async () => {
    const x = await territoryExercise(p.t);
    const first = await cellStream(p, x.nurse.accountId, x.e.id, x.memberCell);
    await x.coord.client.post(`${x.one}/play/start`);
    const [running] = await waitKind(first, 'exercise.running');
    first.close();
    clock.advance(15 * MIN);
    await p.play.scheduler.tick(); // s02 and s03 go out while the phone is away
    const again = await cellStream(p, x.nurse.accountId, x.e.id, x.memberCell, running?.id);
    const got = await waitKind(again, 'stimulus', 2);
    expect(got.map((e) => JSON.parse(e.data).id)).toEqual(['s02', 's03']);
    expect(again.events.filter((e) => e.event === 'exercise.running')).toHaveLength(0);
    again.close();
    await x.coord.client.post(`${x.one}/play/end`);
  });
});

describe('exercises: late join and conditional stimuli decided per cell', () => {
  const clock = new FixedClock(new Date('2026-12-02T09:00:00Z'));
  let p: PlayApp;
  beforeAll(async () => {
    p = await playApp(clock);
  });
  afterAll(async () => p.t.close());

  it('a cell joining while running receives what falls due after; s17 (if s10 got no reply) goes only to the cell that did not reply', async () => {
    const x = await territoryExercise(p.t);
    await x.coord.client.post(`${x.one}/play/start`);
    clock.advance(10 * MIN);
    await p.play.scheduler.tick(); // s01 (lead), s02 (member) are out
    const joined = await x.coord.client.post(`${x.one}/cells`, { organizationId: x.late.id });
    expect(joined.statusCode).toBe(201);
    const lateCell = joined.json().cells.find((c: { organizationId: string }) => c.organizationId === x.late.id).id as string;
    clock.advance(70 * MIN); // 80 min: s03…s10
    await p.play.scheduler.tick();
    await signInAgain(p.t, x);
    await x.nurse.client.post(`/api/me/exercises/${x.e.id}/cells/${x.memberCell}/replies`, {
      stimulusId: x.code('s10'),
      text: 'Pris en compte.',
    });
    clock.advance(70 * MIN); // 150 min: s17 falls due
    await p.play.scheduler.tick();
    await signInAgain(p.t, x);
    const timeline = (await x.coord.client.get(`${x.one}/play/timeline`)).json();
    const cellsOf = (c: string) => timeline.stimuli.find((s: { id: string }) => s.id === c).cellIds;
    expect(cellsOf('s02')).toEqual([x.memberCell]);
    expect(cellsOf('s03').sort()).toEqual([x.memberCell, lateCell].sort());
    expect(cellsOf('s17')).toEqual([lateCell]);
    expect(timeline.stimuli.find((s: { id: string }) => s.id === 's17').status).toBe('delivered');
    await x.coord.client.post(`${x.one}/play/end`);
  });
});

describe('exercises: a restart mid-exercise loses nothing', () => {
  it('a new app on the same database re-arms the timer and delivers the next stimulus once, even with two processes', async () => {
    const clock = new FixedClock(new Date('2026-11-30T09:00:00Z'));
    const dbh = await testDb();
    const first = await playApp(clock, dbh);
    const x = await territoryExercise(first.t);
    await x.coord.client.post(`${x.one}/play/start`);
    await first.t.app.close(); // the process stops; the database stays
    clock.advance(5 * MIN);
    const a = await playApp(clock, dbh); // start-up: arms the running exercise, s02 is due
    const b = await playApp(clock, dbh);
    const member = await cellStream(a, x.nurse.accountId, x.e.id, x.memberCell, '0');
    const got = await waitKind(member, 'stimulus');
    expect(JSON.parse(got[0]?.data ?? '{}').id).toBe('s02');
    await Promise.all([a.play.scheduler.tick(), b.play.scheduler.tick(), a.play.scheduler.tick()]);
    await sleep(200);
    expect(member.events.filter((e) => e.event === 'stimulus').map((e) => JSON.parse(e.data).id)).toEqual(['s02']);
    const rows = await dbh.db.selectFrom('exercise_deliveries').select('cell_id').where('exercise_id', '=', x.e.id).execute();
    expect(rows.map((r) => r.cell_id).sort()).toEqual([x.leadCell, x.memberCell].sort()); // s01 → lead, s02 → member
    member.close();
    const coord = await clientFor(a.t, x.coord.accountId); // the first app is gone with its clients
    expect((await coord.post(`${x.one}/play/end`)).json()).toMatchObject({ status: 'ended' });
    await b.t.app.close();
    await a.t.close();
  });
});
