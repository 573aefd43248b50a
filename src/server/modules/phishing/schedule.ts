/**
 * When each email of a campaign leaves (pure functions, no I/O). A campaign is spread evenly from
 * its launch to its "spread until" date, counting only the sending profile's windows (days and
 * hours in the profile's time zone), and never faster than the profile's rate per minute: when
 * the spread is too short for that rate, sending simply goes on in the next windows.
 */

/** A sending profile's windows: ISO weekdays (1 = Monday) and local "HH:MM" hours. */
export interface SendingWindow {
  days: readonly number[];
  start: string;
  end: string;
  timeZone: string;
}

export interface ScheduleInput {
  count: number;
  /** Earliest sending time (epoch ms). */
  from: number;
  /** The campaign is spread until then (epoch ms); earlier than `from` means "as fast as allowed". */
  until: number;
  ratePerMinute: number;
  window: SendingWindow;
  /** Jitter source in [0, 1); tests pass a seeded one. */
  random?: () => number;
}

/** The windows of a sending profile row (phishing_sending_profiles). */
export function profileWindow(p: { window_days: string; window_start: string; window_end: string; time_zone: string }): SendingWindow {
  let days: number[] = [];
  try {
    const parsed: unknown = JSON.parse(p.window_days);
    if (Array.isArray(parsed)) days = parsed.filter((d): d is number => Number.isInteger(d) && d >= 1 && d <= 7);
  } catch {
    // A broken value must not stop a campaign: no day listed means every day.
  }
  return { days, start: p.window_start, end: p.window_end, timeZone: p.time_zone };
}

const DAY_MS = 86_400_000;
/** How far ahead windows are looked for before giving up (a profile whose windows never open). */
const HORIZON_DAYS = 3660;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime knows this IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface LocalDate {
  y: number;
  m: number;
  d: number;
}

function localParts(utcMs: number, timeZone: string): LocalDate & { h: number; mi: number; s: number } {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { y: p.year ?? 1970, m: p.month ?? 1, d: p.day ?? 1, h: p.hour ?? 0, mi: p.minute ?? 0, s: p.second ?? 0 };
}

/** Local time minus UTC at that instant, in ms. */
function offsetAt(utcMs: number, timeZone: string): number {
  const l = localParts(utcMs, timeZone);
  return Date.UTC(l.y, l.m - 1, l.d, l.h, l.mi, l.s) - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** The UTC instant of a local wall-clock time (minutes after local midnight of a local date). */
export function localToUtc(date: LocalDate, minutes: number, timeZone: string): number {
  const wall = Date.UTC(date.y, date.m - 1, date.d, 0, minutes);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  // Inside a DST gap neither guess maps back exactly: the earlier instant is the window's start.
  return Math.min(first, second);
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

const shiftDate = (date: LocalDate, days: number): LocalDate => {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const isoWeekday = (date: LocalDate): number => new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay() || 7;

/**
 * The window intervals [start, end) in UTC ms, in order, clipped to start at `from`. An end at or
 * before the start means the window runs past midnight ("22:00"–"06:00"; equal: the whole day).
 * No day at all means every day (a profile is never left unable to send).
 */
export function* windowIntervals(window: SendingWindow, from: number): Generator<[number, number]> {
  const startMin = minutesOf(window.start);
  const endMin = minutesOf(window.end);
  const days = window.days.length > 0 ? new Set(window.days) : new Set([1, 2, 3, 4, 5, 6, 7]);
  const today = localParts(from, window.timeZone);
  for (let i = -1; i < HORIZON_DAYS; i++) {
    const date = shiftDate(today, i);
    if (!days.has(isoWeekday(date))) continue;
    const a = localToUtc(date, startMin, window.timeZone);
    const b = endMin > startMin ? localToUtc(date, endMin, window.timeZone) : localToUtc(shiftDate(date, 1), endMin, window.timeZone);
    if (b <= from || b <= a) continue;
    yield [Math.max(a, from), b];
  }
}

/** Whether `at` falls inside one of the profile's windows. */
export function inWindow(window: SendingWindow, at: number): boolean {
  for (const [a, b] of windowIntervals(window, at - DAY_MS)) {
    if (a > at) return false;
    if (at < b) return true;
  }
  return false;
}

/** Fisher–Yates, in place: the order people receive the email in says nothing about the directory. */
export function shuffleInPlace<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
}

/** The smallest gap between two emails of one profile, in whole ms (rounded up: never faster). */
export const minGapMs = (ratePerMinute: number): number => Math.ceil(60_000 / Math.max(1, ratePerMinute));

/**
 * The sending times (epoch ms, ascending) of `count` emails: slot k goes to the k-th recipient in
 * the campaign's random order. Slots are spread evenly over the window time between `from` and
 * `until`, each moved by a random jitter that never brings two slots closer than the rate allows.
 */
export function computeSchedule(input: ScheduleInput): number[] {
  const { count, from, ratePerMinute, window } = input;
  if (count <= 0) return [];
  const random = input.random ?? Math.random;
  const gap = minGapMs(ratePerMinute);
  let active = 0;
  for (const [a, b] of windowIntervals(window, from)) {
    if (a >= input.until) break;
    active += Math.min(b, input.until) - a;
  }
  const spacing = Math.max(gap, Math.floor(active / count));
  const jitter = spacing - gap;
  const times: number[] = new Array(count);
  const intervals = windowIntervals(window, from);
  let current = intervals.next();
  let consumed = 0; // window time before the current interval
  for (let k = 0; k < count; k++) {
    const offset = k * spacing + Math.floor(random() * jitter);
    while (!current.done && offset >= consumed + (current.value[1] - current.value[0])) {
      consumed += current.value[1] - current.value[0];
      current = intervals.next();
    }
    if (current.done) throw new Error('The sending windows never open');
    times[k] = current.value[0] + (offset - consumed);
  }
  return times;
}
