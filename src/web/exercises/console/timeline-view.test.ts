import { describe, expect, it } from 'vitest';
import { clockOf, stimulusAt } from './console-fixtures.js';
import { dueAtMs, dueLabel, playedMinutes, timelineSections } from './timeline-view.js';

const at = (hhmm: string) => Date.parse(`2026-12-01T${hhmm}:00.000Z`);

describe('due times on the console', () => {
  it('adds the offset and every pause to the start, the pause in progress included', () => {
    expect(dueAtMs(15, clockOf(), at('09:05'))).toBe(at('09:15'));
    expect(dueAtMs(15, clockOf({ pausedMs: 120_000 }), at('09:05'))).toBe(at('09:17'));
    const paused = clockOf({ status: 'paused', pausedAt: '2026-12-01T09:10:00.000Z' });
    expect(dueAtMs(15, paused, at('09:14'))).toBe(at('09:19'));
  });

  it('has none for a spare or before the start', () => {
    expect(dueAtMs(null, clockOf(), at('09:05'))).toBeNull();
    expect(dueAtMs(15, clockOf({ status: 'draft', startedAt: null }), at('09:05'))).toBeNull();
  });

  it('counts played time without the pauses, frozen at the end', () => {
    expect(playedMinutes(clockOf({ pausedMs: 300_000 }), at('09:30'))).toBe(25);
    expect(playedMinutes(clockOf({ endedAt: '2026-12-01T09:40:00.000Z' }), at('11:00'))).toBe(40);
    expect(playedMinutes(clockOf({ startedAt: null }), at('09:30'))).toBeNull();
  });
});

describe('the timeline and the spares', () => {
  const stimuli = [
    stimulusAt('s01', 30),
    stimulusAt('s02', 0, { status: 'delivered', deliveredAt: '2026-12-01T09:00:00.000Z' }),
    stimulusAt('s03', undefined, { spare: true }),
    stimulusAt('s04', undefined, { spare: true, status: 'delivered', deliveredAt: '2026-12-01T09:12:00.000Z' }),
    stimulusAt('s05', 20),
    stimulusAt('s06', undefined, { spare: true, status: 'skipped' }),
  ];

  it('orders the timeline by when each stimulus went or will go out; a played spare joins it', () => {
    const { rows, spares, next } = timelineSections(stimuli, clockOf(), at('09:15'));
    expect(rows.map((r) => r.stimulus.id)).toEqual(['s02', 's04', 's05', 's01']);
    expect(spares.map((s) => s.id)).toEqual(['s03', 's06']);
    expect(next).toBe('id-s05');
    expect(rows.map((r) => r.inMinutes)).toEqual([null, null, 5, 15]);
  });

  it('orders by offset before the start', () => {
    const { rows } = timelineSections(
      [stimulusAt('s01', 30), stimulusAt('s02', 5)],
      clockOf({ status: 'draft', startedAt: null }),
      at('08:00'),
    );
    expect(rows.map((r) => r.stimulus.id)).toEqual(['s02', 's01']);
    expect(rows.every((r) => r.atMs === null && r.inMinutes === null)).toBe(true);
  });

  it('shows a late stimulus as due now, not in the past', () => {
    const { rows } = timelineSections([stimulusAt('s01', 10)], clockOf(), at('09:12'));
    expect(rows[0]?.inMinutes).toBeLessThanOrEqual(0);
  });

  it('labels the offset and the clock time', () => {
    const { rows } = timelineSections([stimulusAt('s01', 75)], clockOf(), at('09:00'));
    const row = rows[0];
    if (!row) throw new Error('no row');
    const clockTime = new Date(at('10:15')).toLocaleTimeString('fr', { hour: '2-digit', minute: '2-digit' });
    expect(dueLabel(row, 'fr')).toBe(`H+01:15 · ${clockTime}`);
    expect(dueLabel({ stimulus: stimulusAt('s02', undefined, { spare: true }), atMs: null, inMinutes: null }, 'fr')).toBe('');
  });
});
