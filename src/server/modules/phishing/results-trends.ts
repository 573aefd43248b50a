import type { Actor } from '../../platform/access/actor.js';
import type { AppDeps } from '../../platform/context.js';
import { metricsViewOf } from '../learning/metrics-access.js';
import { MetricsRepo } from '../learning/metrics-repo.js';
import { MIN_GROUP_SIZE } from '../learning/metrics-schema.js';
import type { TrendPoint, Trends } from './results-schema.js';
import { adjustedRates, countersOf, ratesOf } from './results-service.js';

/** Campaigns that say something about the staff's habits: launched and not cancelled. */
const TREND_STATUSES = ['running', 'paused', 'completed'] as const;

/**
 * The organization's campaigns over time (its own and the territory's that reached its staff),
 * from phishing_campaign_stats only. A manager reads the row of their service, and a campaign
 * that targeted fewer than 5 people of it shows no figure.
 */
export class TrendsService {
  private readonly metrics: MetricsRepo;
  constructor(private readonly deps: AppDeps) {
    this.metrics = new MetricsRepo(deps.db);
  }

  async trends(actor: Actor | null, orgId: string, limit: number): Promise<Trends> {
    const view = await metricsViewOf(this.deps, this.metrics, actor, orgId);
    let q = this.deps.db
      .selectFrom('phishing_campaign_stats as s')
      .innerJoin('phishing_campaigns as c', 'c.id', 's.campaign_id')
      .selectAll('s')
      .select(['c.name', 'c.status', 'c.difficulty', 'c.launched_at', 'c.completed_at'])
      .where('s.organization_id', '=', orgId)
      .where('c.status', 'in', [...TREND_STATUSES])
      .where('c.launched_at', 'is not', null);
    q =
      view.services === null
        ? q.where('s.dimension', '=', 'all')
        : q.where('s.dimension', '=', 'service').where('s.group_key', 'in', view.services);
    const rows = await q.orderBy('c.launched_at', 'desc').orderBy('c.id', 'desc').limit(limit).execute();

    const items = rows.reverse().map((r): TrendPoint => {
      const head = {
        campaignId: r.campaign_id,
        name: r.name,
        status: r.status,
        difficulty: r.difficulty,
        launchedAt: r.launched_at ?? '',
        completedAt: r.completed_at,
      };
      const counters = countersOf(r);
      if (view.services !== null && counters.targets < MIN_GROUP_SIZE) return { ...head, suppressed: true };
      const rates = ratesOf(counters);
      return {
        ...head,
        targets: counters.targets,
        delivered: counters.delivered,
        rates: { reported: rates.reported, clicked: rates.clicked, submitted: rates.submitted },
        adjusted: adjustedRates(rates, r.difficulty),
      };
    });
    return { services: view.services, minGroupSize: MIN_GROUP_SIZE, items };
  }
}
