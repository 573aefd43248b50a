import type { CalendarItem } from './types.js';

export interface MonthGroup {
  /** 'YYYY-MM' */
  month: string;
  items: CalendarItem[];
}

/** Upcoming audits by month of their due date, months in order and items by date within each. */
export function groupByMonth(items: readonly CalendarItem[]): MonthGroup[] {
  const byMonth = new Map<string, CalendarItem[]>();
  for (const item of [...items].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.supplierName.localeCompare(b.supplierName))) {
    const month = item.dueOn.slice(0, 7);
    const list = byMonth.get(month);
    if (list) list.push(item);
    else byMonth.set(month, [item]);
  }
  return [...byMonth.entries()].map(([month, list]) => ({ month, items: list }));
}

/** "2026-12" → "décembre 2026" in the page's language. */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)).toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Whole days from `today` to `dueOn` (negative when late), both 'YYYY-MM-DD'. */
export function daysUntil(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
