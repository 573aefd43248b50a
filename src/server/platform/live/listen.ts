import type pg from 'pg';

export interface ListenHandlers {
  onNotify: (payload: string) => void;
  /** After every (re)connection: notifications sent while down are lost, the caller catches up. */
  onConnect: () => void;
  log: (message: string, err?: unknown) => void;
}

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 10_000;

/**
 * One dedicated PostgreSQL connection per process doing LISTEN (a pooled connection would be
 * handed back and lose it). When it drops, it reconnects with a doubling, jittered delay so that
 * many processes do not hit a restarting database at the same instant.
 */
export class ListenConnection {
  private client: pg.Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private delayMs = FIRST_DELAY_MS;
  private stopped = false;

  constructor(
    private readonly makeClient: () => pg.Client,
    private readonly channel: string,
    private readonly handlers: ListenHandlers,
  ) {}

  /** Connects; if the database is not there yet, keeps retrying in the background. */
  async start(): Promise<void> {
    await this.connect().catch(() => {
      // connect() has logged the failure and scheduled the next try.
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /** Whether the LISTEN connection is up (for health pages and tests). */
  get connected(): boolean {
    return this.client !== null;
  }

  private async connect(): Promise<void> {
    const client = this.makeClient();
    let lost = false;
    const onLost = (err?: unknown) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.removeAllListeners('notification');
      client.end().catch(() => {});
      if (this.stopped) return;
      this.handlers.log('live: LISTEN connection lost, reconnecting', err);
      this.scheduleRetry();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (n) => {
      if (n.channel === this.channel && n.payload !== undefined) this.handlers.onNotify(n.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${this.channel}`);
    } catch (err) {
      onLost(err);
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.delayMs = FIRST_DELAY_MS;
    this.handlers.onConnect();
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.stopped) return;
    const delay = this.delayMs * (0.5 + Math.random());
    this.delayMs = Math.min(MAX_DELAY_MS, this.delayMs * 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().catch(() => {
        // connect() has already scheduled the next try.
      });
    }, delay);
    this.retryTimer.unref();
  }
}
