import { describe, expect, it } from 'vitest';
import { cellNamed, clockOf, entryOf, stimulusAt, timelineOf } from './console-fixtures.js';
import { applyEvent, withJournal, withTimeline } from './live-state.js';

const loaded = () => withTimeline(null, timelineOf());

describe('the console state fed by its stream', () => {
  it('takes a later clock and ignores an older one arriving late', () => {
    const paused = applyEvent(
      loaded(),
      'exercise.paused',
      clockOf({ status: 'paused', pausedAt: '2026-12-01T09:06:00.000Z', at: '2026-12-01T09:06:00.000Z' }),
    );
    expect(paused.clock.status).toBe('paused');
    const stale = applyEvent(paused, 'exercise.running', clockOf({ at: '2026-12-01T09:01:00.000Z' }));
    expect(stale.clock.status).toBe('paused');
  });

  it('marks a delivered stimulus, counts it once per receiving cell, even when replayed', () => {
    const event = { ...stimulusAt('s01', 10), status: 'delivered', deliveredAt: '2026-12-01T09:10:00.000Z', cellIds: ['c1'] };
    const once = applyEvent(loaded(), 'stimulus', event);
    const twice = applyEvent(once, 'stimulus', event);
    const s01 = twice.stimuli.find((s) => s.id === 's01');
    expect(s01?.status).toBe('delivered');
    expect(s01?.cellIds).toEqual(['c1']);
    expect(twice.cells.map((c) => c.received)).toEqual([1, 0]);
  });

  it('adds a stimulus created after the page loaded', () => {
    const state = applyEvent(loaded(), 'stimulus', {
      ...stimulusAt('s09', undefined, { spare: true }),
      status: 'delivered',
      cellIds: ['c2'],
    });
    expect(state.stimuli.map((s) => s.id)).toEqual(['s01', 's02', 's09']);
  });

  it('sets a conditional stimulus aside but never undoes a delivery', () => {
    let state = applyEvent(loaded(), 'stimulus.skipped', { stimulusId: 'id-s01', code: 's01', reason: 'condition' });
    expect(state.stimuli[0]?.status).toBe('skipped');
    state = applyEvent(loaded(), 'stimulus', { ...stimulusAt('s02', 0), status: 'delivered', cellIds: ['c1'] });
    state = applyEvent(state, 'stimulus.skipped', { stimulusId: 'id-s02' });
    expect(state.stimuli[1]?.status).toBe('delivered');
  });

  it('appends a cell write once, updating its counters and last activity, and keeps the animators out of it', () => {
    const reply = entryOf('e1', 'c1', { kind: 'reply', createdAt: '2026-12-01T09:12:00.000Z' });
    let state = applyEvent(loaded(), 'reply.added', reply);
    state = applyEvent(state, 'reply.added', reply);
    state = applyEvent(
      state,
      'chat.added',
      entryOf('e2', 'c1', { kind: 'chat', fromAnimators: true, createdAt: '2026-12-01T09:20:00.000Z' }),
    );
    const c1 = state.cells[0];
    expect([c1?.replies, c1?.messages]).toEqual([1, 1]);
    expect(c1?.lastReplyAt).toBe('2026-12-01T09:12:00.000Z');
    expect(c1?.lastActivityAt).toBe('2026-12-01T09:12:00.000Z');
    expect(state.entries.c1?.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('replaces a task with its update', () => {
    const task = entryOf('t1', 'c2', { kind: 'task', status: 'todo' });
    let state = applyEvent(loaded(), 'task.added', task);
    state = applyEvent(state, 'task.updated', { ...task, status: 'done', updatedAt: '2026-12-01T09:30:00.000Z' });
    expect(state.entries.c2).toHaveLength(1);
    expect(state.entries.c2?.[0]?.status).toBe('done');
  });

  it('ignores unreadable and unknown events', () => {
    const state = loaded();
    expect(applyEvent(state, 'stimulus', null)).toBe(state);
    expect(applyEvent(state, 'something.else', { a: 1 })).toBe(state);
  });

  it('counts each observation note once', () => {
    const note = { id: 'o1', objectiveId: 'obj1', cellId: null, rating: 3, note: null, createdAt: '2026-12-01T09:15:00.000Z' };
    const state = applyEvent(applyEvent(loaded(), 'observation.added', note), 'observation.added', note);
    expect(state.observations).toHaveLength(1);
  });
});

describe('a reload merged with what the stream told', () => {
  it('keeps a delivery the older reload does not know yet, and counters never go down', () => {
    let state = applyEvent(loaded(), 'stimulus', { ...stimulusAt('s01', 10), status: 'delivered', cellIds: ['c1'] });
    state = applyEvent(state, 'logbook.added', entryOf('e1', 'c1'));
    state = withTimeline(state, timelineOf({ now: '2026-12-01T09:04:00.000Z' }));
    expect(state.stimuli[0]?.status).toBe('delivered');
    expect(state.cells[0]?.received).toBe(1);
    expect(state.cells[0]?.logbook).toBe(1);
    expect(state.entries.c1).toHaveLength(1);
  });

  it('takes a newer reload: a cell that joined late appears', () => {
    const state = withTimeline(loaded(), timelineOf({ cells: [cellNamed('c1'), cellNamed('c2'), cellNamed('c3')] }));
    expect(state.cells.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('counts a pause in progress once: the reload states it as of its own time', () => {
    const state = withTimeline(
      null,
      timelineOf({ status: 'paused', pausedAt: '2026-12-01T09:03:00.000Z', pausedMs: 120_000 + 60_000, now: '2026-12-01T09:05:00.000Z' }),
    );
    expect(state.clock.pausedMs).toBe(60_000);
  });

  it('merges a journal with the entries the stream already brought, in time order', () => {
    let state = applyEvent(loaded(), 'logbook.added', entryOf('e2', 'c1', { createdAt: '2026-12-01T09:20:00.000Z' }));
    state = withJournal(state, 'c1', [entryOf('e1', 'c1'), entryOf('e2', 'c1', { createdAt: '2026-12-01T09:20:00.000Z' })]);
    expect(state.entries.c1?.map((e) => e.id)).toEqual(['e1', 'e2']);
  });
});
