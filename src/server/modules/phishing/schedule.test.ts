import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSchedule, inWindow, minGapMs, type SendingWindow } from './schedule.js';

const paris = (iso: string) => Date.parse(iso); // ISO strings below carry their offset
const local = (t: number, timeZone = 'Europe/Paris') => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(t);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: get('weekday'), minutes: Number(get('hour')) * 60 + Number(get('minute')) };
};
const office: SendingWindow = { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', timeZone: 'Europe/Paris' };

/** The most emails found in any 60-second span. */
function busiestMinute(times: number[]): number {
  let best = 0;
  let j = 0;
  for (let i = 0; i < times.length; i++) {
    while ((times[i] ?? 0) - (times[j] ?? 0) >= 60_000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('campaign schedule', () => {
  it('spreads emails evenly over the window time between launch and spread end', () => {
    // Monday 1 December 2026, 08:00 to 18:00 in Paris (UTC+1).
    const from = paris('2026-11-30T08:00:00+01:00');
    const until = paris('2026-11-30T18:00:00+01:00');
    const times = computeSchedule({ count: 100, from, until, ratePerMinute: 60, window: office, random: () => 0.5 });
    expect(times).toHaveLength(100);
    expect(times[0]).toBeGreaterThanOrEqual(from);
    expect(times.at(-1)).toBeLessThan(until);
    // 10 hours for 100 emails: one every 6 minutes, give or take the jitter.
    expect((times.at(-1)! - times[0]!) / 3_600_000).toBeGreaterThan(9);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
  });

  it('never exceeds the rate per minute, and goes on in the next windows when the spread is too short', () => {
    const from = paris('2026-11-30T17:00:00+01:00'); // Monday, one hour before the window closes
    const times = computeSchedule({ count: 1200, from, until: from, ratePerMinute: 10, window: office });
    expect(busiestMinute(times)).toBeLessThanOrEqual(10);
    // 60 min × 10 = 600 on Monday, the other 600 on Tuesday from 08:00.
    const days = times.map((t) => local(t).weekday);
    expect(days.filter((d) => d === 'Mon')).toHaveLength(600);
    expect(days.filter((d) => d === 'Tue')).toHaveLength(600);
    for (const t of times) expect(local(t).minutes).toBeGreaterThanOrEqual(8 * 60);
    for (const t of times) expect(local(t).minutes).toBeLessThan(18 * 60);
  });

  it('keeps to the windows in the time zone of the profile, across a change to summer time', () => {
    const window: SendingWindow = { days: [1, 3], start: '09:00', end: '12:00', timeZone: 'Europe/Paris' };
    // Friday 27 March 2026; summer time starts on Sunday 29 March.
    const from = paris('2026-03-27T10:00:00+01:00');
    const until = paris('2026-04-03T10:00:00+02:00');
    const times = computeSchedule({ count: 500, from, until, ratePerMinute: 100, window });
    const seen = new Set<string>();
    for (const t of times) {
      const l = local(t);
      seen.add(l.weekday);
      expect(l.minutes).toBeGreaterThanOrEqual(9 * 60);
      expect(l.minutes).toBeLessThan(12 * 60);
    }
    expect([...seen].sort()).toEqual(['Mon', 'Wed']);
    // Monday 30 March 09:00 is 07:00 UTC in summer time.
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-03-30T07:00:00Z'));
  });

  it('handles windows across midnight and in another time zone', () => {
    const night: SendingWindow = { days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '06:00', timeZone: 'America/Montreal' };
    const from = Date.parse('2026-06-10T12:00:00Z');
    const times = computeSchedule({ count: 300, from, until: from + 2 * 86_400_000, ratePerMinute: 30, window: night });
    for (const t of times) {
      const m = local(t, 'America/Montreal').minutes;
      expect(m >= 22 * 60 || m < 6 * 60).toBe(true);
    }
    expect(inWindow(night, Date.parse('2026-06-11T03:30:00Z'))).toBe(true); // 23:30 in Montreal
    expect(inWindow(night, Date.parse('2026-06-11T15:00:00Z'))).toBe(false); // 11:00
  });

  it('tells whether an instant is inside the windows', () => {
    expect(inWindow(office, paris('2026-11-30T08:00:00+01:00'))).toBe(true);
    expect(inWindow(office, paris('2026-11-30T17:59:59+01:00'))).toBe(true);
    expect(inWindow(office, paris('2026-11-30T18:00:00+01:00'))).toBe(false);
    expect(inWindow(office, paris('2026-11-29T10:00:00+01:00'))).toBe(false); // Sunday
  });

  it('holds for any count, rate, spread and jitter (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 6000 }),
        fc.integer({ min: 0, max: 5 * 86_400_000 }),
        fc.integer({ min: 0, max: 7 * 86_400_000 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (count, rate, spread, offset, r) => {
          const from = Date.parse('2026-01-05T00:00:00Z') + offset;
          const times = computeSchedule({ count, from, until: from + spread, ratePerMinute: rate, window: office, random: () => r });
          expect(times).toHaveLength(count);
          for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(minGapMs(rate));
          expect(busiestMinute(times)).toBeLessThanOrEqual(rate);
          for (const t of times) expect(inWindow(office, t)).toBe(true);
          expect(times[0]).toBeGreaterThanOrEqual(from);
        },
      ),
      { numRuns: 150 },
    );
  });
});
