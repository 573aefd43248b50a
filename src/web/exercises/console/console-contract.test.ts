import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlayApp, playApp, streamAt, territoryExercise, waitKind } from '../../../server/modules/exercises/play-test-kit.js';
import { FixedClock } from '../../../server/platform/clock.js';
import type { SseConnection } from '../../../server/platform/live/sse-client.js';
import { toObservationBody } from '../observe/grid.js';
import { type Grid, observeApi } from '../observe/observe-api.js';
import type { Owner } from '../types.js';
import { type Clock, consoleApi, type Entry, type Timeline } from './console-api.js';
import { applyEvent, type ConsoleState, withJournal, withTimeline } from './live-state.js';
import { timelineSections } from './timeline-view.js';

const MIN = 60_000;

/** The console's state built from the real stream agrees with what a fresh load of the API says. */
describe('the animation console against the live API', () => {
  const clock = new FixedClock(new Date('2026-11-29T09:00:00Z'));
  let p: PlayApp;
  beforeAll(async () => {
    p = await playApp(clock);
  });
  afterAll(async () => p.t.close());

  it('follows a territory exercise from the stream alone: clock, deliveries, writes, chat, observations', async () => {
    const x = await territoryExercise(p.t);
    const owner: Owner = { kind: 'territory', id: x.territory.id };
    const id = x.e.id as string;
    const stream: SseConnection = await streamAt(p, x.coord.accountId, consoleApi.stream(owner, id));
    expect(stream.status).toBe(200);
    const load = async (): Promise<Timeline> => (await x.coord.client.get(consoleApi.timeline(owner, id))).json();
    let state: ConsoleState = withTimeline(null, await load());
    let applied = 0;
    const drain = () => {
      for (const e of stream.events.slice(applied)) state = applyEvent(state, e.event, JSON.parse(e.data));
      applied = stream.events.length;
    };

    const started = await x.coord.client.post(consoleApi.clock(owner, id, 'start'));
    expect(started.statusCode).toBe(200);
    state = applyEvent(state, `exercise.${(started.json() as Clock).status}`, started.json());
    await waitKind(stream, 'stimulus');
    clock.advance(5 * MIN);
    await p.play.scheduler.tick();
    await waitKind(stream, 'stimulus', 2);

    const s03 = x.code('s03');
    const sent = await x.coord.client.post(consoleApi.send(owner, id, s03), { cellIds: [x.memberCell] });
    expect(sent.statusCode).toBe(200);
    const logbook = await x.nurse.client.post(`/api/me/exercises/${id}/cells/${x.memberCell}/logbook`, { text: 'Analyseurs isolés' });
    expect(logbook.statusCode).toBe(201);
    const chat = await x.coord.client.post(consoleApi.message(owner, id, x.memberCell), { text: 'Bien reçu, tenez-nous informés' });
    expect(chat.statusCode).toBe(201);
    const objectiveId = x.e.objectives[0].id as string;
    const observed = await x.coord.client.post(
      observeApi.grid(id, owner),
      toObservationBody(objectiveId, { note: '', rating: '3', cellId: '' }),
    );
    expect(observed.statusCode).toBe(201);
    expect((observed.json() as Grid).objectives.find((o) => o.id === objectiveId)?.rating).toBe(3);
    clock.advance(1 * MIN);
    const paused = await x.coord.client.post(consoleApi.clock(owner, id, 'pause'));
    expect(paused.statusCode).toBe(200);
    await waitKind(stream, 'exercise.paused');
    drain();

    // The same picture from a fresh load, the journals included.
    const fresh = await load();
    let reloaded = withTimeline(null, fresh);
    for (const c of fresh.cells) {
      const { items } = (await x.coord.client.get(consoleApi.journal(owner, id, c.id))).json() as { items: Entry[] };
      reloaded = withJournal(reloaded, c.id, items);
    }
    const brief = (s: ConsoleState) => ({
      status: s.clock.status,
      pausedAt: s.clock.pausedAt,
      stimuli: s.stimuli.map((x) => [x.id, x.status, [...x.cellIds].sort()]),
      cells: s.cells.map((c) => [c.id, c.received, c.logbook, c.messages, c.lastActivityAt]),
      entries: Object.fromEntries(Object.entries(s.entries).map(([k, v]) => [k, v.map((e) => [e.kind, e.text, e.fromAnimators])])),
    });
    expect(brief(state)).toEqual({ ...brief(reloaded), entries: brief(state).entries });
    expect(brief(state).entries[x.memberCell]).toEqual([
      ['logbook', 'Analyseurs isolés', false],
      ['chat', 'Bien reçu, tenez-nous informés', true],
    ]);
    expect(brief(reloaded).entries[x.memberCell]).toEqual(brief(state).entries[x.memberCell]);
    expect(state.observations).toHaveLength(1);
    expect(state.stimuli.filter((s) => s.status === 'delivered').map((s) => s.id)).toEqual(['s01', 's02', 's03']);

    // Folding the reload into the live state changes nothing: the merge is idempotent.
    expect(brief(withTimeline(state, fresh))).toEqual(brief(state));
    // While paused the next due time keeps moving: s04 (25 min) is due 25 + the pause so far.
    const now = Date.parse(fresh.now);
    const { next, rows } = timelineSections(state.stimuli, state.clock, now + 10 * MIN);
    expect(next).toBe(x.code('s04'));
    const s04 = rows.find((r) => r.stimulus.id === 's04');
    expect(s04?.atMs).toBe(Date.parse('2026-11-29T09:00:00Z') + 25 * MIN + 10 * MIN);
    stream.close();
    await x.coord.client.post(consoleApi.clock(owner, id, 'end'));
  });

  it('answers a manager the console and a placed observer the grid through the paths the pages use', async () => {
    const x = await territoryExercise(p.t);
    const owner: Owner = { kind: 'territory', id: x.territory.id };
    const id = x.e.id as string;
    expect((await x.coord.client.get(observeApi.grid(id, owner))).statusCode).toBe(200);
    // A player is not an observer: the placement route refuses the grid.
    expect((await x.nurse.client.get(observeApi.grid(id))).statusCode).toBe(404);
    expect((await x.nurse.client.get(consoleApi.timeline(owner, id))).statusCode).toBeGreaterThanOrEqual(403);
  });
});
