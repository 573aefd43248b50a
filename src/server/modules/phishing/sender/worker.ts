import { hostname } from 'node:os';
import type { ConnectionOptions } from 'node:tls';
import { sql } from 'kysely';
import { newId } from '../../../platform/ids.js';
import { inWindow, profileWindow } from '../schedule.js';
import { type BatchContext, Delivery, type Item, type ProfileRow } from './deliver.js';
import type { SmtpClient, SmtpOptions } from './smtp-client.js';
import { type ActiveCampaign, type SenderDeps, SenderStore } from './store.js';

export interface SenderOptions {
  /** Where links in emails point (PUBLIC_BASE_URL, or http://HOST:PUBLIC_PORT). */
  baseUrl: string;
  reportAddress: string;
  /** Parallel SMTP connections per sending profile (PHISHING_SEND_CONNECTIONS). */
  connections?: number;
  /** Emails claimed per campaign and round (default: 10 per connection, few left to recover after a crash). */
  batchSize?: number;
  /** Longest sleep between two rounds when nothing is due. */
  idleMs?: number;
  /** Only these organizations' staff (tests share one database). */
  scope?: string[];
  tls?: ConnectionOptions;
  clientName?: string;
  replyTimeoutMs?: number;
  retryDelaysMs?: number[];
  maxAttempts?: number;
  log?: (message: string, err?: unknown) => void;
}

/** Sends in the last 60 s, per second: a profile's rate holds across campaigns sharing it. */
class RateWindow {
  private readonly seconds = new Map<number, number>();
  add(n: number, at: number): void {
    const s = Math.floor(at / 1000);
    this.seconds.set(s, (this.seconds.get(s) ?? 0) + n);
  }
  count(at: number): number {
    const from = Math.floor(at / 1000) - 59;
    let n = 0;
    for (const [s, c] of this.seconds) {
      if (s < from) this.seconds.delete(s);
      else n += c;
    }
    return n;
  }
}

const LOCK = 'rempart:phishing-sender';

/**
 * The campaign sender (ADR 0007). Each round claims the due emails of running campaigns whose
 * profile is inside its sending window, within the profile's rate per minute, and sends them over
 * a few SMTP connections per profile. `tick` and `runUntilIdle` let tests drive it; `start` runs
 * it in the background (on PostgreSQL, one process at a time: an advisory lock held on a session).
 */
export class CampaignSender {
  readonly workerId = `${hostname()}:${process.pid}:${newId().slice(-12)}`;
  readonly store: SenderStore;
  private readonly delivery: Delivery;
  private readonly pools = new Map<string, SmtpClient[]>();
  private readonly rates = new Map<string, RateWindow>();
  private readonly log: (message: string, err?: unknown) => void;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private recovered = false;
  private readonly batchSize: number;

  constructor(
    private readonly deps: SenderDeps,
    private readonly opts: SenderOptions,
  ) {
    this.log = opts.log ?? ((m, err) => console.error(m, err ?? ''));
    this.store = new SenderStore(deps, this.workerId, opts.scope ?? null);
    this.batchSize = opts.batchSize ?? Math.max(20, (opts.connections ?? 4) * 10);
    this.delivery = new Delivery(
      deps,
      this.store,
      {
        baseUrl: opts.baseUrl,
        reportAddress: opts.reportAddress,
        retryDelaysMs: opts.retryDelaysMs ?? [60_000, 300_000, 900_000, 3_600_000],
        maxAttempts: opts.maxAttempts ?? 5,
      },
      this.log,
    );
  }

  /** Start-up recovery (ADR 0007), once per sender. */
  async recover(): Promise<void> {
    const now = this.deps.clock.now();
    const done = await this.store.recover(now);
    for (const [profileId, n] of await this.store.sentLastMinute(now)) this.rateOf(profileId).add(n, now.getTime());
    this.recovered = true;
    if (done.reset || done.unknown || done.rescheduled) {
      this.log(`phishing sender: recovered ${done.reset} interrupted, ${done.unknown} unconfirmed, ${done.rescheduled} rescheduled`);
    }
  }

  /** One round: claims what is due and sends it. Returns the number of emails handled. */
  async tick(): Promise<number> {
    if (!this.recovered) await this.recover();
    const now = this.deps.clock.now();
    const iso = now.toISOString();
    const byProfile = new Map<string, ActiveCampaign[]>();
    for (const c of await this.store.activeCampaigns()) {
      byProfile.set(c.sending_profile_id, [...(byProfile.get(c.sending_profile_id) ?? []), c]);
    }
    const sending: Array<Promise<void>> = [];
    let total = 0;
    for (const [profileId, campaigns] of byProfile) {
      const profile = await this.store.profile(profileId);
      const open = profile !== undefined && inWindow(profileWindow(profile), now.getTime());
      const rate = this.rateOf(profileId);
      let budget = open ? profile.rate_per_minute - rate.count(now.getTime()) : 0;
      const items: Item[] = [];
      for (const campaign of campaigns) {
        const rows = await this.store.claim(campaign.id, Math.min(budget, this.batchSize), iso);
        if (rows.length === 0) {
          await this.store.completeIfDone(campaign.id, iso);
          continue;
        }
        if (campaign.status === 'scheduled') await this.store.markRunning(campaign.id, iso);
        rate.add(rows.length, now.getTime());
        budget -= rows.length;
        for (const r of rows) items.push({ campaign, r });
      }
      if (profile && items.length) {
        total += items.length;
        sending.push(this.sendAll(profile, items));
      }
    }
    await Promise.all(sending);
    return total;
  }

  /** Rounds until nothing is due (tests). */
  async runUntilIdle(maxRounds = 10_000): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const n = await this.tick();
      total += n;
      if (n === 0) break;
    }
    await this.closeConnections();
    return total;
  }

  /** Runs in the background until `stop`. */
  start(): void {
    this.loop ??= this.leading(async () => {
      while (!this.stopped) {
        let n = 0;
        try {
          n = await this.tick();
        } catch (err) {
          this.log('phishing sender: round failed', err);
        }
        if (n === 0 && !this.stopped) {
          await this.closeConnections();
          await this.sleep(await this.untilNextDue());
        }
      }
    }).catch((err) => this.log('phishing sender stopped', err));
  }

  /** Something may be due now (a launch, a resume). */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    await this.closeConnections();
  }

  // ---------------------------------------------------------------------------------------------

  private rateOf(profileId: string): RateWindow {
    const r = this.rates.get(profileId) ?? new RateWindow();
    this.rates.set(profileId, r);
    return r;
  }

  private async sendAll(profile: ProfileRow, items: Item[]): Promise<void> {
    let ctx: BatchContext;
    try {
      ctx = await this.delivery.context(profile, items, this.smtpExtra());
    } catch (err) {
      for (const item of items) await this.delivery.temporary(item, err);
      return;
    }
    const queue = [...items];
    let unreachable: unknown = null;
    const lane = async () => {
      let client: SmtpClient | undefined;
      for (let item = queue.shift(); item; item = queue.shift()) {
        if (unreachable) {
          await this.delivery.temporary(item, unreachable);
          continue;
        }
        try {
          if (!client?.usable) client = await this.acquire(ctx);
        } catch (err) {
          // The server cannot be reached: the rest of the batch waits for its retry too.
          unreachable = err;
          await this.delivery.temporary(item, err);
          continue;
        }
        await this.delivery.send(client, ctx, item);
      }
      if (client?.usable) this.poolOf(ctx).push(client);
    };
    const lanes = Math.min(this.opts.connections ?? 4, items.length);
    await Promise.all(Array.from({ length: lanes }, lane));
  }

  private poolOf(ctx: BatchContext): SmtpClient[] {
    const key = `${ctx.profile.id}@${ctx.profile.updated_at}`;
    const pool = this.pools.get(key) ?? [];
    this.pools.set(key, pool);
    return pool;
  }

  private async acquire(ctx: BatchContext): Promise<SmtpClient> {
    const pool = this.poolOf(ctx);
    for (let c = pool.pop(); c; c = pool.pop()) if (c.usable) return c;
    return this.delivery.connect(ctx);
  }

  private smtpExtra(): Partial<SmtpOptions> {
    return {
      ...(this.opts.tls ? { tls: this.opts.tls } : {}),
      ...(this.opts.clientName ? { clientName: this.opts.clientName } : {}),
      ...(this.opts.replyTimeoutMs ? { timeoutMs: this.opts.replyTimeoutMs } : {}),
    };
  }

  private async closeConnections(): Promise<void> {
    const all = [...this.pools.values()].flat();
    this.pools.clear();
    await Promise.all(all.map((c) => c.quit()));
  }

  private async untilNextDue(): Promise<number> {
    const idle = this.opts.idleMs ?? 1000;
    try {
      const next = await this.store.nextDue();
      if (!next) return idle;
      return Math.min(idle, Math.max(5, Date.parse(next) - this.deps.clock.now().getTime()));
    } catch {
      return idle;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  /** On PostgreSQL only the process holding the lock sends; the others wait to take over. */
  private async leading(body: () => Promise<void>): Promise<void> {
    if (this.deps.dbh.dialect !== 'postgres' || this.opts.scope) {
      if (!this.recovered) await this.recover();
      return body();
    }
    while (!this.stopped) {
      const led = await this.deps.db.connection().execute(async (conn) => {
        const got = await sql<{ locked: boolean }>`select pg_try_advisory_lock(hashtext(${LOCK})) as locked`.execute(conn);
        if (!got.rows[0]?.locked) return false;
        try {
          await this.recover();
          await body();
        } finally {
          await sql`select pg_advisory_unlock(hashtext(${LOCK}))`.execute(conn);
        }
        return true;
      });
      if (led) return;
      await this.sleep(30_000);
    }
  }
}
