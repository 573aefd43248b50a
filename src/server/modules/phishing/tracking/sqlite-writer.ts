import type SQLite from 'better-sqlite3';
import { TRACKING_COUNTERS } from '../stats.js';
import { type StatsDelta, sumStats } from './batch-stats.js';
import { type Op, type TrackedRecipient, type TrackInput, type TrackOutcome, trackSteps } from './event-steps.js';
import type { ScannerRules } from './scanner.js';

/**
 * The SQLite hot path: raw prepared statements, synchronous, one BEGIN IMMEDIATE per batch, on
 * the app's connection (event-store.ts takes Kysely's connection lock around it). Measured
 * (bench/phishing-tracking.ts, BENCHMARKS.md): about 16 µs of CPU an event once every B-tree an
 * event row touches is written at its end (the index by recipient, at random pages, cost 20 µs
 * more: migration 2026-11-29T1000 replaced it by (kind, at)); about 10 µs with the recipients
 * kept in memory and the events of a batch inserted together (below).
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

/** total_changes() of the connection and its data_version (moves when another connection commits). */
type Version = [number, number];

const CACHE_MAX = 50_000;
const EVENT_COLUMNS = 8;
/** SQLite binds at most 32,766 parameters; 64 rows also bounds the statements kept. */
const EVENTS_PER_INSERT = 64;

/**
 * The recipients of recent events by token hash, so that a replayed open or click costs no read
 * (the read was about 6 µs of the writer's 16 µs an event). The cache holds exactly what the
 * database holds: it is emptied at the start of a batch as soon as anything else wrote to the
 * database since the previous batch, whether on this connection (the app, the sender, a purge:
 * total_changes() moved) or on another one (data_version moved). While the listener is the only
 * writer, the first-time columns and scanner_flagged are kept true by the writer's own updates.
 */
class RecipientCache {
  private rows = new Map<string, TrackedRecipient>();
  private seen: Version | null = null;

  get(tokenHash: string): TrackedRecipient | undefined {
    return this.rows.get(tokenHash);
  }

  set(tokenHash: string, r: TrackedRecipient): void {
    if (this.rows.size >= CACHE_MAX) this.rows.clear(); // bounded, whatever the traffic
    this.rows.set(tokenHash, r);
  }

  /** At the start of a batch (inside its write transaction): forgets all if anything else wrote. */
  check(now: Version): void {
    if (this.seen === null || this.seen[0] !== now[0] || this.seen[1] !== now[1]) this.rows.clear();
    this.seen = null;
  }

  /** At the end of a batch, before its commit (which moves neither figure). */
  written(now: Version): void {
    this.seen = now;
  }

  clear(): void {
    this.rows.clear();
    this.seen = null;
  }
}

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
      first: {
        opened_at: first('opened_at'),
        clicked_at: first('clicked_at'),
        submitted_at: first('submitted_at'),
        reported_at: first('reported_at'),
      },
      firstClick: sqlite.prepare(FIRST_CLICK_SQL),
      flag: sqlite.prepare('update phishing_recipients set scanner_flagged = scanner_flagged + 1 where id = ? returning scanner_flagged'),
      stats: sqlite.prepare(statsUpsertSql()),
      version: sqlite.prepare('select total_changes(), (select data_version from pragma_data_version())').raw(true),
    };
  }
  /**
   * Event rows of the batch, bound by position (by name costs about a microsecond more an event)
   * and inserted together before the commit: one statement of n rows costs about 1 µs an event
   * less than n statements. Prepared once per row count.
   */
  let events: unknown[] = [];
  const inserts = new Map<number, SQLite.Statement>();
  function insertEvents(): void {
    const chunk = EVENT_COLUMNS * EVENTS_PER_INSERT;
    for (let from = 0; from < events.length; from += chunk) {
      const part = from === 0 && events.length <= chunk ? events : events.slice(from, from + chunk);
      const rows = part.length / EVENT_COLUMNS;
      let insert = inserts.get(rows);
      if (!insert) {
        insert = sqlite.prepare(`insert into phishing_events (id, campaign_id, recipient_id, kind, at, scanner_reason, user_agent, address)
          values ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
        inserts.set(rows, insert);
      }
      insert.run(part);
    }
    events = [];
  }
  const cache = new RecipientCache();
  /** The recipient of the event being written: the writes below keep its cached row true. */
  let current: TrackedRecipient | undefined;
  function exec(op: Op): unknown {
    const st = statements();
    switch (op.op) {
      case 'recipient':
        current = cache.get(op.tokenHash);
        if (!current) {
          current = recipientOf(st.recipient.get(op.tokenHash) as unknown[] | undefined);
          if (current) cache.set(op.tokenHash, current);
        }
        return current;
      case 'event': {
        const e = op.row;
        events.push(e.id, e.campaign_id, e.recipient_id, e.kind, e.at, e.scanner_reason, e.user_agent, e.address);
        return undefined;
      }
      case 'first': {
        const changed = st.first[op.column].run(op.at, op.recipientId).changes;
        if (current?.id === op.recipientId) {
          if (changed > 0) current[op.column] = op.at;
          else if (current[op.column] === null) cache.clear(); // cannot happen while the cache is exact; never trust it then
        }
        return changed;
      }
      case 'firstClick':
        insertEvents(); // the clicks of this batch count too
        return (st.firstClick.get(op.recipientId, op.since) as { at: string | null } | undefined)?.at ?? null;
      case 'flag': {
        const flagged = (st.flag.get(op.recipientId) as { scanner_flagged: number }).scanner_flagged;
        if (current?.id === op.recipientId) current.scanner_flagged = flagged;
        return flagged;
      }
    }
  }
  const writeBatch = sqlite.transaction((batch: readonly TrackInput[], now: string): TrackOutcome[] => {
    cache.check(statements().version.get() as Version);
    const outcomes = batch.map((t) => {
      const steps = trackSteps(t, rules);
      let step = steps.next();
      while (!step.done) step = steps.next(exec(step.value));
      return step.value;
    });
    insertEvents();
    const st = statements();
    for (const d of sumStats(outcomes)) st.stats.run(statsParams(d, now));
    cache.written(st.version.get() as Version);
    return outcomes;
  });
  return (batch, now) => {
    try {
      return writeBatch.immediate(batch, now);
    } catch (err) {
      cache.clear(); // rolled back: the rows may no longer be what the cache says
      throw err;
    } finally {
      current = undefined;
      events = [];
    }
  };
}
