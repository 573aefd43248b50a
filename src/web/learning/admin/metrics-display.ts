import type { Figures, MemberRow, Suppressed, TrendPoint } from './types.js';

/**
 * How dashboard figures are shown. A group under the minimum size never shows a figure: the
 * server already withholds them, and these helpers make sure the page never invents one either.
 */
export function isSuppressed<T extends object>(row: T | (T & Suppressed)): row is T & Suppressed {
  return 'suppressed' in row && (row as Partial<Suppressed>).suppressed === true;
}

/** The figures of a row, or null when it has none to show (suppressed, or nothing given). */
export function figuresOf(row: object): Figures | null {
  if (isSuppressed(row)) return null;
  return 'people' in row && typeof (row as Partial<Figures>).people === 'number' ? (row as Figures) : null;
}

/** A member's row: its figures, "fewer than 5 people", or "not shared" (it did not agree to share). */
export function memberView(row: MemberRow): { kind: 'figures'; figures: Figures } | { kind: 'suppressed' } | { kind: 'notShared' } {
  if (!row.sharing) return { kind: 'notShared' };
  const figures = figuresOf(row);
  return figures ? { kind: 'figures', figures } : { kind: 'suppressed' };
}

export function formatPercent(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  // The API gives percentages (0-100); Intl writes them the local way ("75 %" in French, "75%" in English).
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/** A score change in points, always signed (+12, −3, 0). */
export function formatChange(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(value);
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

export interface ChartGeometry {
  /** SVG polyline points of the days that have a value. */
  segments: string[];
  /** Tick values on the y axis with their y position. */
  yTicks: Array<{ value: number; y: number }>;
  max: number;
}

/**
 * The line of a trend series scaled into a box; days without a value (null) break the line
 * instead of pretending a zero.
 */
export function chartGeometry(
  values: ReadonlyArray<number | null>,
  box: { width: number; height: number; left: number; top: number },
  fixedMax?: number,
): ChartGeometry {
  const present = values.filter((v): v is number => v !== null);
  const rawMax = fixedMax ?? Math.max(0, ...present);
  const max = rawMax <= 0 ? 1 : niceCeil(rawMax);
  const step = values.length > 1 ? box.width / (values.length - 1) : 0;
  const y = (v: number) => box.top + box.height - (v / max) * box.height;
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${round(box.left + i * step)},${round(y(v))}`);
  });
  if (current.length) segments.push(current.join(' '));
  const yTicks = [0, max / 2, max].map((value) => ({ value, y: round(y(value)) }));
  return { segments, yTicks, max };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function niceCeil(n: number): number {
  const p = 10 ** Math.floor(Math.log10(n));
  const f = n / p;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nice * p;
}

/** The series a trend chart can draw. */
export const trendSeries = ['completions', 'averageScore', 'correctRate'] as const;
export type TrendSeries = (typeof trendSeries)[number];

export function seriesValues(trend: readonly TrendPoint[], series: TrendSeries): Array<number | null> {
  return trend.map((p) => p[series]);
}
