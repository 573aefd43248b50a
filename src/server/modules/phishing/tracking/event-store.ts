import type SQLite from 'better-sqlite3';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Db, DbHandle } from '../../../db/index.js';
import type { Database } from '../../../db/schema.js';
import { STATS_COUNTERS, TRACKING_COUNTERS } from '../stats.js';
import { type StatsDelta, sumStats } from './batch-stats.js';
import { type Op, type TrackedRecipient, type TrackInput, type TrackOutcome, trackSteps } from './event-steps.js';
import type { ScannerRules } from './scanner.js';
import { RECIPIENT_COLUMNS, sqliteBatchWriter, statsParams } from './sqlite-writer.js';

/** Writes one batch of tracked requests in one transaction; resolves once it is committed. */
export interface EventStore {
  write(batch: readonly TrackInput[], now: string): Promise<TrackOutcome[]>;
}

export function eventStore(dbh: DbHandle, rules: ScannerRules): EventStore {
  return dbh.sqlite ? sqliteEventStore(dbh.db, dbh.sqlite, rules) : postgresEventStore(dbh.db, rules);
}

/**
 * SQLite: the synchronous batch writer on the app's connection. The batch holds Kysely's
 * connection lock meanwhile, so it never lands inside a Kysely transaction of the app that is
 * waiting between two awaits on the same connection.
 */
function sqliteEventStore(db: Db, sqlite: SQLite.Database, rules: ScannerRules): EventStore {
  const writeBatch = sqliteBatchWriter(sqlite, rules);
  return { write: (batch, now) => db.connection().execute(async () => writeBatch(batch, now)) };
}

type Q = Kysely<Database> | Transaction<Database>;

/** One step through Kysely (portable SQL): the PostgreSQL store, and single events written inside a use case's transaction. */
async function execKysely(trx: Q, op: Op): Promise<unknown> {
  switch (op.op) {
    case 'recipient': {
      const { rows } = await sql<TrackedRecipient>`select ${sql.raw(RECIPIENT_COLUMNS)} from phishing_recipients r
        join phishing_campaigns c on c.id = r.campaign_id where r.token_hash = ${op.tokenHash}`.execute(trx);
      return rows[0];
    }
    case 'event':
      await trx.insertInto('phishing_events').values(op.row).execute();
      return undefined;
    case 'first': {
      const res = await trx
        .updateTable('phishing_recipients')
        .set({ [op.column]: op.at })
        .where('id', '=', op.recipientId)
        .where(op.column, 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    }
    case 'firstClick': {
      const { rows } = await sql<{ at: string | null }>`select min(at) as at from phishing_events where recipient_id = ${op.recipientId}
        and kind = 'click' and scanner_reason is null and at >= ${op.since}`.execute(trx);
      return rows[0]?.at ?? null;
    }
    case 'flag': {
      const row = await trx
        .updateTable('phishing_recipients')
        .set((eb) => ({ scanner_flagged: eb('scanner_flagged', '+', 1) }))
        .where('id', '=', op.recipientId)
        .returning('scanner_flagged')
        .executeTakeFirstOrThrow();
      return Number(row.scanner_flagged);
    }
  }
}

const ZERO = Object.fromEntries(STATS_COUNTERS.map((c) => [c, 0])) as Record<(typeof STATS_COUNTERS)[number], number>;

async function upsertStatsKysely(trx: Q, d: StatsDelta, now: string): Promise<void> {
  await trx
    .insertInto('phishing_campaign_stats')
    .values({ ...ZERO, ...statsParams(d, now) })
    .onConflict((oc) =>
      oc.columns(['campaign_id', 'organization_id', 'dimension', 'group_key']).doUpdateSet((eb) => {
        const set: Record<string, unknown> = { updated_at: now };
        for (const c of TRACKING_COUNTERS) set[c] = eb(eb.ref(`phishing_campaign_stats.${c}`), '+', eb.ref(`excluded.${c}`));
        return set as never;
      }),
    )
    .execute();
}

async function stepsWithKysely(trx: Q, input: TrackInput, rules: ScannerRules): Promise<TrackOutcome> {
  const steps = trackSteps(input, rules);
  let step = steps.next();
  while (!step.done) step = steps.next(await execKysely(trx, step.value));
  return step.value;
}

/** Records one event (with its first-time columns and counters) inside the caller's transaction. */
export async function trackInTransaction(trx: Q, input: TrackInput, rules: ScannerRules, now: string): Promise<TrackOutcome> {
  const outcome = await stepsWithKysely(trx, input, rules);
  for (const d of sumStats([outcome])) await upsertStatsKysely(trx, d, now);
  return outcome;
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock

/** PostgreSQL: one Kysely transaction per batch, recipients taken in token order (stable locks). */
function postgresEventStore(db: Db, rules: ScannerRules): EventStore {
  async function once(batch: readonly TrackInput[], now: string): Promise<TrackOutcome[]> {
    return db.transaction().execute(async (trx) => {
      const order = batch.map((_, i) => i).sort((a, b) => (batch[a]!.tokenHash < batch[b]!.tokenHash ? -1 : 1));
      const outcomes: TrackOutcome[] = new Array(batch.length);
      for (const i of order) outcomes[i] = await stepsWithKysely(trx, batch[i]!, rules);
      for (const d of sumStats(outcomes)) await upsertStatsKysely(trx, d, now);
      return outcomes;
    });
  }
  return {
    async write(batch, now) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(batch, now);
        } catch (err) {
          const code = (err as { code?: string }).code;
          if (attempt >= 3 || !code || !RETRYABLE.has(code)) throw err;
        }
      }
    },
  };
}
