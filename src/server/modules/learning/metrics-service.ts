import type { Actor } from '../../platform/access/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { AppDeps } from '../../platform/context.js';
import { type Locale, NotFound } from '../../platform/errors.js';
import type { RoleFamily } from '../identity/domain.js';
import { type MetricsView, metricsViewOf } from './metrics-access.js';
import { daysBefore, type GroupSums, MetricsRepo } from './metrics-repo.js';
import {
  type Figures,
  type GroupDimension,
  type MetricsGroup,
  MIN_GROUP_SIZE,
  type OrgMetrics,
  SUPPRESSED,
  type Suppressed,
  type TerritoryMember,
  type TerritoryMetrics,
} from './metrics-schema.js';

const TREND_DAYS = 90;
/**
 * Figures are at most a minute old by default (LEARNING_METRICS_CACHE_SECONDS), like everything the
 * periodic jobs keep: a board meeting's worth of refreshes computes the page once.
 */
export const METRICS_MAX_AGE_MS = 60_000;
const MAX_CACHED = 500;

/** Recent results by key; concurrent requests for the same key share one computation. */
class RecentResults {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();
  constructor(
    private readonly clock: Clock,
    private readonly maxAgeMs: number,
  ) {}

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    // 0 keeps nothing, not even a computation in flight: every request is a cold one.
    if (this.maxAgeMs <= 0) return compute();
    const now = this.clock.now().getTime();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.maxAgeMs && now >= hit.at) return hit.value as Promise<T>;
    const entry = { at: now, value: compute() as Promise<unknown> };
    this.entries.delete(key);
    this.entries.set(key, entry);
    // A failure is not remembered: the next request computes again.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    if (this.entries.size > MAX_CACHED) this.entries.delete(this.entries.keys().next().value as string);
    return entry.value as Promise<T>;
  }
}

export interface MetricsOptions {
  /** How long a computed page is kept; the configuration's LEARNING_METRICS_CACHE_SECONDS by default. */
  maxAgeMs?: number;
}

export const roleFamilyLabels: Record<RoleFamily, Record<Locale, string>> = {
  physicians: { fr: 'Médecins', en: 'Physicians' },
  nurses_care_assistants: { fr: 'Infirmiers et aides-soignants', en: 'Nurses and care assistants' },
  secretaries_reception: { fr: 'Secrétariat médical et accueil', en: 'Medical secretaries and reception' },
  pharmacy_lab: { fr: 'Pharmacie et laboratoire', en: 'Pharmacy and laboratory' },
  administration_management: { fr: 'Administration et direction', en: 'Administration and management' },
  technical_logistics: { fr: 'Technique et logistique', en: 'Technical and logistics' },
  it_biomedical: { fr: 'Informatique et biomédical', en: 'IT and biomedical' },
  students_interns: { fr: 'Étudiants et internes', en: 'Students and interns' },
  external_staff: { fr: 'Personnels extérieurs', en: 'External staff' },
};
const unspecified: Record<Locale, string> = { fr: 'Non renseigné', en: 'Not specified' };

/** The label of a group key: a role family's name, or the directory's service or site text. */
export function groupLabel(by: GroupDimension, key: string, locale: Locale): string {
  if (key === '') return unspecified[locale];
  if (by === 'role_family') return roleFamilyLabels[key as RoleFamily]?.[locale] ?? key;
  return key;
}

/** Percentages with one decimal. */
const pct = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
const avg = (sum: number, n: number): number | null => (n > 0 ? Math.round((sum / n) * 10) / 10 : null);

export function figuresOf(s: GroupSums): Figures {
  const firstScore = avg(s.firstScoreSum, s.scored);
  const lastScore = avg(s.lastScoreSum, s.scored);
  return {
    people: s.people,
    assigned: s.assigned,
    completed: s.completed,
    completionRate: pct(s.completed, s.assigned),
    firstScore,
    lastScore,
    scoreChange: firstScore === null || lastScore === null ? null : Math.round((lastScore - firstScore) * 10) / 10,
    overdue: s.overdue,
  };
}

const add = (a: GroupSums, b: GroupSums): GroupSums => ({
  key: a.key,
  people: a.people + b.people,
  assigned: a.assigned + b.assigned,
  completed: a.completed + b.completed,
  firstScoreSum: a.firstScoreSum + b.firstScoreSum,
  lastScoreSum: a.lastScoreSum + b.lastScoreSum,
  scored: a.scored + b.scored,
  overdue: a.overdue + b.overdue,
});
const zero = (key: string): GroupSums => ({
  key,
  people: 0,
  assigned: 0,
  completed: 0,
  firstScoreSum: 0,
  lastScoreSum: 0,
  scored: 0,
  overdue: 0,
});

/**
 * Keys of the groups shown without figures: every group under 5 people, and, when those add up to
 * fewer than 5 people, the next smallest groups too; otherwise the totals minus the shown groups
 * would give the figures of fewer than 5 people (complementary disclosure).
 */
export function suppressedKeys(groups: readonly GroupSums[]): Set<string> {
  const hidden = new Set(groups.filter((g) => g.people < MIN_GROUP_SIZE).map((g) => g.key));
  let hiddenPeople = groups.filter((g) => hidden.has(g.key)).reduce((n, g) => n + g.people, 0);
  const shown = groups.filter((g) => !hidden.has(g.key)).sort((a, b) => a.people - b.people);
  while (hiddenPeople > 0 && hiddenPeople < MIN_GROUP_SIZE && shown.length > 0) {
    const next = shown.shift()!;
    hidden.add(next.key);
    hiddenPeople += next.people;
  }
  return hidden;
}

/** Aggregates for admins, managers and territory coordinators; never a figure about one person. */
export class MetricsService {
  private readonly repo: MetricsRepo;
  private readonly recent: RecentResults;
  constructor(
    private readonly deps: AppDeps,
    options: MetricsOptions = {},
  ) {
    this.repo = new MetricsRepo(deps.db);
    const maxAgeMs = options.maxAgeMs ?? deps.config.LEARNING_METRICS_CACHE_SECONDS * 1000;
    this.recent = new RecentResults(deps.clock, maxAgeMs);
  }

  /** What the reader may see of the organization (throws when nothing): see metrics-access.ts. */
  viewOf(actor: Actor | null, orgId: string): Promise<MetricsView> {
    return metricsViewOf(this.deps, this.repo, actor, orgId);
  }

  /** The organization's aggregates (of the view's services only, when given), at most the cache's age old. */
  orgMetrics(orgId: string, by: GroupDimension, locale: Locale, view: MetricsView = { services: null }): Promise<OrgMetrics> {
    const services = view.services ? [...view.services].sort() : null;
    const key = `org:${orgId}:${by}:${locale}:${services ? JSON.stringify(services) : '*'}`;
    return this.recent.get(key, () => this.computeOrgMetrics(orgId, by, locale, services));
  }

  private async computeOrgMetrics(orgId: string, by: GroupDimension, locale: Locale, services: string[] | null): Promise<OrgMetrics> {
    const org = await this.repo.organization(orgId);
    if (!org) throw new NotFound('organization');
    const now = this.deps.clock.now();
    const [people, modules, topics, daily] = await Promise.all([
      this.repo.personGroups(orgId, by, now.toISOString(), services),
      this.repo.modules(orgId, locale, services),
      this.repo.topics(orgId, services),
      // Daily counters are kept per organization: a view of some services has no trend.
      services ? null : this.repo.daily(orgId, daysBefore(now, TREND_DAYS - 1)),
    ]);
    const hidden = suppressedKeys(people);
    const groups: MetricsGroup[] = people
      .map((g) => {
        const head = { key: g.key, label: groupLabel(by, g.key, locale) };
        return hidden.has(g.key) ? { ...head, ...SUPPRESSED } : { ...head, ...figuresOf(g) };
      })
      .sort((a, b) => a.label.localeCompare(b.label, locale));
    const all = people.reduce(add, zero(''));
    return {
      organization: { id: org.id, name: org.name },
      totals: all.people < MIN_GROUP_SIZE ? SUPPRESSED : figuresOf(all),
      groups,
      // A module or topic followed by fewer than 5 people would show their own scores.
      modules: modules
        .filter((m) => m.assigned >= MIN_GROUP_SIZE)
        .map((m) => ({
          moduleId: m.key,
          title: m.title,
          assigned: m.assigned,
          completed: m.completed,
          completionRate: pct(m.completed, m.assigned),
          firstScore: avg(m.firstScoreSum, m.scored),
          lastScore: avg(m.lastScoreSum, m.scored),
        }))
        .sort((a, b) => a.title.localeCompare(b.title, locale)),
      topics: topics
        .filter((t) => Number(t.learners) >= MIN_GROUP_SIZE)
        .map((t) => ({
          topic: t.topic,
          learners: Number(t.learners),
          mastered: Number(t.mastered),
          masteryRate: pct(Number(t.mastered), Number(t.learners)),
          // Topic scores are moving averages in 0..1; the API speaks percentages.
          averageScore: avg(Number(t.score_sum) * 100, Number(t.learners)),
        })),
      trend: daily ? this.trend(now, daily) : [],
      minGroupSize: MIN_GROUP_SIZE,
    };
  }

  /** One point per day over the last 90 days (days without activity are zeros). */
  private trend(now: Date, rows: Awaited<ReturnType<MetricsRepo['daily']>>): OrgMetrics['trend'] {
    const byDay = new Map(rows.map((r) => [r.day, r]));
    const out: OrgMetrics['trend'] = [];
    for (let i = TREND_DAYS - 1; i >= 0; i--) {
      const day = daysBefore(now, i);
      const r = byDay.get(day);
      const completions = Number(r?.completions ?? 0);
      const answers = Number(r?.answers ?? 0);
      out.push({
        day,
        completions,
        // The average of fewer than 5 completions would be close to one person's score.
        averageScore: completions >= MIN_GROUP_SIZE ? avg(Number(r?.score_sum ?? 0), completions) : null,
        answers,
        correctRate: answers > 0 ? pct(Number(r?.correct ?? 0), answers) : null,
      });
    }
    return out;
  }

  /** Members of a territory: figures for those that share them, `sharing: false` and nothing else for others. */
  async territoryMetrics(territoryId: string): Promise<TerritoryMetrics> {
    // Consent is read on every request and is part of the cache key: a member that stops sharing
    // disappears at once, not when the cached page expires.
    const members = await this.repo.members(territoryId);
    const sharingIds = members.filter((m) => m.shares_data === 1).map((m) => m.id);
    const key = `territory:${territoryId}:${members.length}:${sharingIds.join(',')}`;
    return this.recent.get(key, () => this.computeTerritoryMetrics(territoryId, members, sharingIds));
  }

  private async computeTerritoryMetrics(
    territoryId: string,
    members: Array<{ id: string; name: string; shares_data: number }>,
    sharingIds: string[],
  ): Promise<TerritoryMetrics> {
    const territory = await this.repo.territory(territoryId);
    if (!territory) throw new NotFound('territory');
    const now = this.deps.clock.now().toISOString();
    const sums = await this.repo.personTotalsByOrg(sharingIds, now);
    const byOrg = new Map(sums.map((s) => [s.key, s]));
    const sharing = sharingIds.map((id) => byOrg.get(id) ?? zero(id));
    const hidden = suppressedKeys(sharing);
    const out: TerritoryMember[] = members.map((m) => {
      const head = { organizationId: m.id, name: m.name };
      if (m.shares_data !== 1) return { ...head, sharing: false };
      if (hidden.has(m.id)) return { ...head, sharing: true, ...SUPPRESSED };
      return { ...head, sharing: true, ...figuresOf(byOrg.get(m.id) ?? zero(m.id)) };
    });
    const all = sharing.reduce(add, zero(''));
    const totals: Figures | Suppressed = all.people < MIN_GROUP_SIZE ? SUPPRESSED : figuresOf(all);
    return { territory: { id: territory.id, name: territory.name }, members: out, totals, minGroupSize: MIN_GROUP_SIZE };
  }
}
