import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AuditActor } from '../../platform/audit-log/audit-log.js';
import type { AppDeps } from '../../platform/context.js';
import type { MailMessage } from '../../platform/mail/mailer.js';

/**
 * How the learning jobs' emails leave. No transaction is ever held open across an SMTP exchange
 * (SQLite has one writer). Flash alerts are sent at least once (sent, then marked); reminders and
 * escalations at most once (marked, then sent). docs/learning.md, "Delivery", says why.
 */

/** After this many failures in a row the mail server is probably down: stop, the next run retries. */
const MAX_FAILURES_IN_A_ROW = 3;

/**
 * At least once: sends each message, then marks its rows in a transaction of its own; a crash
 * between the two sends it again at the next run. A failed send leaves its rows for the next run.
 * Throws after the batch when an email failed, so the job's last error says so.
 */
export async function sendAll<T>(
  deps: AppDeps,
  label: string,
  groups: T[],
  build: (g: T) => MailMessage,
  mark: (trx: Transaction<Database>, g: T) => Promise<void>,
  failed?: (g: T, error: string) => Promise<void>,
): Promise<void> {
  const errors: string[] = [];
  let inARow = 0;
  for (const g of groups) {
    try {
      await deps.mailer.send(build(g));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      errors.push(message);
      await failed?.(g, message);
      if (++inARow >= MAX_FAILURES_IN_A_ROW) break;
      continue;
    }
    inARow = 0;
    await deps.db.transaction().execute((trx) => mark(trx, g));
  }
  if (errors.length > 0) throw new Error(`${label}: ${errors.length} email(s) failed: ${errors[0]}`);
}

/** A nudge about assignments, kept on their rows: a reminder to the learner, an escalation to a manager. */
export interface Nudge {
  label: string;
  column: 'reminder_sent_at' | 'escalated_at';
  /** Audit action of the mark; `${action}_failed` when a refused send takes it back. */
  action: string;
  who: AuditActor;
}

/** The rows of one email and whom the audit entry is about (the learner, or the manager). */
export interface NudgeGroup {
  ids: string[];
  entityId: string;
  organizationId: string;
}

/**
 * Marks the assignments nudged and audits it, in the caller's transaction; only rows not marked
 * yet, so the email is built from exactly the rows this run took. Returns their ids.
 */
async function markNudged(trx: Transaction<Database>, deps: AppDeps, nudge: Nudge, g: NudgeGroup, at: string): Promise<string[]> {
  const marked = await trx
    .updateTable('learning_assignments')
    .set({ [nudge.column]: at })
    .where('id', 'in', g.ids)
    .where(nudge.column, 'is', null)
    .returning('id')
    .execute();
  const ids = marked.map((r) => r.id);
  if (ids.length > 0) {
    await deps.audit.record(trx, nudge.who, {
      action: nudge.action,
      entityType: 'person',
      entityId: g.entityId,
      organizationId: g.organizationId,
      after: { assignmentIds: ids },
    });
  }
  return ids;
}

/**
 * At most once: a group's rows are marked in a committed transaction before its email leaves, so
 * a crash after the mail server accepted it cannot send it again; a refused send takes the mark
 * back and the next run retries. A crash between the mark and the send loses that one nudge, which
 * a reminder can afford (docs/learning.md, "Delivery"). Throws after the batch when an email failed.
 */
export async function nudgeAll<G extends NudgeGroup>(
  deps: AppDeps,
  nudge: Nudge,
  groups: G[],
  build: (g: G, ids: Set<string>) => MailMessage,
) {
  const errors: string[] = [];
  let inARow = 0;
  for (const g of groups) {
    const at = deps.clock.now().toISOString();
    const ids = await deps.db.transaction().execute((trx) => markNudged(trx, deps, nudge, g, at));
    if (ids.length === 0) continue;
    try {
      await deps.mailer.send(build(g, new Set(ids)));
      inARow = 0;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      errors.push(message);
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('learning_assignments')
          .set({ [nudge.column]: null })
          .where('id', 'in', ids)
          .where(nudge.column, '=', at)
          .execute();
        await deps.audit.record(trx, nudge.who, {
          action: `${nudge.action}_failed`,
          entityType: 'person',
          entityId: g.entityId,
          organizationId: g.organizationId,
          after: { assignmentIds: ids, error: message.slice(0, 500) },
        });
      });
      if (++inARow >= MAX_FAILURES_IN_A_ROW) break;
    }
  }
  if (errors.length > 0) throw new Error(`${nudge.label}: ${errors.length} email(s) failed: ${errors[0]}`);
}

/** Rows by key, in the order of their first row. */
export function groupBy<R, K>(rows: R[], key: (r: R) => K): Array<[K, R[]]> {
  const map = new Map<K, R[]>();
  for (const r of rows) {
    const list = map.get(key(r));
    if (list) list.push(r);
    else map.set(key(r), [r]);
  }
  return [...map];
}
