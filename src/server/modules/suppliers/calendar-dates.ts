// Calendar dates ("YYYY-MM-DD") of the provider chain: contract dates, due dates, expiries.
// Computed on UTC midnights so that no daylight-saving change shifts a day.

const DAY_MS = 86_400_000;
const parse = (day: string): Date => new Date(`${day}T00:00:00Z`);
const format = (d: Date): string => d.toISOString().slice(0, 10);

/** Today where the establishments are (Paris time): a due date is a day there, not in UTC. */
export const todayOf = (now: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);

export const addDays = (day: string, days: number): string => format(new Date(parse(day).getTime() + days * DAY_MS));

/** Whole months later; the 31st of a shorter month becomes its last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(day: string, months: number): string {
  const d = parse(day);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay))));
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((parse(to).getTime() - parse(from).getTime()) / DAY_MS);

/** The calendar day of an instant, in Paris time (a closing at 23:30 UTC is the next day in Paris). */
export const dayOfInstant = (instant: string): string => todayOf(new Date(instant));
