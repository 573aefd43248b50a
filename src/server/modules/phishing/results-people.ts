import { sql } from 'kysely';
import { fromBool01, likeEscape, likePattern, toCount } from '../../db/dialect.js';
import type { AppDeps } from '../../platform/context.js';
import { DomainError, NotFound } from '../../platform/errors.js';
import { CampaignRepo } from './campaign-repo.js';
import type { RecipientResult, RecipientSortKey, RecipientsQuery, RepeatClicker, RepeatClickersQuery } from './results-people-schema.js';

/** 404 with its own code: the campaign exists but keeps no one's identity (or no longer does). */
class NoPersonalResults extends DomainError {
  readonly status = 404;
}

const recipientColumns: Record<RecipientSortKey, string> = {
  name: 'r.last_name',
  service: 'r.service',
  sentAt: 'r.sent_at',
  openedAt: 'r.opened_at',
  clickedAt: 'r.clicked_at',
  submittedAt: 'r.submitted_at',
  reportedAt: 'r.reported_at',
};

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Per-person results, for the organization's security admins only (the route asks for
 * phishing.individual). Only the organization's own staff: a territory campaign shows each
 * member organization its people, never another member's.
 */
export class PeopleResultsService {
  private readonly campaigns = new CampaignRepo();
  constructor(private readonly deps: AppDeps) {}

  async recipients(orgId: string, campaignId: string, query: RecipientsQuery): Promise<Page<RecipientResult>> {
    const campaign = await this.campaigns.get(this.deps.db, { kind: 'organization', id: orgId }, campaignId);
    if (!campaign) throw new NotFound('campaign');
    if (campaign.purged_at !== null)
      throw new NoPersonalResults('campaign_purged', {
        fr: 'Les résultats individuels de cette campagne ont été effacés à la fin de leur durée de conservation ; seuls les chiffres globaux restent.',
        en: 'The individual results of this campaign were erased at the end of their retention period; only the overall figures remain.',
      });
    if (fromBool01(campaign.anonymous))
      throw new NoPersonalResults('campaign_anonymous', {
        fr: 'Cette campagne est anonyme : aucun résultat individuel n’est conservé, seuls les chiffres par groupe existent.',
        en: 'This campaign is anonymous: no individual result is kept, only figures per group exist.',
      });

    let q = this.deps.db
      .selectFrom('phishing_recipients as r')
      .leftJoin('people as p', 'p.id', 'r.person_id')
      .where('r.campaign_id', '=', campaign.id)
      .where('r.organization_id', '=', orgId);
    if (query.q) {
      const pattern = likePattern(query.q);
      q = q.where((eb) =>
        eb.or([
          sql<boolean>`p.search_text like ${pattern} escape ${likeEscape}`,
          sql<boolean>`lower(r.email) like ${pattern} escape ${likeEscape}`,
        ]),
      );
    }
    if (query.outcome === 'clicked') q = q.where('r.clicked_at', 'is not', null);
    if (query.outcome === 'submitted') q = q.where('r.submitted_at', 'is not', null);
    if (query.outcome === 'reported') q = q.where('r.reported_at', 'is not', null);
    if (query.outcome === 'none')
      q = q.where('r.clicked_at', 'is', null).where('r.submitted_at', 'is', null).where('r.reported_at', 'is', null);

    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const desc = query.sort.startsWith('-');
    const key = query.sort.replace(/^-/, '') as RecipientSortKey;
    let ordered = q.selectAll('r').orderBy(sql.ref(recipientColumns[key]), (ob) => (desc ? ob.desc().nullsLast() : ob.asc().nullsLast()));
    if (key === 'name') ordered = ordered.orderBy('r.first_name', (ob) => (desc ? ob.desc().nullsLast() : ob.asc().nullsLast()));
    else ordered = ordered.orderBy('r.last_name').orderBy('r.first_name');
    const rows = await ordered
      .orderBy('r.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        personId: r.person_id,
        firstName: r.first_name,
        lastName: r.last_name,
        email: r.email,
        service: r.service,
        status: r.status,
        sentAt: r.sent_at,
        deliveredAt: r.delivered_at,
        openedAt: r.opened_at,
        clickedAt: r.clicked_at,
        submittedAt: r.submitted_at,
        reportedAt: r.reported_at,
        scannerFlagged: toCount(r.scanner_flagged) > 0,
      })),
      total: toCount(total?.n),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * People of the organization who clicked (a human click, never a link checker's) in several
   * campaigns that kept identities: those a follow-up training helps most.
   */
  async repeatClickers(orgId: string, query: RepeatClickersQuery): Promise<Page<RepeatClicker>> {
    const clickedIn = sql<number>`count(distinct case when r.clicked_at is not null then r.campaign_id end)`;
    let grouped = this.deps.db
      .selectFrom('phishing_recipients as r')
      .innerJoin('phishing_campaigns as c', 'c.id', 'r.campaign_id')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .where('r.organization_id', '=', orgId)
      .where('p.organization_id', '=', orgId)
      .where('c.purged_at', 'is', null)
      .where('c.anonymous', '=', 0)
      .groupBy(['r.person_id', 'p.first_name', 'p.last_name', 'p.email', 'p.service', 'p.active'])
      .having(clickedIn, '>=', query.minCampaigns);
    if (query.q) grouped = grouped.where(sql<boolean>`p.search_text like ${likePattern(query.q)} escape ${likeEscape}`);
    const people = grouped.select((eb) => [
      eb.ref('r.person_id').$notNull().as('person_id'),
      'p.first_name',
      'p.last_name',
      'p.email',
      'p.service',
      'p.active',
      clickedIn.as('campaigns'),
      sql<number>`count(distinct r.campaign_id)`.as('received'),
      sql<string>`max(r.clicked_at)`.as('last_clicked_at'),
    ]);

    const total = await this.deps.db
      .selectFrom(people.as('x'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const desc = query.sort.startsWith('-');
    const key = query.sort.replace(/^-/, '');
    const order = desc ? 'desc' : 'asc';
    const rows = await this.deps.db
      .selectFrom(people.as('x'))
      .selectAll()
      .$call((qb) =>
        key === 'name'
          ? qb.orderBy('x.last_name', order).orderBy('x.first_name', order)
          : qb.orderBy(key === 'campaigns' ? 'x.campaigns' : 'x.last_clicked_at', order).orderBy('x.last_name', 'asc'),
      )
      .orderBy('x.person_id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    return {
      items: rows.map((r) => ({
        personId: r.person_id,
        firstName: r.first_name,
        lastName: r.last_name,
        email: r.email,
        service: r.service,
        active: fromBool01(r.active),
        campaigns: toCount(r.campaigns),
        received: toCount(r.received),
        lastClickedAt: r.last_clicked_at,
      })),
      total: toCount(total?.n),
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
