/** A calendar day (YYYY-MM-DD) read as local midnight, so it never slips to the day before. */
export const dayLabel = (day: string, locale: string): string =>
  new Date(`${day.slice(0, 10)}T00:00:00`).toLocaleDateString(locale, { dateStyle: 'medium' });

/** Minutes as "1 h 30" / "45 min", the way French calendars write durations. */
export function durationLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}
