import type { Heatmap, HeatmapMember, Localized } from './types.js';

/**
 * Score bands of the heatmap: the same four steps as the restitution (0–100). Each band has a
 * background light enough for dark text (contrast above 4.5:1) and a word, so color never
 * carries the meaning alone.
 */
export const bands = [
  { key: 'low', min: 0, background: '#ffd8d8' },
  { key: 'fragile', min: 40, background: '#ffe8c2' },
  { key: 'fair', min: 60, background: '#fff3bf' },
  { key: 'good', min: 80, background: '#d3f9d8' },
] as const;
export type BandKey = (typeof bands)[number]['key'];

export function bandOf(score: number | null): (typeof bands)[number] | null {
  if (score === null || !Number.isFinite(score)) return null;
  let found: (typeof bands)[number] = bands[0];
  for (const b of bands) if (score >= b.min) found = b;
  return found;
}

/** Sharing members with figures first, by overall score (highest first unless `asc`), then by name. */
export function sortMembers(members: HeatmapMember[], order: 'asc' | 'desc', locale: string): HeatmapMember[] {
  const byName = (a: HeatmapMember, b: HeatmapMember) => a.name.localeCompare(b.name, locale);
  return [...members].sort((a, b) => {
    const x = a.latest?.overall ?? null;
    const y = b.latest?.overall ?? null;
    if (x === null && y === null) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return (order === 'asc' ? x - y : y - x) || byName(a, b);
  });
}

const csvCell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  // A leading = + - @ would run as a formula in a spreadsheet: quote it with an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export interface CsvLabels {
  member: string;
  shares: string;
  notSharing: string;
  noDiagnostic: string;
  completedAt: string;
  variant: string;
  overall: string;
  variants: Record<'full' | 'short', string>;
}

/**
 * The heatmap as CSV (semicolon, as French spreadsheets expect), built from the data on screen:
 * one row per member, one column per theme.
 */
export function heatmapCsv(map: Heatmap, rows: HeatmapMember[], lang: keyof Localized, labels: CsvLabels): string {
  const head = [labels.member, labels.shares, labels.completedAt, labels.variant, labels.overall, ...map.themes.map((t) => t.title[lang])];
  const lines = rows.map((m) => {
    const l = m.latest;
    const status = !m.shares ? labels.notSharing : l ? '' : labels.noDiagnostic;
    return [
      m.name,
      status,
      l ? l.completedAt.slice(0, 10) : null,
      l ? labels.variants[l.variant] : null,
      l ? l.overall : null,
      ...map.themes.map((t) => (l ? (l.themes[t.id] ?? null) : null)),
    ];
  });
  return `\uFEFF${[head, ...lines].map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** Polyline points of a sparkline (0–100 scale) in a width × height box; a single score is a dot. */
export function sparkPoints(scores: number[], width: number, height: number, pad = 2): Array<{ x: number; y: number }> {
  const n = scores.length;
  const step = n > 1 ? (width - 2 * pad) / (n - 1) : 0;
  return scores.map((s, i) => ({
    x: Math.round((n > 1 ? pad + i * step : width / 2) * 10) / 10,
    y: Math.round((pad + (1 - Math.min(100, Math.max(0, s)) / 100) * (height - 2 * pad)) * 10) / 10,
  }));
}
