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
    const entries: Array<[StatsCounter, number]> = [];
    for (const name in o.counters) {
      const n = o.counters[name as StatsCounter];
      if (n) entries.push([name as StatsCounter, n]);
    }
    if (entries.length === 0) continue; // most events of a busy campaign are replays: nothing to add
    for (const key of statsKeys(o.recipient)) {
      // Ids and dimensions never hold NUL: joined by it, the key is cheap and unambiguous.
      const id = `${o.recipient.campaign_id}\u0000${o.recipient.organization_id}\u0000${key.dimension}\u0000${key.group_key}`;
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
