import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../db/index.js';
import type { AuditActor, AuditLog } from '../audit-log/audit-log.js';
import { addMs, type Clock } from '../clock.js';
import { Locked } from '../errors.js';
import type { AccountRow } from './accounts.js';

export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MS = 15 * 60_000;
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 4_000;

/** Server-side wait before an account's next attempt: none for two slips, then 250 ms doubling to 4 s. */
export function delayAfterFailures(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - 3), MAX_DELAY_MS);
}

function lockedError(until: Date): Locked {
  const fmt = (locale: string) => until.toLocaleString(locale, { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
  return new Locked('locked', {
    fr: `Trop d'échecs : ce compte est verrouillé jusqu'au ${fmt('fr-FR')} (heure de Paris).`,
    en: `Too many failures: this account is locked until ${fmt('en-GB')} (Paris time).`,
  });
}

/**
 * Per-account failure counting shared by passwords and second factors. The counter lives in
 * the accounts table so every app process sees it; the wait is measured from the last failure
 * with the injected clock, so a burst of guesses is slowed while a person retrying later is not.
 */
export class Lockout {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** Refuses a locked account and waits out the progressive delay; clears an expired lock. */
  async beforeAttempt(account: AccountRow): Promise<void> {
    const now = this.clock.now();
    if (account.locked_until) {
      const until = new Date(account.locked_until);
      if (now < until) throw lockedError(until);
      await this.db
        .updateTable('accounts')
        .set({ failed_attempts: 0, locked_until: null })
        .where('id', '=', account.id)
        .where('locked_until', '=', account.locked_until)
        .execute();
      return;
    }
    const wait = account.last_failed_at
      ? Date.parse(account.last_failed_at) + delayAfterFailures(account.failed_attempts) - now.getTime()
      : 0;
    if (wait > 0) await sleep(Math.min(wait, MAX_DELAY_MS));
  }

  /** Counts a failure (atomically) and audits it; throws Locked when this failure locks the account. */
  async recordFailure(account: AccountRow, who: AuditActor, reason: string, organizationId: string | null): Promise<void> {
    const now = this.clock.now();
    const lockedUntil = await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('accounts')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), last_failed_at: now.toISOString() }))
        .where('id', '=', account.id)
        .execute();
      const row = await trx.selectFrom('accounts').select('failed_attempts').where('id', '=', account.id).executeTakeFirstOrThrow();
      const failures = Number(row.failed_attempts);
      await this.audit.record(trx, who, {
        action: 'auth.sign_in_failed',
        entityType: 'account',
        entityId: account.id,
        organizationId,
        after: { reason, failures },
      });
      if (failures < LOCK_AFTER_FAILURES) return null;
      const until = addMs(now, LOCK_MS);
      await trx.updateTable('accounts').set({ locked_until: until.toISOString() }).where('id', '=', account.id).execute();
      await this.audit.record(trx, who, {
        action: 'auth.account_locked',
        entityType: 'account',
        entityId: account.id,
        organizationId,
        after: { failures, lockedUntil: until.toISOString() },
      });
      return until;
    });
    if (lockedUntil) throw lockedError(lockedUntil);
  }
}
