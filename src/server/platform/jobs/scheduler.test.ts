import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../../test/helpers/db.js';
import type { DbHandle } from '../../db/index.js';
import { FixedClock } from '../clock.js';
import { newId } from '../ids.js';
import { Scheduler, schedulerOf } from './scheduler.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('periodic job scheduler', () => {
  let dbh: DbHandle;
  beforeAll(async () => {
    dbh = await testDb();
  });
  afterAll(async () => dbh.close());

  /** Job names are unique per test: the PostgreSQL database is shared by the whole run. */
  const jobName = () => `test.${newId()}`;
  const lease = (name: string) => dbh.db.selectFrom('job_leases').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

  it('runs a job on demand, records its last run and frees the lease', async () => {
    const clock = new FixedClock(new Date('2026-11-28T09:00:00Z'));
    const s = new Scheduler(dbh.db, { intervalMs: 60_000, clock });
    const name = jobName();
    let runs = 0;
    s.register(name, async () => {
      runs++;
    });
    expect(await s.runOnce(name)).toEqual({ status: 'ran' });
    expect(await s.runOnce(name)).toEqual({ status: 'ran' });
    expect(runs).toBe(2);
    const row = await lease(name);
    expect(row).toMatchObject({ holder: null, last_run_at: '2026-11-28T09:00:00.000Z', last_error: null });
    expect(row.lease_until < '2026-11-28').toBe(true);
    expect(await s.lastRuns()).toEqual([{ name, lastRunAt: '2026-11-28T09:00:00.000Z', lastError: null, running: false }]);
    expect(() => s.register(name, async () => {})).toThrow(/already registered/);
    expect(await s.runOnce('no.such.job')).toMatchObject({ status: 'failed' });
  });

  it('records a failing job without throwing, and clears the error after a good run', async () => {
    const s = new Scheduler(dbh.db, { intervalMs: 60_000 });
    const name = jobName();
    let fail = true;
    s.register(name, async () => {
      if (fail) throw new Error('SMTP down');
    });
    expect(await s.runOnce(name)).toEqual({ status: 'failed', error: 'SMTP down' });
    expect((await lease(name)).last_error).toBe('SMTP down');
    fail = false;
    expect(await s.runOnce(name)).toEqual({ status: 'ran' });
    expect((await lease(name)).last_error).toBeNull();
  });

  it('skips a job whose lease another process holds, until that lease expires', async () => {
    const clock = new FixedClock(new Date('2026-11-28T09:00:00Z'));
    const s = new Scheduler(dbh.db, { intervalMs: 60_000, clock });
    const name = jobName();
    let runs = 0;
    s.register(name, async () => {
      runs++;
    });
    await dbh.db
      .insertInto('job_leases')
      .values({ name, holder: 'other-process', lease_until: '2026-11-28T09:05:00.000Z', last_run_at: null, last_error: null })
      .execute();
    expect(await s.runOnce(name)).toEqual({ status: 'busy' });
    expect(runs).toBe(0);
    clock.advance(6 * 60_000);
    expect(await s.runOnce(name)).toEqual({ status: 'ran' });
    expect(runs).toBe(1);
  });

  it('lets only one of two processes run a job at a time', async () => {
    const a = new Scheduler(dbh.db, { intervalMs: 60_000 });
    const b = new Scheduler(dbh.db, { intervalMs: 60_000 });
    const name = jobName();
    let inside = 0;
    let maxInside = 0;
    let runs = 0;
    const body = async () => {
      inside++;
      maxInside = Math.max(maxInside, inside);
      runs++;
      await sleep(150);
      inside--;
    };
    a.register(name, body);
    b.register(name, body);
    const outcomes = await Promise.all([a.runOnce(name), b.runOnce(name)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['busy', 'ran']);
    expect(runs).toBe(1);
    expect(maxInside).toBe(1);
    // Waiting for the lease instead of giving up: both run, one after the other.
    const waited = await Promise.all([a.runOnce(name, { waitMs: 5000 }), b.runOnce(name, { waitMs: 5000 })]);
    expect(waited.map((o) => o.status)).toEqual(['ran', 'ran']);
    expect(maxInside).toBe(1);
  });

  it('keeps the lease of a run that lasts longer than the lease', async () => {
    const a = new Scheduler(dbh.db, { intervalMs: 60_000, leaseMs: 150 });
    const b = new Scheduler(dbh.db, { intervalMs: 60_000, leaseMs: 150 });
    const name = jobName();
    let runs = 0;
    const body = async () => {
      runs++;
      await sleep(500);
    };
    a.register(name, body);
    b.register(name, body);
    const first = a.runOnce(name);
    await sleep(350);
    expect(await b.runOnce(name)).toEqual({ status: 'busy' });
    expect(await first).toEqual({ status: 'ran' });
    expect(runs).toBe(1);
  });

  it('runs once more when asked during a run of the same process', async () => {
    const s = new Scheduler(dbh.db, { intervalMs: 60_000 });
    const name = jobName();
    let runs = 0;
    s.register(name, async () => {
      runs++;
      await sleep(100);
    });
    const first = s.runOnce(name);
    await sleep(20);
    const second = s.runOnce(name);
    await Promise.all([first, second]);
    expect(runs).toBe(2);
  });

  it('ticks every interval once started, and stops', async () => {
    const s = new Scheduler(dbh.db, { intervalMs: 30 });
    const name = jobName();
    let runs = 0;
    s.register(name, async () => {
      if (++runs === 2) throw new Error('a bad run does not stop the timer');
    });
    s.start();
    for (let i = 0; i < 100 && runs < 3; i++) await sleep(30);
    expect(runs).toBeGreaterThanOrEqual(3);
    await s.stop();
    const stoppedAt = runs;
    await sleep(150);
    expect(runs).toBe(stoppedAt);
  });

  it('is started by the app when JOBS is true and stopped when the app closes', async () => {
    const app = Fastify({ logger: false });
    const on = schedulerOf(app, { db: dbh.db, config: { JOBS: true, JOBS_INTERVAL_SECONDS: 1 } });
    expect(schedulerOf(app, { db: dbh.db, config: { JOBS: true, JOBS_INTERVAL_SECONDS: 1 } })).toBe(on);
    const name = jobName();
    let runs = 0;
    on.register(name, async () => {
      runs++;
    });
    await app.ready();
    for (let i = 0; i < 40 && runs === 0; i++) await sleep(100);
    expect(runs).toBeGreaterThanOrEqual(1);
    await app.close();
    const closedAt = runs;
    await sleep(1200);
    expect(runs).toBe(closedAt);

    const quiet = Fastify({ logger: false });
    const off = schedulerOf(quiet, { db: dbh.db, config: { JOBS: false, JOBS_INTERVAL_SECONDS: 1 } });
    let quietRuns = 0;
    off.register(jobName(), async () => {
      quietRuns++;
    });
    await quiet.ready();
    await sleep(1200);
    expect(quietRuns).toBe(0);
    await quiet.close();
  });
});
