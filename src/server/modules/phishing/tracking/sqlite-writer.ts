import type SQLite from 'better-sqlite3';
import { TRACKING_COUNTERS } from '../stats.js';
import { type StatsDelta, sumStats } from './batch-stats.js';
import { type Op, type TrackedRecipient, type TrackInput, type TrackOutcome, trackSteps } from './event-steps.js';
import type { ScannerRules } from './scanner.js';

/**
 * The SQLite hot path: raw prepared statements, synchronous, one BEGIN IMMEDIATE per batch, on
 * the app's connection (event-store.ts takes Kysely's connection lock around it). Measured
 * (bench/phishing-tracking.ts, BENCHMARKS.md): about 14 µs of CPU an event once every B-tree an
 * event row touches is written at its end (the index by recipient, at random pages, cost 20 µs
 * more: migration 2026-11-29T1000 replaced it by (kind, at)).
 */

const RECIPIENT_KEYS = [
  'id',
  'campaign_id',
  'organization_id',
  'service',
  'role_family',
  'site',
  'sent_at',
  'delivered_at',
  'opened_at',
  'clicked_at',
  'submitted_at',
  'reported_at',
  'scanner_flagged',
] as const satisfies ReadonlyArray<keyof TrackedRecipient>;
export const RECIPIENT_COLUMNS = `${RECIPIENT_KEYS.map((k) => `r.${k}`).join(', ')}, c.purged_at`;

/** The recipient from a raw row (columns in RECIPIENT_COLUMNS order): arrays cost less to fetch than objects. */
function recipientOf(row: unknown[] | undefined): TrackedRecipient | undefined {
  if (!row) return undefined;
  const r = { purged_at: row[RECIPIENT_KEYS.length] } as Record<string, unknown>;
  RECIPIENT_KEYS.forEach((k, i) => {
    r[k] = row[i];
  });
  return r as unknown as TrackedRecipient;
}
export const FIRST_CLICK_SQL = `select min(at) as at from phishing_events
  where recipient_id = ? and kind = 'click' and scanner_reason is null and at >= ?`;

function statsUpsertSql(): string {
  const cols = ['campaign_id', 'organization_id', 'dimension', 'group_key', ...TRACKING_COUNTERS, 'updated_at'];
  const adds = TRACKING_COUNTERS.map((c) => `${c} = phishing_campaign_stats.${c} + excluded.${c}`);
  return `insert into phishing_campaign_stats (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})
    on conflict (campaign_id, organization_id, dimension, group_key)
    do update set ${adds.join(', ')}, updated_at = excluded.updated_at`;
}

export const statsParams = (d: StatsDelta, now: string) => ({
  campaign_id: d.campaign_id,
  organization_id: d.organization_id,
  dimension: d.dimension,
  group_key: d.group_key,
  ...d.counters,
  updated_at: now,
});

/** A function writing one batch in one transaction; returns once committed. */
export function sqliteBatchWriter(
  sqlite: SQLite.Database,
  rules: ScannerRules,
): (batch: readonly TrackInput[], now: string) => TrackOutcome[] {
  let prepared: ReturnType<typeof prepare> | null = null;
  // Prepared on first use: the listener may be created before the migrations have run.
  const statements = () => {
    prepared ??= prepare();
    return prepared;
  };
  function prepare() {
    const first = (column: string) => sqlite.prepare(`update phishing_recipients set ${column} = ? where id = ? and ${column} is null`);
    return {
      recipient: sqlite
        .prepare(
          `select ${RECIPIENT_COLUMNS} from phishing_recipients r join phishing_campaigns c on c.id = r.campaign_id where r.token_hash = ?`,
        )
        .raw(true),
      // Positional parameters: binding by name costs about a microsecond more an event.
      event: sqlite.prepare(`insert into phishing_events (id, campaign_id, recipient_id, kind, at, scanner_reason, user_agent, address)
        values (?, ?, ?, ?, ?, ?, ?, ?)`),
      first: {
        opened_at: first('opened_at'),
        clicked_at: first('clicked_at'),
        submitted_at: first('submitted_at'),
        reported_at: first('reported_at'),
      },
      firstClick: sqlite.prepare(FIRST_CLICK_SQL),
      flag: sqlite.prepare('update phishing_recipients set scanner_flagged = scanner_flagged + 1 where id = ? returning scanner_flagged'),
      stats: sqlite.prepare(statsUpsertSql()),
    };
  }
  function exec(op: Op): unknown {
    const st = statements();
    switch (op.op) {
      case 'recipient':
        return recipientOf(st.recipient.get(op.tokenHash) as unknown[] | undefined);
      case 'event': {
        const e = op.row;
        st.event.run(e.id, e.campaign_id, e.recipient_id, e.kind, e.at, e.scanner_reason, e.user_agent, e.address);
        return undefined;
      }
      case 'first':
        return st.first[op.column].run(op.at, op.recipientId).changes;
      case 'firstClick':
        return (st.firstClick.get(op.recipientId, op.since) as { at: string | null } | undefined)?.at ?? null;
      case 'flag':
        return (st.flag.get(op.recipientId) as { scanner_flagged: number }).scanner_flagged;
    }
  }
  const writeBatch = sqlite.transaction((batch: readonly TrackInput[], now: string): TrackOutcome[] => {
    const outcomes = batch.map((t) => {
      const steps = trackSteps(t, rules);
      let step = steps.next();
      while (!step.done) step = steps.next(exec(step.value));
      return step.value;
    });
    const st = statements();
    for (const d of sumStats(outcomes)) st.stats.run(statsParams(d, now));
    return outcomes;
  });
  return (batch, now) => writeBatch.immediate(batch, now);
}
