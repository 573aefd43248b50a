import { formatOffset } from '../stimulus-form.js';
import type { Clock, ConsoleStimulus } from './console-api.js';

/** Pause time so far, the pause in progress included, as of `nowMs`. */
export function pausedMsAt(clock: Clock, nowMs: number): number {
  const current = clock.pausedAt ? Math.max(0, nowMs - Date.parse(clock.pausedAt)) : 0;
  return clock.pausedMs + current;
}

/**
 * The timeline answers `pausedMs` with the pause in progress already counted (as of its `now`);
 * the clock events count finished pauses only. The console keeps the latter, so a pause keeps
 * pushing the due times back while the page stays open.
 */
export function finishedPausesMs(pausedMs: number, pausedAt: string | null, now: string): number {
  return pausedAt ? Math.max(0, pausedMs - Math.max(0, Date.parse(now) - Date.parse(pausedAt))) : pausedMs;
}

/** When a timed stimulus falls due: start + offset + every pause. Null for a spare or before the start. */
export function dueAtMs(offsetMinutes: number | null | undefined, clock: Clock, nowMs: number): number | null {
  if (!clock.startedAt || offsetMinutes === null || offsetMinutes === undefined) return null;
  return Date.parse(clock.startedAt) + offsetMinutes * 60_000 + pausedMsAt(clock, nowMs);
}

/** Minutes of play so far (pauses left out), frozen at the end. */
export function playedMinutes(clock: Clock, nowMs: number): number | null {
  if (!clock.startedAt) return null;
  const until = clock.endedAt ? Date.parse(clock.endedAt) : nowMs;
  return Math.max(0, Math.floor((until - Date.parse(clock.startedAt) - pausedMsAt(clock, until)) / 60_000));
}

export interface TimelineRow {
  stimulus: ConsoleStimulus;
  /** When it went out, or when it is due; null before the start. */
  atMs: number | null;
  /** Whole minutes from now to its due time (negative: late); null once sent or when it has none. */
  inMinutes: number | null;
}

const timed = (s: ConsoleStimulus) => !s.spare && s.offsetMinutes !== undefined && s.offsetMinutes !== null;

/**
 * The console's two lists: the timeline (timed stimuli, and spare ones once played, in the order
 * they went or will go out) and the spare stimuli still in hand, in chronogram order.
 */
export function timelineSections(stimuli: readonly ConsoleStimulus[], clock: Clock, nowMs: number) {
  const rows: TimelineRow[] = stimuli
    .filter((s) => timed(s) || s.status === 'delivered')
    .map((s) => {
      const due = dueAtMs(timed(s) ? s.offsetMinutes : null, clock, nowMs);
      const atMs = s.deliveredAt ? Date.parse(s.deliveredAt) : due;
      const inMinutes = s.status === 'pending' && due !== null ? Math.ceil((due - nowMs) / 60_000) : null;
      return { stimulus: s, atMs, inMinutes };
    });
  // Before the start nothing has a time yet: the offsets give the order.
  const key = (r: TimelineRow) => r.atMs ?? (r.stimulus.offsetMinutes ?? 0) * 60_000;
  rows.sort((a, b) => key(a) - key(b) || a.stimulus.position - b.stimulus.position);
  const spares = stimuli.filter((s) => !timed(s) && s.status !== 'delivered').sort((a, b) => a.position - b.position);
  const next = rows.find((r) => r.stimulus.status === 'pending')?.stimulus.stimulusId ?? null;
  return { rows, spares, next };
}

/** "H+00:15 · 14:05": the offset in play time and the wall-clock time it went or will go out. */
export function dueLabel(row: TimelineRow, lang: string): string {
  const parts: string[] = [];
  const offset = row.stimulus.offsetMinutes;
  if (!row.stimulus.spare && offset !== undefined && offset !== null) parts.push(formatOffset(offset));
  if (row.atMs !== null) parts.push(new Date(row.atMs).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }));
  return parts.join(' · ');
}
