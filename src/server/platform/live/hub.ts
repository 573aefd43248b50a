import { sql } from 'kysely';
import pg from 'pg';
import type { Db, DbHandle } from '../../db/index.js';
import { type Clock, systemClock } from '../clock.js';
import { ListenConnection } from './listen.js';

/** A published event as subscribers and SSE streams see it. */
export interface LiveEvent {
  /** Follows commit order: a reader that has seen id N has seen every committed event before it. */
  id: number;
  topic: string;
  kind: string;
  /** JSON text, sent as is in the SSE data line. */
  payload: string;
  createdAt: string;
}

export type LiveListener = (event: LiveEvent) => void;

export interface LiveHubOptions {
  /** PostgreSQL only: where the dedicated LISTEN connection goes. Without it, other processes are seen by polling. */
  listenUrl?: string;
  /** Safety poll while someone listens: catches events of other writers (CLI) and lost notifications. */
  pollMs?: number;
  clock?: Clock;
  log?: (message: string, err?: unknown) => void;
}

export const LIVE_CHANNEL = 'rempart_live';
/** Every publisher takes this transaction lock on PostgreSQL, so ids are given in commit order. */
const PUBLISH_LOCK = 7_355_001;
const TOPIC = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,199}$/;
/** Sent as the SSE event name: one line, no spaces. */
const KIND = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$/;
const PAGE = 500;

const toEvent = (r: { id: number | string; topic: string; kind: string; payload: string; created_at: string }): LiveEvent => ({
  id: Number(r.id),
  topic: r.topic,
  kind: r.kind,
  payload: r.payload,
  createdAt: r.created_at,
});

/**
 * Durable live events with in-process fan-out. `publish` writes a row in the caller's transaction;
 * the hub reads the table forward ("tails" it) from the last id it has seen and hands each new
 * event to the listeners of its topic. What wakes the tail: on PostgreSQL a NOTIFY sent by the
 * publishing transaction (delivered at commit, to every process, this one included); on SQLite a
 * local wake that waits for the single connection, hence for the caller's commit.
 */
export class LiveHub {
  private readonly listeners = new Map<string, Set<LiveListener>>();
  private readonly clock: Clock;
  private readonly log: (message: string, err?: unknown) => void;
  private lastSeen = 0;
  private tailing: Promise<void> | null = null;
  private tailAgain = false;
  private pollTimer: NodeJS.Timeout | null = null;
  private listen: ListenConnection | null = null;
  private started = false;
  private stopped = false;

  constructor(
    private readonly dbh: Pick<DbHandle, 'db' | 'dialect'>,
    private readonly opts: LiveHubOptions = {},
  ) {
    this.clock = opts.clock ?? systemClock;
    this.log = opts.log ?? (() => {});
  }

  /** Starts from the newest event (older ones are for replay), then listens on PostgreSQL. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.lastSeen = Math.max(this.lastSeen, await this.latestId());
    if (this.dbh.dialect === 'postgres' && this.opts.listenUrl) {
      this.listen = new ListenConnection(() => new pg.Client({ connectionString: this.opts.listenUrl }), LIVE_CHANNEL, {
        onNotify: (payload) => this.onNotify(payload),
        // Notifications sent while the connection was down are lost: read the table forward.
        onConnect: () => this.wake(),
        log: this.log,
      });
      await this.listen.start();
    }
    const pollMs = this.opts.pollMs ?? (this.dbh.dialect === 'postgres' && !this.opts.listenUrl ? 500 : 5_000);
    this.pollTimer = setInterval(() => {
      if (this.listeners.size > 0) this.wake();
    }, pollMs);
    this.pollTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    await this.listen?.stop();
    await this.tailing;
  }

  /**
   * Writes an event; with a transaction, it commits (and is delivered) with the caller's change.
   * Publish last in a transaction: on PostgreSQL the publish lock is held until commit.
   */
  async publish(executor: Db, topic: string, kind: string, payload: unknown): Promise<LiveEvent> {
    if (!TOPIC.test(topic)) throw new Error(`invalid live topic: ${topic}`);
    if (!KIND.test(kind)) throw new Error(`invalid live event kind: ${kind}`);
    const row = { topic, kind, payload: JSON.stringify(payload ?? null), created_at: this.clock.now().toISOString() };
    if (this.dbh.dialect === 'postgres') {
      const write = async (trx: Db) => {
        await sql`select pg_advisory_xact_lock(${sql.lit(PUBLISH_LOCK)})`.execute(trx);
        const { id } = await trx.insertInto('live_events').values(row).returning('id').executeTakeFirstOrThrow();
        // A NOTIFY is queued with the transaction: sent at commit, dropped on rollback.
        await sql`select pg_notify(${LIVE_CHANNEL}, ${`${topic}:${id}`})`.execute(trx);
        return Number(id);
      };
      const id = executor.isTransaction ? await write(executor) : await executor.transaction().execute(write);
      if (!this.listen) this.wake();
      return { id, ...toEventFields(row) };
    }
    const { id } = await executor.insertInto('live_events').values(row).returning('id').executeTakeFirstOrThrow();
    // SQLite has one connection: this read waits for the caller's transaction to end.
    this.wake();
    return { id: Number(id), ...toEventFields(row) };
  }

  /** Listens to topics; returns the function that stops listening. */
  subscribe(topics: readonly string[], listener: LiveListener): () => void {
    for (const t of topics) {
      let set = this.listeners.get(t);
      if (!set) {
        set = new Set();
        this.listeners.set(t, set);
      }
      set.add(listener);
    }
    return () => {
      for (const t of topics) {
        const set = this.listeners.get(t);
        set?.delete(listener);
        if (set?.size === 0) this.listeners.delete(t);
      }
    };
  }

  /** Open subscriptions (one per stream and topic), for health pages and leak tests. */
  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  /** Events of the topics after `afterId`, oldest first, at most `limit`. */
  async replay(topics: readonly string[], afterId: number, limit = PAGE): Promise<LiveEvent[]> {
    if (topics.length === 0) return [];
    const rows = await this.dbh.db
      .selectFrom('live_events')
      .select(['id', 'topic', 'kind', 'payload', 'created_at'])
      .where('topic', 'in', [...topics])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  }

  /** The newest committed event id (0 when none): a cursor a page can pass as `lastEventId`. */
  async latestId(): Promise<number> {
    const row = await this.dbh.db
      .selectFrom('live_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  /** Deletes events created before `before` (ISO), for a retention job; returns how many. */
  async purgeBefore(before: string): Promise<number> {
    const r = await this.dbh.db.deleteFrom('live_events').where('created_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  private onNotify(payload: string): void {
    const id = Number(payload.slice(payload.lastIndexOf(':') + 1));
    // Notifications arrive in commit order, and ids follow commit order: nobody here listens, so skip ahead.
    if (this.listeners.size === 0 && Number.isSafeInteger(id)) {
      if (!this.tailing) this.lastSeen = Math.max(this.lastSeen, id);
      return;
    }
    this.wake();
  }

  /** Reads the table forward once more; wakes that come during a read are folded into one more read. */
  private wake(): void {
    if (this.stopped || !this.started) return;
    if (this.tailing) {
      this.tailAgain = true;
      return;
    }
    this.tailing = (async () => {
      do {
        this.tailAgain = false;
        try {
          await this.tail();
        } catch (err) {
          this.log('live: reading new events failed', err);
        }
      } while (this.tailAgain && !this.stopped);
    })().finally(() => {
      this.tailing = null;
    });
  }

  private async tail(): Promise<void> {
    for (;;) {
      const rows = await this.dbh.db
        .selectFrom('live_events')
        .select(['id', 'topic', 'kind', 'payload', 'created_at'])
        .where('id', '>', this.lastSeen)
        .orderBy('id')
        .limit(PAGE)
        .execute();
      for (const r of rows) {
        const event = toEvent(r);
        this.lastSeen = event.id;
        this.dispatch(event);
      }
      if (rows.length < PAGE) return;
    }
  }

  private dispatch(event: LiveEvent): void {
    const set = this.listeners.get(event.topic);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch (err) {
        this.log('live: a listener failed', err);
      }
    }
  }
}

function toEventFields(row: { topic: string; kind: string; payload: string; created_at: string }) {
  return { topic: row.topic, kind: row.kind, payload: row.payload, createdAt: row.created_at };
}
