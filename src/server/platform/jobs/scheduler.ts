import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.js';
import { type Clock, systemClock } from '../clock.js';
import { newId } from '../ids.js';

/** The body of a periodic job. It may throw: the scheduler records the error and carries on. */
export type JobBody = () => Promise<void>;

export type JobOutcome = { status: 'ran' } | { status: 'busy' } | { status: 'failed'; error: string };

export interface JobRun {
  name: string;
  lastRunAt: string | null;
  lastError: string | null;
  /** Whether a process holds the job's lease right now. */
  running: boolean;
}

export interface SchedulerOptions {
  intervalMs: number;
  /** How long a lease protects a run; a process that dies mid-run frees the job after this. */
  leaseMs?: number;
  /**
   * Wall-clock time for leases: a lease coordinates real processes, so a test's FixedClock must
   * not freeze it (job bodies use the app's clock for due dates).
   */
  clock?: Clock;
  log?: (message: string, err?: unknown) => void;
}

/** A free lease: released leases point to the epoch so any process (whatever its clock) takes them. */
const FREE = new Date(0).toISOString();
const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 1000);

/**
 * Runs named periodic jobs every `intervalMs`. A row per job in job_leases makes only one process
 * run a job at a time when several share a PostgreSQL database; a job's error is recorded in
 * last_error and never reaches the process.
 */
export class Scheduler {
  private readonly jobs = new Map<string, JobBody>();
  private readonly running = new Map<string, Promise<JobOutcome>>();
  private readonly again = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly clock: Clock;
  private readonly leaseMs: number;

  constructor(
    private readonly db: Db,
    private readonly opts: SchedulerOptions,
  ) {
    this.clock = opts.clock ?? systemClock;
    this.leaseMs = opts.leaseMs ?? 10 * 60_000;
  }

  register(name: string, body: JobBody): void {
    if (this.jobs.has(name)) throw new Error(`Job ${name} is already registered`);
    this.jobs.set(name, body);
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  start(): void {
    if (this.timer || this.stopped) return;
    const tick = async () => {
      for (const name of this.jobs.keys()) {
        if (this.stopped) return;
        await this.runOnce(name);
      }
    };
    const schedule = () => {
      this.timer = setTimeout(() => {
        void tick().finally(() => {
          if (!this.stopped) schedule();
        });
      }, this.opts.intervalMs);
      // Never keeps the process (or a test run) alive on its own.
      this.timer.unref();
    };
    schedule();
  }

  /** Stops the timer and waits for the runs in progress (the database closes after this). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.running.values()]);
  }

  /**
   * Runs a job now unless another process holds its lease (then `busy`). Asked while this process
   * already runs it, the job runs once more right after, so work queued meanwhile is not left
   * waiting for the next tick. `waitMs`: keep trying for the lease that long (tests, CLI).
   */
  runOnce(name: string, opts: { waitMs?: number } = {}): Promise<JobOutcome> {
    const body = this.jobs.get(name);
    if (!body) return Promise.resolve({ status: 'failed', error: `unknown job ${name}` });
    const current = this.running.get(name);
    if (current) {
      this.again.add(name);
      return current;
    }
    const run = (async () => {
      let outcome: JobOutcome;
      do {
        this.again.delete(name);
        outcome = await this.leasedRun(name, body, opts.waitMs ?? 0);
      } while (this.again.has(name) && !this.stopped);
      return outcome;
    })().finally(() => this.running.delete(name));
    this.running.set(name, run);
    return run;
  }

  /** The last run of every registered job, for the administration page. */
  async lastRuns(): Promise<JobRun[]> {
    const names = this.names();
    if (names.length === 0) return [];
    const rows = await this.db.selectFrom('job_leases').selectAll().where('name', 'in', names).execute();
    const now = this.clock.now().toISOString();
    return names.map((name) => {
      const row = rows.find((r) => r.name === name);
      return {
        name,
        lastRunAt: row?.last_run_at ?? null,
        lastError: row?.last_error ?? null,
        running: this.running.has(name) || (row !== undefined && row.holder !== null && row.lease_until > now),
      };
    });
  }

  private async leasedRun(name: string, body: JobBody, waitMs: number): Promise<JobOutcome> {
    const holder = `${process.pid}:${newId()}`;
    const deadline = Date.now() + waitMs;
    try {
      while (!(await this.acquire(name, holder))) {
        if (Date.now() >= deadline || this.stopped) return { status: 'busy' };
        await new Promise((r) => setTimeout(r, 50));
      }
    } catch (err) {
      this.opts.log?.(`job ${name}: lease failed`, err);
      return { status: 'failed', error: errorText(err) };
    }
    let error: string | null = null;
    // A long run (thousands of emails) keeps its lease alive; a dead process stops renewing it.
    const heartbeat = setInterval(() => {
      void this.renew(name, holder).catch((err: unknown) => this.opts.log?.(`job ${name}: could not renew its lease`, err));
    }, this.leaseMs / 3);
    heartbeat.unref();
    try {
      await body();
    } catch (err) {
      error = errorText(err);
      this.opts.log?.(`job ${name} failed`, err);
    } finally {
      clearInterval(heartbeat);
    }
    try {
      await this.db
        .updateTable('job_leases')
        .set({ holder: null, lease_until: FREE, last_run_at: this.clock.now().toISOString(), last_error: error })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .execute();
    } catch (err) {
      this.opts.log?.(`job ${name}: could not release its lease`, err);
    }
    return error === null ? { status: 'ran' } : { status: 'failed', error };
  }

  private async renew(name: string, holder: string): Promise<void> {
    const until = new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
    await this.db.updateTable('job_leases').set({ lease_until: until }).where('name', '=', name).where('holder', '=', holder).execute();
  }

  /** Takes the lease when it is free or expired; the holder token says who won a race. */
  private async acquire(name: string, holder: string): Promise<boolean> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + this.leaseMs).toISOString();
    const taken = await this.db
      .updateTable('job_leases')
      .set({ holder, lease_until: until })
      .where('name', '=', name)
      .where('lease_until', '<', now.toISOString())
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 1) return true;
    await this.db
      .insertInto('job_leases')
      .values({ name, holder, lease_until: until, last_run_at: null, last_error: null })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await this.db.selectFrom('job_leases').select('holder').where('name', '=', name).executeTakeFirst();
    return row?.holder === holder;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The periodic jobs of this app (one scheduler per app, shared by the modules). */
    jobs: Scheduler;
  }
}

/**
 * The app's scheduler, created by the first module that asks: started when config.JOBS is true,
 * stopped when the app closes. Tests (JOBS false) call `app.jobs.runOnce(name)` themselves.
 */
export function schedulerOf(app: FastifyInstance, deps: { db: Db; config: { JOBS: boolean; JOBS_INTERVAL_SECONDS: number } }): Scheduler {
  if (app.hasDecorator('jobs')) return app.jobs;
  const scheduler = new Scheduler(deps.db, {
    intervalMs: deps.config.JOBS_INTERVAL_SECONDS * 1000,
    log: (message, err) => app.log.error({ err }, message),
  });
  app.decorate('jobs', scheduler);
  app.addHook('onReady', async () => {
    if (deps.config.JOBS) scheduler.start();
  });
  app.addHook('onClose', async () => scheduler.stop());
  return scheduler;
}
