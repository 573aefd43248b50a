import { describe, expect, it } from 'vitest';
import { playedMs } from './debrief-times.js';

const at = (hhmm: string) => Date.parse(`2026-11-29T${hhmm}:00Z`);
const pause = (from: string, to: string) => ({ from: `2026-11-29T${from}:00Z`, to: `2026-11-29T${to}:00Z` });
const minutes = (ms: number) => ms / 60_000;

describe('playedMs', () => {
  it('is the wall-clock time without pauses', () => {
    expect(minutes(playedMs(at('09:00'), at('09:30'), []))).toBe(30);
  });

  it('takes off the pauses inside the span, and only their part inside it', () => {
    const pauses = [pause('09:05', '09:10'), pause('09:20', '09:40'), pause('10:00', '10:30')];
    // 30 minutes on the clock, 5 paused, 5 more paused before 09:25.
    expect(minutes(playedMs(at('09:00'), at('09:25'), pauses))).toBe(15);
    // A pause after the milestone changes nothing.
    expect(minutes(playedMs(at('09:00'), at('09:50'), pauses))).toBe(25);
  });

  it('never goes below zero, even with overlapping pauses recorded twice', () => {
    expect(playedMs(at('09:00'), at('09:10'), [pause('08:00', '10:00'), pause('08:30', '09:30')])).toBe(0);
  });
});
