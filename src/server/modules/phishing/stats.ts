import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { StatsDimension } from './tables.js';

type Q = Kysely<Database> | Transaction<Database>;

/** The counters the sender keeps (recipients created, sent, accepted, refused). */
export const SENDER_COUNTERS = ['targets', 'sent', 'delivered', 'failed'] as const;

/** The counters tracking and reporting add to: the funnel after delivery and the report histogram. */
export const TRACKING_COUNTERS = [
  'opened',
  'clicked',
  'submitted',
  'reported',
  'scanner_flagged',
  'report_seconds_sum',
  'report_b0',
  'report_b1',
  'report_b2',
  'report_b3',
  'report_b4',
  'report_b5',
] as const;

/** Every counter of phishing_campaign_stats. */
export const STATS_COUNTERS = [...SENDER_COUNTERS, ...TRACKING_COUNTERS] as const;
export type StatsCounter = (typeof STATS_COUNTERS)[number];

/** What a recipient row contributes to: its campaign, organization and groups. */
export interface StatsRecipient {
  campaign_id: string;
  organization_id: string;
  service: string | null;
  role_family: string | null;
  site: string | null;
}

/** Time-to-report buckets: under 5 min, 15 min, 1 h, 4 h, 24 h, later. */
export const REPORT_BUCKET_LIMITS_S = [300, 900, 3600, 14_400, 86_400] as const;

/** The counters a report adds: reported, the delay sum and its histogram bucket. */
export function reportCounters(secondsSinceDelivery: number): Partial<Record<StatsCounter, number>> {
  const s = Math.max(0, Math.round(secondsSinceDelivery));
  const i = REPORT_BUCKET_LIMITS_S.findIndex((limit) => s < limit);
  const bucket = `report_b${i === -1 ? REPORT_BUCKET_LIMITS_S.length : i}` as StatsCounter;
  return { reported: 1, report_seconds_sum: s, [bucket]: 1 };
}

/** The rows a recipient counts in: the whole organization and each of its groups. */
export function statsKeys(r: StatsRecipient): Array<{ dimension: StatsDimension; group_key: string }> {
  return [
    { dimension: 'all', group_key: '' },
    { dimension: 'service', group_key: r.service ?? '' },
    { dimension: 'role_family', group_key: r.role_family ?? '' },
    { dimension: 'site', group_key: r.site ?? '' },
  ];
}

const zero = (): Record<StatsCounter, number> => Object.fromEntries(STATS_COUNTERS.map((c) => [c, 0])) as Record<StatsCounter, number>;

/**
 * Adds to the counters of one recipient's rows (an upsert per dimension, portable SQL). Callers
 * count a step once per recipient: they bump only when their update of the recipient's
 * first-time column (e.g. clicked_at from null to now) changed a row, so replays never inflate
 * the figures. Call it in the same transaction as that update.
 */
export async function bumpStats(db: Q, r: StatsRecipient, counters: Partial<Record<StatsCounter, number>>, now: string): Promise<void> {
  const entries = Object.entries(counters).filter(([, n]) => n) as Array<[StatsCounter, number]>;
  if (entries.length === 0) return;
  for (const key of statsKeys(r)) {
    const values = {
      ...zero(),
      ...Object.fromEntries(entries),
      campaign_id: r.campaign_id,
      organization_id: r.organization_id,
      ...key,
      updated_at: now,
    };
    await db
      .insertInto('phishing_campaign_stats')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['campaign_id', 'organization_id', 'dimension', 'group_key']).doUpdateSet((eb) => {
          const set: Record<string, unknown> = { updated_at: now };
          for (const [name] of entries) set[name] = eb(eb.ref(`phishing_campaign_stats.${name}`), '+', eb.ref(`excluded.${name}`));
          return set as never;
        }),
      )
      .execute();
  }
}
