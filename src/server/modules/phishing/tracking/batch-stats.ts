import { type StatsCounter, statsKeys, TRACKING_COUNTERS } from '../stats.js';
import type { StatsDimension } from '../tables.js';
import type { TrackOutcome } from './event-steps.js';

/** One phishing_campaign_stats row to add to (the rows of stats.ts: all, service, role_family, site). */
export interface StatsDelta {
  campaign_id: string;
  organization_id: string;
  dimension: StatsDimension;
  group_key: string;
  counters: Record<(typeof TRACKING_COUNTERS)[number], number>;
}

const zero = () => Object.fromEntries(TRACKING_COUNTERS.map((c) => [c, 0])) as StatsDelta['counters'];

/**
 * Adds up what a batch's events contribute, one delta per counters row, in a stable order: every
 * writer locks rows in the same order, so two processes on PostgreSQL cannot deadlock on them.
 */
export function sumStats(outcomes: readonly TrackOutcome[]): StatsDelta[] {
  const rows = new Map<string, StatsDelta>();
  for (const o of outcomes) {
    if (!o.recorded) continue;
    const entries = Object.entries(o.counters).filter(([, n]) => n) as Array<[StatsCounter, number]>;
    if (entries.length === 0) continue;
    for (const key of statsKeys(o.recipient)) {
      const id = JSON.stringify([o.recipient.campaign_id, o.recipient.organization_id, key.dimension, key.group_key]);
      let row = rows.get(id);
      if (!row) {
        row = { campaign_id: o.recipient.campaign_id, organization_id: o.recipient.organization_id, ...key, counters: zero() };
        rows.set(id, row);
      }
      for (const [name, n] of entries) {
        if (name in row.counters) row.counters[name as keyof StatsDelta['counters']] += n;
      }
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}
