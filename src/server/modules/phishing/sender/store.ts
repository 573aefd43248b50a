import type { Statement } from 'better-sqlite3';
import { type Selectable, sql } from 'kysely';
import { auditActor, systemContext } from '../../../platform/context.js';
import type { Executor } from '../../identity/shared.js';
import { CampaignRepo } from '../campaign-repo.js';
import { bumpStats, type StatsCounter } from '../stats.js';
import type { PhishingRecipientsTable } from '../tables.js';
import { type ClaimedRecipient, type SenderDeps, SenderReads } from './reads.js';

export type { ActiveCampaign, ClaimedRecipient, SenderDeps } from './reads.js';

const claimedColumns = [
  'id',
  'campaign_id',
  'organization_id',
  'person_id',
  'email',
  'first_name',
  'last_name',
  'service',
  'role_family',
  'site',
  'attempts',
] as const;
const forgetPerson = { person_id: null, email: null, first_name: null, last_name: null };
/** Pending emails this late at start-up are spread again rather than sent in one burst. */
const BACKLOG_MS = 120_000;

/**
 * The sender's writes: claims, the "sent" commit made in the same tick as the end of DATA (raw
 * better-sqlite3 statement on SQLite), outcomes, completion, start-up recovery.
 */
export class SenderStore extends SenderReads {
  private readonly sentStatement: Statement | null;
  private readonly repo = new CampaignRepo();

  constructor(
    deps: SenderDeps,
    readonly workerId: string,
    scope: string[] | null = null,
  ) {
    super(deps, scope);
    this.sentStatement =
      deps.dbh.sqlite?.prepare(
        `update phishing_recipients set status = 'sent', sent_at = ?, token_hash = ?, message_id = ?, last_error = null
         where id = ? and status = 'sending' and claimed_by = ?`,
      ) ?? null;
  }

  /** Takes up to `limit` due emails of a campaign that is still sending, as this worker's. */
  async claim(campaignId: string, limit: number, now: string): Promise<ClaimedRecipient[]> {
    if (limit <= 0) return [];
    let due = this.db
      .selectFrom('phishing_recipients')
      .select('id')
      .where('campaign_id', '=', campaignId)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('scheduled_at', '<=', now)]),
          eb.and([eb('status', '=', 'retry'), eb('next_attempt_at', '<=', now)]),
        ]),
      )
      .orderBy('scheduled_at')
      .orderBy('send_order')
      .limit(limit);
    if (this.scope) due = due.where('organization_id', 'in', this.scope);
    const rows = await this.db
      .updateTable('phishing_recipients')
      .set({ status: 'sending', claimed_by: this.workerId, attempts: sql`attempts + 1` })
      .where('id', 'in', due)
      .where('status', 'in', ['pending', 'retry'])
      .where('campaign_id', 'in', (eb) =>
        eb.selectFrom('phishing_campaigns').select('id').where('id', '=', campaignId).where('status', 'in', ['scheduled', 'running']),
      )
      .returning([...claimedColumns])
      .execute();
    // Claim order is not guaranteed by RETURNING: keep the schedule's.
    return rows;
  }

  async markRunning(campaignId: string, now: string): Promise<void> {
    await this.db
      .updateTable('phishing_campaigns')
      .set({ status: 'running', updated_at: now })
      .where('id', '=', campaignId)
      .where('status', '=', 'scheduled')
      .execute();
  }

  /** A campaign is completed once none of its emails is waiting, being sent or to retry. */
  async completeIfDone(campaignId: string, now: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('phishing_campaigns')
        .set({ status: 'completed', completed_at: now, updated_at: now })
        .where('id', '=', campaignId)
        .where('status', 'in', ['scheduled', 'running'])
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('phishing_recipients')
                .select('id')
                .where('campaign_id', '=', campaignId)
                .where('status', 'in', ['pending', 'sending', 'retry']),
            ),
          ),
        )
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
      const c = await trx
        .selectFrom('phishing_campaigns')
        .select(['organization_id', 'territory_id'])
        .where('id', '=', campaignId)
        .executeTakeFirst();
      await this.deps.audit.record(trx, auditActor(systemContext('job:phishing-sender')), {
        action: 'phishing.campaign.complete',
        entityType: 'phishing_campaign',
        entityId: campaignId,
        organizationId: c?.organization_id ?? null,
        territoryId: c?.territory_id ?? null,
        after: { status: 'completed', completedAt: now },
      });
      return true;
    });
  }

  /** Whether "sent" must be committed synchronously through the raw SQLite handle. */
  get synchronous(): boolean {
    return this.sentStatement !== null;
  }

  /** Kysely's SQLite transactions share the raw handle: a raw write must not land inside one. */
  whenNoTransaction(): Promise<void> {
    const sqlite = this.deps.dbh.sqlite;
    return new Promise((resolve) => {
      const check = () => (sqlite?.inTransaction ? setImmediate(check) : resolve());
      check();
    });
  }

  /** SQLite: commits "sent" now (autocommit, durable when it returns). False: the row is no longer ours. */
  commitSentSync(r: ClaimedRecipient, hash: string, messageId: string, now: string): boolean {
    if (!this.sentStatement || this.deps.dbh.sqlite?.inTransaction) return false;
    return this.sentStatement.run(now, hash, messageId, r.id, this.workerId).changes === 1;
  }

  /** PostgreSQL: the same commit, awaited before the end of DATA is written. */
  async commitSent(r: ClaimedRecipient, hash: string, messageId: string, now: string): Promise<boolean> {
    const res = await this.db
      .updateTable('phishing_recipients')
      .set({ status: 'sent', sent_at: now, token_hash: hash, message_id: messageId, last_error: null })
      .where('id', '=', r.id)
      .where('status', '=', 'sending')
      .where('claimed_by', '=', this.workerId)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  private async settle(
    r: ClaimedRecipient,
    from: Array<PhishingRecipientsTable['status']>,
    set: Partial<Selectable<PhishingRecipientsTable>>,
    counters: Partial<Record<StatsCounter, number>>,
    anonymous: boolean,
    now: string,
    extra?: (trx: Executor) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      let q = trx
        .updateTable('phishing_recipients')
        .set({ ...set, ...(anonymous ? forgetPerson : {}) })
        .where('id', '=', r.id)
        .where('status', 'in', from);
      if (set.status === 'sent') q = q.where('last_error', 'is', null);
      const res = await q.executeTakeFirst();
      if (Number(res.numUpdatedRows) === 1) await bumpStats(trx, r, counters, now);
      await extra?.(trx);
    });
  }

  /** 250 after the end of DATA. */
  delivered(r: ClaimedRecipient, anonymous: boolean, now: string): Promise<void> {
    return this.settle(
      r,
      ['sent'],
      { status: 'delivered', delivered_at: now, claimed_by: null },
      { sent: 1, delivered: 1 },
      anonymous,
      now,
    );
  }

  /** A temporary failure: the email will be tried again at `at`. */
  retry(r: ClaimedRecipient, error: string, at: string): Promise<void> {
    return this.settle(
      r,
      ['sending', 'sent'],
      { status: 'retry', next_attempt_at: at, last_error: error.slice(0, 1000), claimed_by: null },
      {},
      false,
      at,
    );
  }

  /** A permanent failure (5xx, or too many temporary ones). */
  failed(r: ClaimedRecipient, error: string, anonymous: boolean, now: string): Promise<void> {
    return this.settle(
      r,
      ['sending', 'sent'],
      { status: 'failed', last_error: error.slice(0, 1000), claimed_by: null },
      { failed: 1 },
      anonymous,
      now,
    );
  }

  /** The end of DATA was written but no verdict came back: the server may have the email. It stays sent. */
  unknown(r: ClaimedRecipient, error: string, anonymous: boolean, now: string): Promise<void> {
    return this.settle(r, ['sent'], { status: 'sent', last_error: error.slice(0, 1000), claimed_by: null }, { sent: 1 }, anonymous, now);
  }

  /**
   * At start-up (ADR 0007): emails claimed but not finished go back to pending (the server dropped
   * them without their final "."), emails committed as sent without a verdict are counted as sent,
   * and a backlog left by a stop is spread again so the profile's rate still holds.
   */
  async recover(now: Date): Promise<{ reset: number; unknown: number; rescheduled: number }> {
    const iso = now.toISOString();
    let reset = this.db
      .updateTable('phishing_recipients')
      // A crash is not a refusal: the attempt it interrupted does not count.
      .set({ status: 'pending', claimed_by: null, attempts: sql`case when attempts > 0 then attempts - 1 else 0 end` })
      .where('status', '=', 'sending');
    if (this.scope) reset = reset.where('organization_id', 'in', this.scope);
    const resetCount = Number((await reset.executeTakeFirst()).numUpdatedRows);

    let interrupted = this.db
      .selectFrom('phishing_recipients as r')
      .innerJoin('phishing_campaigns as c', 'c.id', 'r.campaign_id')
      .select(claimedColumns.map((c) => `r.${c}` as const))
      .select('c.anonymous')
      .where('r.status', '=', 'sent')
      .where('r.last_error', 'is', null);
    if (this.scope) interrupted = interrupted.where('r.organization_id', 'in', this.scope);
    const unknown = await interrupted.execute();
    for (const r of unknown)
      await this.unknown(r, 'interrupted after the end of the message: delivery not confirmed', r.anonymous === 1, iso);

    let rescheduled = 0;
    for (const c of await this.activeCampaigns()) {
      const late = await this.db
        .selectFrom('phishing_recipients')
        .select('id')
        .where('campaign_id', '=', c.id)
        .where('status', '=', 'pending')
        .where('scheduled_at', '<', new Date(now.getTime() - BACKLOG_MS).toISOString())
        .limit(1)
        .executeTakeFirst();
      if (!late) continue;
      const full = await this.db.selectFrom('phishing_campaigns').selectAll().where('id', '=', c.id).executeTakeFirst();
      if (full) rescheduled += await this.db.transaction().execute((trx) => this.repo.rescheduleWaiting(trx, full, now.getTime()));
    }
    return { reset: resetCount, unknown: unknown.length, rescheduled };
  }
}
