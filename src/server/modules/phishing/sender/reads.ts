import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { AppDeps } from '../../../platform/context.js';
import type { PhishingCampaignsTable, PhishingRecipientsTable } from '../tables.js';

/** What the sender needs from the app. */
export type SenderDeps = Pick<AppDeps, 'db' | 'dbh' | 'clock' | 'secrets' | 'audit'>;

export type ClaimedRecipient = Pick<
  Selectable<PhishingRecipientsTable>,
  | 'id'
  | 'campaign_id'
  | 'organization_id'
  | 'person_id'
  | 'email'
  | 'first_name'
  | 'last_name'
  | 'service'
  | 'role_family'
  | 'site'
  | 'attempts'
>;
export type ActiveCampaign = Pick<
  Selectable<PhishingCampaignsTable>,
  'id' | 'status' | 'organization_id' | 'territory_id' | 'template_id' | 'sending_profile_id' | 'anonymous' | 'launch_at' | 'spread_until'
>;

/**
 * What the sender reads: campaigns that are sending, when the next email falls due, the rate
 * already used, and what emails are built from. `scope` limits it to some organizations' staff
 * (tests run several senders on one database).
 */
export class SenderReads {
  constructor(
    protected readonly deps: SenderDeps,
    protected readonly scope: string[] | null = null,
  ) {}

  protected get db() {
    return this.deps.db;
  }

  async activeCampaigns(): Promise<ActiveCampaign[]> {
    let q = this.db
      .selectFrom('phishing_campaigns')
      .select([
        'id',
        'status',
        'organization_id',
        'territory_id',
        'template_id',
        'sending_profile_id',
        'anonymous',
        'launch_at',
        'spread_until',
      ])
      .where('status', 'in', ['scheduled', 'running']);
    const scope = this.scope;
    if (scope) {
      q = q.where((eb) =>
        eb.or([
          eb('organization_id', 'in', scope),
          eb('territory_id', 'in', eb.selectFrom('territory_members').select('territory_id').where('organization_id', 'in', scope)),
        ]),
      );
    }
    return q.orderBy('launch_at').execute();
  }

  /** Emails each profile sent in the last minute (the rate carries over a restart). */
  async sentLastMinute(now: Date): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('phishing_recipients as r')
      .innerJoin('phishing_campaigns as c', 'c.id', 'r.campaign_id')
      .select((eb) => ['c.sending_profile_id', eb.fn.countAll<number>().as('n')])
      .where('c.status', 'in', ['scheduled', 'running', 'paused'])
      .where('r.sent_at', '>=', new Date(now.getTime() - 60_000).toISOString())
      .groupBy('c.sending_profile_id')
      .execute();
    return new Map(rows.map((r) => [r.sending_profile_id, Number(r.n)]));
  }

  /** The next time an email of a sending campaign falls due (for the background loop's sleep). */
  async nextDue(): Promise<string | null> {
    const sending = (eb: ExpressionBuilder<Database, 'phishing_recipients'>) =>
      eb('campaign_id', 'in', eb.selectFrom('phishing_campaigns').select('id').where('status', 'in', ['scheduled', 'running']));
    let pending = this.db
      .selectFrom('phishing_recipients')
      .select((eb) => eb.fn.min('scheduled_at').as('at'))
      .where('status', '=', 'pending')
      .where(sending);
    let retry = this.db
      .selectFrom('phishing_recipients')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .where('status', '=', 'retry')
      .where(sending);
    if (this.scope) {
      pending = pending.where('organization_id', 'in', this.scope);
      retry = retry.where('organization_id', 'in', this.scope);
    }
    const times = [(await pending.executeTakeFirst())?.at, (await retry.executeTakeFirst())?.at].filter(
      (t): t is string => typeof t === 'string',
    );
    return times.sort()[0] ?? null;
  }

  // Reference data for building the emails -------------------------------------------------------

  async templateTexts(templateId: string) {
    return this.db
      .selectFrom('phishing_template_texts')
      .select(['language', 'from_name', 'from_local_part', 'subject', 'html'])
      .where('template_id', '=', templateId)
      .execute();
  }

  async profile(id: string) {
    return this.db.selectFrom('phishing_sending_profiles').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async organizationNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async jobTitles(personIds: string[]): Promise<Map<string, string | null>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('people').select(['id', 'job_title']).where('id', 'in', personIds).execute();
    return new Map(rows.map((r) => [r.id, r.job_title]));
  }
}
