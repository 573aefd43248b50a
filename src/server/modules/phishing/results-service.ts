import type { Selectable } from 'kysely';
import { fromBool01, toCount } from '../../db/dialect.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppDeps } from '../../platform/context.js';
import { Forbidden, type Locale, NotFound } from '../../platform/errors.js';
import { metricsViewOf } from '../learning/metrics-access.js';
import { MetricsRepo } from '../learning/metrics-repo.js';
import { MIN_GROUP_SIZE } from '../learning/metrics-schema.js';
import { groupLabel } from '../learning/metrics-service.js';
import { CampaignRepo } from './campaign-repo.js';
import type { CampaignResults, Counters, Rates, ResultsDimension, ResultsGroup } from './results-schema.js';
import type { PhishingCampaignStatsTable } from './tables.js';

type StatsRow = Selectable<PhishingCampaignStatsTable>;

/** A harder email excuses more clicks and earns more credit for a report (docs/phishing.md). */
export const DIFFICULTY_WEIGHTS: Record<string, number> = {
  'least-difficult': 1,
  'moderately-difficult': 1.5,
  'very-difficult': 2,
};

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
const share = (part: number, whole: number): number | null => (whole > 0 ? round4(part / whole) : null);

export function countersOf(r: StatsRow | undefined): Counters {
  const n = (k: keyof StatsRow) => (r ? toCount(r[k] as number) : 0);
  return {
    targets: n('targets'),
    sent: n('sent'),
    delivered: n('delivered'),
    failed: n('failed'),
    opened: n('opened'),
    clicked: n('clicked'),
    submitted: n('submitted'),
    reported: n('reported'),
    scannerFlagged: n('scanner_flagged'),
  };
}

/** Delivery is a share of the targets; every reaction a share of the emails that arrived. */
export function ratesOf(c: Counters): Rates {
  return {
    delivered: share(c.delivered, c.targets),
    opened: share(c.opened, c.delivered),
    clicked: share(c.clicked, c.delivered),
    submitted: share(c.submitted, c.delivered),
    reported: share(c.reported, c.delivered),
    scannerFlagged: share(c.scannerFlagged, c.delivered),
  };
}

/** Rates comparable across campaigns of different difficulty; the report rate is capped at 1. */
export function adjustedRates(rates: Rates, difficulty: string): { clicked: number | null; reported: number | null } {
  const weight = DIFFICULTY_WEIGHTS[difficulty] ?? 1;
  return {
    clicked: rates.clicked === null ? null : round4(rates.clicked / weight),
    reported: rates.reported === null ? null : round4(Math.min(1, rates.reported * weight)),
  };
}

/** The bucket holding the middle report (the lower middle for an even count); null without reports. */
export function medianBucket(buckets: number[]): number | null {
  const total = buckets.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const middle = Math.ceil(total / 2);
  let seen = 0;
  for (const [i, n] of buckets.entries()) {
    seen += n;
    if (seen >= middle) return i;
  }
  return buckets.length - 1;
}

/**
 * Groups shown without figures: those under 5 targets and, while the hidden ones add up to fewer
 * than 5, the next smallest shown ones, or the total minus the shown groups would give them away
 * (the rule of learning's suppressedKeys, over targets instead of people).
 */
export function hiddenGroups(groups: ReadonlyArray<{ key: string; targets: number }>): Set<string> {
  const hidden = new Set(groups.filter((g) => g.targets < MIN_GROUP_SIZE).map((g) => g.key));
  let hiddenTargets = groups.filter((g) => hidden.has(g.key)).reduce((n, g) => n + g.targets, 0);
  const shown = groups.filter((g) => !hidden.has(g.key)).sort((a, b) => a.targets - b.targets || a.key.localeCompare(b.key));
  while (hiddenTargets > 0 && hiddenTargets < MIN_GROUP_SIZE && shown.length > 0) {
    const next = shown.shift()!;
    hidden.add(next.key);
    hiddenTargets += next.targets;
  }
  return hidden;
}

/** Results of one campaign for one organization, read from its counters only (never its events). */
export class ResultsService {
  private readonly campaigns = new CampaignRepo();
  private readonly metrics: MetricsRepo;
  constructor(private readonly deps: AppDeps) {
    this.metrics = new MetricsRepo(deps.db);
  }

  async results(actor: Actor | null, orgId: string, campaignId: string, by: ResultsDimension, locale: Locale): Promise<CampaignResults> {
    const view = await metricsViewOf(this.deps, this.metrics, actor, orgId);
    // The organization's own campaigns and the territory campaigns that reached its staff.
    const campaign = await this.campaigns.get(this.deps.db, { kind: 'organization', id: orgId }, campaignId);
    if (!campaign) throw new NotFound('campaign');
    // A territory campaign has rows for every member reached: this organization reads its own.
    const rows = await this.deps.db
      .selectFrom('phishing_campaign_stats')
      .selectAll()
      .where('campaign_id', '=', campaign.id)
      .where('organization_id', '=', orgId)
      .where('dimension', 'in', ['all', 'service', by])
      .execute();
    const of = (dimension: string) => rows.filter((r) => r.dimension === dimension);

    let total: StatsRow | undefined;
    let groupRows: StatsRow[];
    if (view.services === null) {
      total = of('all')[0];
      groupRows = of(by);
    } else {
      // A manager reads their service; counters are kept per dimension, not crossed, so a
      // service has no breakdown by role family or site.
      const services = view.services;
      const mine = of('service').filter((r) => services.includes(r.group_key));
      total = mine[0];
      if (!total || toCount(total.targets) < MIN_GROUP_SIZE) {
        throw new Forbidden('group_too_small', {
          fr: 'Votre service compte moins de 5 personnes visées par cette campagne : ses résultats ne sont pas affichés.',
          en: 'Fewer than 5 people of your service were targeted by this campaign: its results are not shown.',
        });
      }
      groupRows = by === 'service' ? mine : [];
    }

    const totals = countersOf(total);
    const rates = ratesOf(totals);
    const buckets = [0, 1, 2, 3, 4, 5].map((i) => (total ? toCount(total[`report_b${i}` as keyof StatsRow] as number) : 0));
    const hidden = hiddenGroups(groupRows.map((r) => ({ key: r.group_key, targets: toCount(r.targets) })));
    const groups: ResultsGroup[] = groupRows
      .map((r): ResultsGroup => {
        const head = { key: r.group_key, label: groupLabel(by, r.group_key, locale) };
        if (hidden.has(r.group_key)) return { ...head, suppressed: true };
        const counters = countersOf(r);
        return { ...head, counters, rates: ratesOf(counters) };
      })
      .sort((a, b) => a.label.localeCompare(b.label, locale));

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
      by,
      minGroupSize: MIN_GROUP_SIZE,
      totals,
      rates,
      adjusted: adjustedRates(rates, campaign.difficulty),
      timeToReport: { buckets, medianBucket: medianBucket(buckets) },
      groups,
    };
  }
}
