import type { OrganizationKind } from '../identity/domain.js';
import type { GroupSums } from '../learning/metrics-repo.js';
import { MIN_GROUP_SIZE } from '../learning/metrics-schema.js';
import { suppressedKeys } from '../learning/metrics-service.js';
import { hiddenGroups } from '../phishing/results-service.js';
import type { OrgFacts, PhishingSums } from './dashboard-repo.js';
import type { AttentionFlag, DashboardTotals, MemberDashboard } from './dashboard-schema.js';
import { type SharingDomain, sharingDomains } from './tables.js';

/** One member of the view and the domains it shares with that territory right now. */
export interface MemberInput {
  organizationId: string;
  name: string;
  kind: OrganizationKind;
  isLead: boolean;
  domains: ReadonlySet<SharingDomain>;
}

const YEAR_MS = 365 * 86_400_000;
export const pct = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

const NOT_SHARED = { shared: false, value: null } as const;
const shown = <T>(value: T | null) => ({ shared: true, value });

function trainingOf(s: GroupSums | undefined, hidden: boolean) {
  if (hidden || !s) return { suppressed: true, people: null, completionRate: null };
  return { suppressed: false, people: s.people, completionRate: pct(s.completed, s.assigned) };
}

function phishingOf(s: PhishingSums | undefined, hidden: boolean) {
  if (!s) return { suppressed: false, campaigns: 0, delivered: 0, reportRate: null, clickRate: null };
  if (hidden) return { suppressed: true, campaigns: null, delivered: null, reportRate: null, clickRate: null };
  return {
    suppressed: false,
    campaigns: s.campaigns,
    delivered: s.delivered,
    reportRate: pct(s.reported, s.delivered),
    clickRate: pct(s.clicked, s.delivered),
  };
}

/**
 * The members x domains table and its totals. A domain a member does not share is `shared: false`
 * with no value; groups under 5 people (and the next smallest when they could be deduced from the
 * totals) show no training or phishing figure; nothing here is about one person.
 */
const KIT_MAX_AGE_MS = 92 * 86_400_000;

export function buildDashboard(
  members: readonly MemberInput[],
  facts: OrgFacts,
  now: Date,
): { members: MemberDashboard[]; totals: DashboardTotals } {
  const sharing = (d: SharingDomain) => members.filter((m) => m.domains.has(d));
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
  const trainingSums = sharing('training').map((m) => facts.training.get(m.organizationId) ?? zero(m.organizationId));
  const hiddenTraining = suppressedKeys(trainingSums);
  const phishingSharing = sharing('phishing').filter((m) => facts.phishing.has(m.organizationId));
  const targets = phishingSharing.map((m) => ({ key: m.organizationId, targets: facts.phishing.get(m.organizationId)!.targets }));
  // hiddenGroups sorts with localeCompare: skipped when no group is small, the common case.
  const hiddenPhishing = targets.some((g) => g.targets < MIN_GROUP_SIZE) ? hiddenGroups(targets) : new Set<string>();
  const yearAgo = new Date(now.getTime() - YEAR_MS).toISOString();

  const rows = members.map((m): MemberDashboard => {
    const id = m.organizationId;
    const has = (d: SharingDomain) => m.domains.has(d);
    const diagnostic = facts.maturity.get(id) ?? null;
    const supplier = facts.suppliers.get(id) ?? { criticalProviders: 0, audited: 0, overdueAudits: 0 };
    const actions = facts.actions.get(id) ?? { open: 0, overdue: 0, doneLast90Days: 0 };
    const flags: AttentionFlag[] = [];
    if (has('maturity') && (!diagnostic || diagnostic.completedAt < yearAgo)) flags.push('no_recent_diagnostic');
    const exercise = facts.exercises.get(id) ?? null;
    if (has('exercises') && (!exercise || exercise < `${now.toISOString().slice(0, 4)}-01-01`)) flags.push('no_exercise_this_year');
    if (has('actions') && actions.overdue > 0) flags.push('overdue_actions');
    // A crisis kit printed more than three months ago (or never) may list people who have left.
    const kit = facts.kits.get(id) ?? null;
    if (has('exercises') && (!kit || kit < new Date(now.getTime() - KIT_MAX_AGE_MS).toISOString())) flags.push('crisis_kit_stale');
    return {
      organizationId: id,
      name: m.name,
      kind: m.kind,
      isLead: m.isLead,
      maturity: has('maturity') ? shown(diagnostic) : NOT_SHARED,
      training: has('training') ? shown(trainingOf(facts.training.get(id) ?? zero(id), hiddenTraining.has(id))) : NOT_SHARED,
      phishing: has('phishing') ? shown(phishingOf(facts.phishing.get(id), hiddenPhishing.has(id))) : NOT_SHARED,
      suppliers: has('suppliers') ? shown({ ...supplier, coverageRate: pct(supplier.audited, supplier.criticalProviders) }) : NOT_SHARED,
      exercises: has('exercises') ? shown({ lastExerciseOn: exercise }) : NOT_SHARED,
      actions: has('actions') ? shown(actions) : NOT_SHARED,
      flags,
    };
  });
  return { members: rows, totals: totalsOf(members, facts, rows) };
}

/** Figures over every sharing member; training and phishing totals under 5 people are withheld too. */
export function totalsOf(members: readonly MemberInput[], facts: OrgFacts, rows: readonly MemberDashboard[]): DashboardTotals {
  const ids = (d: SharingDomain) => members.filter((m) => m.domains.has(d)).map((m) => m.organizationId);
  const sum = <T>(list: string[], map: Map<string, T>, pick: (v: T) => number) =>
    list.reduce((n, id) => n + (map.has(id) ? pick(map.get(id)!) : 0), 0);

  const scores = ids('maturity')
    .map((id) => facts.maturity.get(id))
    .filter((d) => d !== undefined);
  const scored = scores.filter((d) => d.score !== null);
  const averageScore = scored.length > 0 ? Math.round((scored.reduce((n, d) => n + (d.score ?? 0), 0) / scored.length) * 10) / 10 : null;

  const t = ids('training');
  const people = sum(t, facts.training, (s) => s.people);
  const training =
    people < MIN_GROUP_SIZE
      ? { suppressed: t.length > 0, people: null, completionRate: null }
      : {
          suppressed: false,
          people,
          completionRate: pct(
            sum(t, facts.training, (s) => s.completed),
            sum(t, facts.training, (s) => s.assigned),
          ),
        };

  const p = ids('phishing');
  const targets = sum(p, facts.phishing, (s) => s.targets);
  const delivered = sum(p, facts.phishing, (s) => s.delivered);
  const phishing =
    targets > 0 && targets < MIN_GROUP_SIZE
      ? { suppressed: true, campaigns: null, delivered: null, reportRate: null, clickRate: null }
      : {
          suppressed: false,
          campaigns: sum(p, facts.phishing, (s) => s.campaigns),
          delivered,
          reportRate: pct(
            sum(p, facts.phishing, (s) => s.reported),
            delivered,
          ),
          clickRate: pct(
            sum(p, facts.phishing, (s) => s.clicked),
            delivered,
          ),
        };

  const s = ids('suppliers');
  const criticalProviders = sum(s, facts.suppliers, (f) => f.criticalProviders);
  const audited = sum(s, facts.suppliers, (f) => f.audited);
  const a = ids('actions');
  return {
    members: members.length,
    sharing: Object.fromEntries(sharingDomains.map((d) => [d, ids(d).length])) as Record<SharingDomain, number>,
    maturity: { averageScore, diagnosed: scores.length },
    training,
    phishing,
    suppliers: {
      criticalProviders,
      audited,
      coverageRate: pct(audited, criticalProviders),
      overdueAudits: sum(s, facts.suppliers, (f) => f.overdueAudits),
    },
    actions: {
      open: sum(a, facts.actions, (f) => f.open),
      overdue: sum(a, facts.actions, (f) => f.overdue),
      doneLast90Days: sum(a, facts.actions, (f) => f.doneLast90Days),
    },
    flagged: rows.filter((r) => r.flags.length > 0).length,
  };
}
