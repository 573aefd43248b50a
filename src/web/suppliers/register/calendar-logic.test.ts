import { describe, expect, it } from 'vitest';
import { daysUntil, groupByMonth, monthLabel } from './calendar-logic.js';
import type { CalendarItem } from './types.js';

const item = (dueOn: string, supplierName: string): CalendarItem => ({
  state: 'due',
  kind: 'scheduled',
  auditId: null,
  title: supplierName,
  dueOn,
  overdue: false,
  contractId: 'c',
  contractReference: 'C',
  supplierId: 's',
  supplierName,
  frequencyMonths: 12,
  noticeDays: 15,
  gridId: 'g',
  lastClosedOn: null,
  planFrom: null,
  triggerReason: null,
});

describe('audit calendar', () => {
  it('groups by month in date order', () => {
    const groups = groupByMonth([item('2027-01-10', 'B'), item('2026-12-31', 'Z'), item('2026-12-01', 'A'), item('2027-01-10', 'A')]);
    expect(groups.map((g) => g.month)).toEqual(['2026-12', '2027-01']);
    expect(groups[1]?.items.map((i) => i.supplierName)).toEqual(['A', 'B']);
    expect(groupByMonth([])).toEqual([]);
  });
  it('names months and counts days', () => {
    expect(monthLabel('2026-12', 'fr')).toBe('décembre 2026');
    expect(monthLabel('2026-12', 'en')).toBe('December 2026');
    expect(daysUntil('2026-12-29', '2026-11-29')).toBe(30);
    expect(daysUntil('2026-11-27', '2026-11-29')).toBe(-2);
  });
});
