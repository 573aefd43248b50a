import type { AppDeps } from '../../platform/context.js';
import { deliverDue, pendingTimed } from './play-delivery.js';
import { dueAt } from './play-rules.js';

/** A timer never sleeps longer: the clock may be moved (tests) and another process may change the exercise. */
const MAX_SLEEP_MS = 30_000;
/** How often running exercises are looked for: those started by another process, or armed before a restart. */
const RESCAN_MS = 10_000;

/**
 * One in-process timer per running exercise, set for its next due stimulus. Nothing lives only in
 * memory: the timers are rebuilt from the database at start-up and by a periodic rescan, so a
 * restart loses nothing; several processes may arm the same exercise, since a stimulus is claimed
 * once by a guarded update (play-delivery.ts).
 */
export class PlayScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private rescan: NodeJS.Timeout | null = null;
  /** Off until start(): with JOBS off (tests, a web-only process) nothing is delivered by timers. */
  private stopped = true;
  private running = new Set<Promise<unknown>>();

  constructor(private readonly deps: AppDeps) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.armRunning();
    this.rescan = setInterval(() => this.track(this.armRunning()), RESCAN_MS);
    this.rescan.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.rescan) clearInterval(this.rescan);
    this.rescan = null;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  /** Sets (or resets) the exercise's timer to its next due stimulus; a paused or ended exercise has none. */
  async arm(exerciseId: string): Promise<void> {
    const old = this.timers.get(exerciseId);
    if (old) clearTimeout(old);
    this.timers.delete(exerciseId);
    if (this.stopped) return;
    const ex = await this.deps.db.selectFrom('exercises').selectAll().where('id', '=', exerciseId).executeTakeFirst();
    if (ex?.status !== 'running') return;
    const now = this.deps.clock.now();
    const next = (await pendingTimed(this.deps.db, exerciseId))
      .map((s) => dueAt({ ...ex, paused_ms: Number(ex.paused_ms) }, s.offset_minutes, now)?.getTime() ?? Number.POSITIVE_INFINITY)
      .reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
    if (next === Number.POSITIVE_INFINITY || this.stopped) return;
    const wait = Math.min(MAX_SLEEP_MS, Math.max(0, next - now.getTime()));
    const timer = setTimeout(() => {
      this.timers.delete(exerciseId);
      this.track(this.fire(exerciseId));
    }, wait);
    timer.unref();
    this.timers.set(exerciseId, timer);
  }

  /** Delivers what is due in every running exercise now (used after moving a test clock, and by the CLI). */
  async tick(): Promise<number> {
    let n = 0;
    for (const id of await this.runningIds()) n += await deliverDue(this.deps, id);
    return n;
  }

  /** Armed timers, for health pages and tests. */
  armedCount(): number {
    return this.timers.size;
  }

  private async fire(exerciseId: string): Promise<void> {
    try {
      await deliverDue(this.deps, exerciseId);
    } catch {
      // A failed delivery is retried by the next timer: the stimulus is still pending.
    }
    await this.arm(exerciseId);
  }

  private async armRunning(): Promise<void> {
    try {
      for (const id of await this.runningIds()) if (!this.timers.has(id)) await this.arm(id);
    } catch {
      // The database may be briefly unreachable: the next rescan tries again.
    }
  }

  private async runningIds(): Promise<string[]> {
    const rows = await this.deps.db.selectFrom('exercises').select('id').where('status', '=', 'running').execute();
    return rows.map((r) => r.id);
  }

  private track(p: Promise<unknown>): void {
    const q = p.catch(() => {}).finally(() => this.running.delete(q));
    this.running.add(q);
  }
}
