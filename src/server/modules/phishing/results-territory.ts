import { fromBool01, toCount } from '../../db/dialect.js';
import type { AppDeps } from '../../platform/context.js';
import { Forbidden, type Locale, NotFound } from '../../platform/errors.js';
import { MIN_GROUP_SIZE } from '../learning/metrics-schema.js';
import { CampaignRepo } from './campaign-repo.js';
import type { Counters, MemberResults, TerritoryResults } from './results-schema.js';
import { adjustedRates, countersOf, hiddenGroups, medianBucket, ratesOf } from './results-service.js';

const BUCKETS = [0, 1, 2, 3, 4, 5] as const;

/**
 * A territory campaign's results for its coordinators: the whole campaign and each member
 * organization reached, from the counters only. A member under 5 targets (and, when it alone
 * would be deduced from the total, the next smallest) shows no figure. The mandate a member gave
 * to run campaigns on its staff covers these aggregates; per-person results stay with each
 * member's own security admins.
 */
export class TerritoryResultsService {
  private readonly campaigns = new CampaignRepo();
  constructor(private readonly deps: AppDeps) {}

  async results(territoryId: string, campaignId: string, locale: Locale): Promise<TerritoryResults> {
    const campaign = await this.campaigns.get(this.deps.db, { kind: 'territory', id: territoryId }, campaignId);
    if (!campaign) throw new NotFound('campaign');
    const rows = await this.deps.db
      .selectFrom('phishing_campaign_stats as s')
      .innerJoin('organizations as o', 'o.id', 's.organization_id')
      .selectAll('s')
      .select('o.name as organization_name')
      .where('s.campaign_id', '=', campaign.id)
      .where('s.dimension', '=', 'all')
      .execute();

    const totals = sum(rows.map((r) => countersOf(r)));
    if (rows.length > 0 && totals.targets < MIN_GROUP_SIZE) {
      throw new Forbidden('group_too_small', {
        fr: 'Cette campagne a visé moins de 5 personnes : ses résultats ne sont pas affichés.',
        en: 'This campaign targeted fewer than 5 people: its results are not shown.',
      });
    }
    const rates = ratesOf(totals);
    const buckets = BUCKETS.map((i) => rows.reduce((n, r) => n + toCount(r[`report_b${i}`]), 0));
    const hidden = hiddenGroups(rows.map((r) => ({ key: r.organization_id, targets: toCount(r.targets) })));
    const members: MemberResults[] = rows
      .map((r): MemberResults => {
        const head = { organizationId: r.organization_id, name: r.organization_name };
        if (hidden.has(r.organization_id)) return { ...head, suppressed: true };
        const counters = countersOf(r);
        return { ...head, counters, rates: ratesOf(counters) };
      })
      .sort((a, b) => a.name.localeCompare(b.name, locale));

    return {
      campaign: {
        id: campaign.id,
        name: campaign.name,
        status: campaign.status,
        difficulty: campaign.difficulty,
        launchedAt: campaign.launched_at,
        completedAt: campaign.completed_at,
        anonymous: fromBool01(campaign.anonymous),
      },
      minGroupSize: MIN_GROUP_SIZE,
      totals,
      rates,
      adjusted: adjustedRates(rates, campaign.difficulty),
      timeToReport: { buckets, medianBucket: medianBucket(buckets) },
      members,
    };
  }
}

function sum(all: Counters[]): Counters {
  const out = countersOf(undefined);
  for (const c of all) for (const k of Object.keys(out) as Array<keyof Counters>) out[k] += c[k];
  return out;
}
