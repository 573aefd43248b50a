import type { Clock } from '../clock.js';
import { TooMany } from '../errors.js';

/**
 * In-memory fixed-window counter per key (an IP, an email). One process only: behind a load
 * balancer each process counts on its own, which still bounds spraying; the per-account lockout
 * (in the database) is the shared wall. Sized for hospital NATs where hundreds of staff share an IP.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit; false once the key went over its limit in the current window. */
  tryHit(key: string): boolean {
    try {
      this.hit(key);
      return true;
    } catch {
      return false;
    }
  }

  /** Counts one hit; throws TooMany once the key went over its limit in the current window. */
  hit(key: string): void {
    const now = this.clock.now().getTime();
    this.sweep(now);
    const entry = this.hits.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      this.hits.set(key, { windowStart: now, count: 1 });
      return;
    }
    entry.count += 1;
    if (entry.count > this.limit) {
      const waitMinutes = Math.max(1, Math.ceil((entry.windowStart + this.windowMs - now) / 60_000));
      throw new TooMany('too_many', {
        fr: `Trop de tentatives : réessayez dans ${waitMinutes} min.`,
        en: `Too many attempts: try again in ${waitMinutes} min.`,
      });
    }
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [k, v] of this.hits) if (now - v.windowStart >= this.windowMs) this.hits.delete(k);
  }
}
