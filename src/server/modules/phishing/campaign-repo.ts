import { type Insertable, type Selectable, sql } from 'kysely';
import { likeEscape, likePattern, toCount } from '../../db/dialect.js';
import { newId } from '../../platform/ids.js';
import type { Executor } from '../identity/shared.js';
import type { CampaignsQuery } from './campaign-schema.js';
import { computeSchedule, profileWindow, shuffleInPlace } from './schedule.js';
import { bumpStats } from './stats.js';
import type { CampaignStatus, PhishingCampaignsTable, PhishingRecipientsTable, PhishingSendingProfilesTable } from './tables.js';
import { type TargetPerson, targetPeople } from './targets.js';
import { newToken, tokenHash } from './tokens.js';

export type CampaignRow = Selectable<PhishingCampaignsTable>;
export type RecipientInsert = Insertable<PhishingRecipientsTable>;
export type Progress = Record<'targets' | 'sent' | 'delivered' | 'failed', number>;

type ProfileRow = Selectable<PhishingSendingProfilesTable>;

export interface LaunchPlan {
  campaignId: string;
  /** The targets' person ids (targetIds): shuffled in place into the send order. */
  personIds: string[];
  profile: ProfileRow;
  /** Sending starts then and is spread until `until` (epoch ms, within the profile's windows). */
  start: number;
  until: number;
  now: string;
}

export type Tenant = { kind: 'organization'; id: string } | { kind: 'territory'; id: string };

const sortColumns = { name: 'name', launchAt: 'launch_at', createdAt: 'created_at' } as const;
/** Rows per INSERT: SQL short enough for the SQLite statement cache, compiled once (a longer one,
 * compiled per batch, holds native memory until a GC: about 100 MB more at a launch of 100,000). */
const INSERT_BATCH = 100;
/** People read and recipients written per step of a launch: 100,000 recipients are never all in memory. */
const LAUNCH_SLICE = 2000;

/** Campaigns, their recipients (bulk writes at launch, pause, resume, cancel) and their counters. */
export class CampaignRepo {
  /** `slice`: rows per step of a launch or a reschedule (tests use a small one). */
  constructor(private readonly slice = LAUNCH_SLICE) {}

  /** A territory's campaigns, or an organization's own plus the territory campaigns that reach its staff. */
  private scoped(db: Executor, tenant: Tenant) {
    const q = db.selectFrom('phishing_campaigns').selectAll('phishing_campaigns');
    if (tenant.kind === 'territory') return q.where('territory_id', '=', tenant.id);
    return q.where((eb) =>
      eb.or([
        eb('organization_id', '=', tenant.id),
        eb.and([
          eb(
            'territory_id',
            'in',
            eb.selectFrom('territory_members').select('territory_id').where('territory_members.organization_id', '=', tenant.id),
          ),
          // Launched territory campaigns list the organizations they reached (JSON text).
          eb('status', '<>', 'draft'),
          eb('targets', 'like', `%${JSON.stringify(tenant.id)}%`),
        ]),
      ]),
    );
  }

  async get(db: Executor, tenant: Tenant, id: string): Promise<CampaignRow | undefined> {
    return this.scoped(db, tenant).where('id', '=', id).executeTakeFirst();
  }

  async page(db: Executor, tenant: Tenant, query: CampaignsQuery): Promise<{ rows: CampaignRow[]; total: number }> {
    let q = this.scoped(db, tenant);
    if (query.status) q = q.where('status', '=', query.status);
    if (query.q) q = q.where(sql<boolean>`rempart_fold(name) like ${likePattern(query.q)} escape ${likeEscape}`);
    const total = await q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const desc = query.sort.startsWith('-');
    const column = sortColumns[query.sort.replace(/^-/, '') as keyof typeof sortColumns];
    const rows = await q
      .orderBy(column, (ob) => (desc ? ob.desc().nullsLast() : ob.asc().nullsLast()))
      .orderBy('id', desc ? 'desc' : 'asc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    return { rows, total: toCount(total?.n) };
  }

  async insert(db: Executor, row: CampaignRow): Promise<void> {
    await db.insertInto('phishing_campaigns').values(row).execute();
  }

  /** Changes a campaign only if it is still in one of `from` (a concurrent change wins cleanly). */
  async transition(db: Executor, id: string, from: CampaignStatus[], set: Partial<CampaignRow>): Promise<boolean> {
    const res = await db.updateTable('phishing_campaigns').set(set).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Progress counters (the "all" rows of phishing_campaign_stats), optionally for one organization's staff. */
  async progress(db: Executor, campaignIds: string[], organizationId?: string): Promise<Map<string, Progress>> {
    const out = new Map<string, Progress>();
    if (campaignIds.length === 0) return out;
    let q = db
      .selectFrom('phishing_campaign_stats')
      .select((eb) => [
        'campaign_id',
        eb.fn.sum<number>('targets').as('targets'),
        eb.fn.sum<number>('sent').as('sent'),
        eb.fn.sum<number>('delivered').as('delivered'),
        eb.fn.sum<number>('failed').as('failed'),
      ])
      .where('campaign_id', 'in', campaignIds)
      .where('dimension', '=', 'all')
      .groupBy('campaign_id');
    if (organizationId) q = q.where('organization_id', '=', organizationId);
    for (const r of await q.execute()) {
      out.set(r.campaign_id, {
        targets: toCount(r.targets),
        sent: toCount(r.sent),
        delivered: toCount(r.delivered),
        failed: toCount(r.failed),
      });
    }
    return out;
  }

  async insertRecipients(db: Executor, rows: RecipientInsert[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await db
        .insertInto('phishing_recipients')
        .values(rows.slice(i, i + INSERT_BATCH))
        .execute();
    }
  }

  /** New sending times, set-based: one UPDATE … FROM (VALUES …) per slice, on both databases. */
  async reschedule(db: Executor, times: Array<{ id: string; at: string }>): Promise<void> {
    for (let i = 0; i < times.length; i += INSERT_BATCH) {
      const values = sql.join(times.slice(i, i + INSERT_BATCH).map((t) => sql`(${t.id}, ${t.at})`));
      await sql`update phishing_recipients set scheduled_at = v.at
        from (select column1 as id, column2 as at from (values ${values}) as x) as v
        where phishing_recipients.id = v.id and phishing_recipients.status = 'pending'`.execute(db);
    }
  }

  /**
   * Emails that will not leave any more: pending or waiting for a retry (optionally one organization's).
   * In an anonymous campaign the person is forgotten at once, as the sender does once an email has left.
   */
  async cancelWaiting(db: Executor, campaignId: string, anonymous: boolean, organizationId?: string): Promise<number> {
    const forget = anonymous ? { person_id: null, email: null, first_name: null, last_name: null } : {};
    let q = db
      .updateTable('phishing_recipients')
      .set({ status: 'cancelled', next_attempt_at: null, ...forget })
      .where('campaign_id', '=', campaignId)
      .where('status', 'in', ['pending', 'retry']);
    if (organizationId) q = q.where('organization_id', '=', organizationId);
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  // What a campaign refers to (checked against the tenant by the service) ---------------------

  async template(db: Executor, id: string) {
    return db
      .selectFrom('phishing_templates')
      .select(['id', 'organization_id', 'landing_page_id', 'version', 'difficulty', 'archived'])
      .select((eb) =>
        eb
          .selectFrom('phishing_template_texts')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('template_id', '=', 'phishing_templates.id')
          .as('texts'),
      )
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async landingPage(db: Executor, id: string) {
    return db.selectFrom('phishing_landing_pages').select(['id', 'organization_id', 'archived']).where('id', '=', id).executeTakeFirst();
  }

  async profile(db: Executor, id: string) {
    return db.selectFrom('phishing_sending_profiles').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async learningModule(db: Executor, id: string) {
    return db
      .selectFrom('learning_modules')
      .select(['id', 'organization_id', 'status', 'audience'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async settings(db: Executor, organizationId: string) {
    return db
      .selectFrom('phishing_settings')
      .select(['anonymous_default', 'retention_days'])
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
  }

  // Launch, resume and the sender's catch-up after a stop ------------------------------------

  /**
   * One recipient per person, in random order, each with its sending time and a placeholder
   * token hash (the token itself is made when the email is built: ADR 0007), and the targets
   * counted once per group of people sharing an organization, service, role family and site.
   * People are read and recipients written a slice at a time (same transaction: still atomic).
   * Returns the recipients created and the organizations they belong to.
   */
  async launchRecipients(db: Executor, plan: LaunchPlan): Promise<{ recipients: number; organizationIds: string[] }> {
    const order = shuffleInPlace(plan.personIds);
    const times = computeSchedule({
      count: order.length,
      from: plan.start,
      until: plan.until,
      ratePerMinute: plan.profile.rate_per_minute,
      window: profileWindow(plan.profile),
    });
    const groups = new Map<string, { r: TargetPerson; n: number }>();
    let recipients = 0;
    for (let from = 0; from < order.length; from += this.slice) {
      const slice = order.slice(from, from + this.slice);
      const byId = new Map((await targetPeople(db, slice)).map((p) => [p.id, p]));
      const rows: RecipientInsert[] = [];
      slice.forEach((id, k) => {
        // Gone since the targets were read (another transaction, PostgreSQL): no email, a gap in the order.
        const p = byId.get(id);
        if (!p) return;
        const i = from + k;
        rows.push({
          id: newId(),
          campaign_id: plan.campaignId,
          organization_id: p.organization_id,
          person_id: p.id,
          email: p.email,
          first_name: p.first_name,
          last_name: p.last_name,
          service: p.service,
          role_family: p.role_family,
          site: p.site,
          token_hash: tokenHash(newToken()),
          send_order: i,
          scheduled_at: new Date(times[i] ?? plan.start).toISOString(),
          status: 'pending',
          attempts: 0,
          scanner_flagged: 0,
        });
        const key = JSON.stringify([p.organization_id, p.service, p.role_family, p.site]);
        const g = groups.get(key);
        if (g) g.n++;
        else groups.set(key, { r: p, n: 1 });
      });
      await this.insertRecipients(db, rows);
      recipients += rows.length;
    }
    for (const { r, n } of groups.values()) {
      await bumpStats(db, { campaign_id: plan.campaignId, ...r }, { targets: n }, plan.now);
    }
    const organizationIds = [...new Set([...groups.values()].map((g) => g.r.organization_id))].sort();
    return { recipients, organizationIds };
  }

  /** Spreads the emails not sent yet again from `now` (resume, or a sender that was stopped), a slice at a time. */
  async rescheduleWaiting(db: Executor, campaign: CampaignRow, now: number): Promise<number> {
    const profile = await this.profile(db, campaign.sending_profile_id);
    if (!profile) return 0;
    // Ids only, in send order: the rest of each row stays in the database.
    const waiting = (
      await db
        .selectFrom('phishing_recipients')
        .select('id')
        .where('campaign_id', '=', campaign.id)
        .where('status', '=', 'pending')
        .orderBy('send_order')
        .execute()
    ).map((r) => r.id);
    const from = Math.max(now, Date.parse(campaign.launch_at ?? '') || now);
    const until = Math.max(from, Date.parse(campaign.spread_until ?? '') || from);
    const times = computeSchedule({
      count: waiting.length,
      from,
      until,
      ratePerMinute: profile.rate_per_minute,
      window: profileWindow(profile),
    });
    for (let i = 0; i < waiting.length; i += this.slice) {
      const slice = waiting.slice(i, i + this.slice);
      await this.reschedule(
        db,
        slice.map((id, k) => ({ id, at: new Date(times[i + k] ?? from).toISOString() })),
      );
    }
    return waiting.length;
  }
}
