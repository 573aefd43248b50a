import type { CampaignStatus, Progress, ResultsGroup } from './types.js';

/** How campaign figures are shown; the API gives rates as fractions (0–1) or null. */
export function formatRate(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Share of the targets already sent, 0–100, for a progress bar. */
export function sentPercent(p: Progress): number {
  if (p.targets <= 0) return 0;
  return Math.min(100, Math.round((p.sent / p.targets) * 100));
}

export const statusColors: Record<CampaignStatus, string> = {
  draft: 'gray',
  scheduled: 'blue',
  running: 'teal',
  paused: 'orange',
  completed: 'green',
  cancelled: 'red',
};

/** Which actions a status allows (the server decides in the end). */
export function allowedActions(status: CampaignStatus): Array<'edit' | 'pause' | 'resume' | 'cancel'> {
  switch (status) {
    case 'draft':
      return ['edit', 'cancel'];
    case 'scheduled':
    case 'running':
      return ['pause', 'cancel'];
    case 'paused':
      return ['resume', 'cancel'];
    default:
      return [];
  }
}

/** Time-to-report buckets of results-schema.ts: within 5 min, 15 min, 1 h, 4 h, 24 h, later. */
export const reportBuckets = ['5m', '15m', '1h', '4h', '24h', 'later'] as const;

/** Bar lengths (0–100) of the buckets relative to the largest; all zero when nobody reported. */
export function bucketBars(buckets: readonly number[]): number[] {
  const max = Math.max(0, ...buckets);
  return buckets.map((n) => (max === 0 ? 0 : Math.round((n / max) * 100)));
}

export function isSuppressedGroup(g: ResultsGroup): g is Extract<ResultsGroup, { suppressed: true }> {
  return 'suppressed' in g && g.suppressed === true;
}

/** Whether the results should be refreshed on their own (emails are still leaving). */
export const isLive = (status: string): boolean => status === 'running' || status === 'scheduled';
