import { sql } from 'kysely';
import { toCount } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import type { GroupSums } from '../learning/metrics-repo.js';
import { MetricsRepo } from '../learning/metrics-repo.js';

/**
 * Per-organization facts behind the territory and regional dashboards, each read by one grouped
 * query over a set of organizations (never one query per member), from the counters the other
 * modules keep: learning person stats, phishing campaign stats, provider criticality and audits,
 * action statuses and the overall score copied out of each completed diagnostic.
 */

export interface MaturityFact {
  score: number | null;
  completedAt: string;
  variant: 'full' | 'short';
}
export interface PhishingSums {
  targets: number;
  delivered: number;
  clicked: number;
  reported: number;
  campaigns: number;
}
export interface SupplierFact {
  criticalProviders: number;
  audited: number;
  overdueAudits: number;
}
export interface ActionFact {
  open: number;
  overdue: number;
  doneLast90Days: number;
}

export interface OrgFacts {
  maturity: Map<string, MaturityFact>;
  /** Day (YYYY-MM-DD) the organization last played an exercise, own or as a cell of a territory's. */
  exercises: Map<string, string>;
  /** When the organization last printed its crisis kit (ISO instant); absent: never. */
  kits: Map<string, string>;
  training: Map<string, GroupSums>;
  phishing: Map<string, PhishingSums>;
  suppliers: Map<string, SupplierFact>;
  actions: Map<string, ActionFact>;
}

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

/** Facts of one domain for a set of organizations; an organization without any is absent. */
export type FactSource<T> = (orgIds: string[], now: Date) => Promise<Map<string, T>>;
export type FactSources = { [K in keyof OrgFacts]: FactSource<OrgFacts[K] extends Map<string, infer T> ? T : never> };

/** Straight from the counters; training through the learning dashboards' own per-organization sums. */
export function factSources(db: Db): FactSources {
  return {
    maturity: (ids) => latestDiagnostics(db, ids),
    exercises: (ids) => lastExercises(db, ids),
    kits: (ids) => kitDates(db, ids),
    training: async (ids, now) => new Map((await new MetricsRepo(db).personTotalsByOrg(ids, now.toISOString())).map((s) => [s.key, s])),
    phishing: (ids, now) => phishingSums(db, ids, daysAgo(now, 365)),
    suppliers: (ids, now) => supplierFacts(db, ids, now),
    actions: (ids, now) => actionFacts(db, ids, now),
  };
}

/**
 * Facts kept per organization for `maxAgeMs` (the learning metrics' own 60 s), so a regional view
 * over thousands of members reads only what expired. Consent is never kept: a member that stops
 * sharing disappears from the next answer, whatever is cached.
 */
export function cached<T>(source: FactSource<T>, maxAgeMs = 60_000): FactSource<T> {
  const kept = new Map<string, { at: number; value: T | null }>();
  return async (orgIds, now) => {
    const t = performance.now();
    const stale = orgIds.filter((id) => {
      const k = kept.get(id);
      return !k || t - k.at > maxAgeMs;
    });
    if (stale.length > 0) {
      const fresh = await source(stale, now);
      if (kept.size + stale.length > 50_000) kept.clear();
      for (const id of stale) kept.set(id, { at: t, value: fresh.get(id) ?? null });
    }
    const out = new Map<string, T>();
    for (const id of orgIds) {
      const v = kept.get(id)?.value;
      if (v !== null && v !== undefined) out.set(id, v);
    }
    return out;
  };
}

export function cachedSources(s: FactSources, maxAgeMs?: number): FactSources {
  return {
    maturity: cached(s.maturity, maxAgeMs),
    exercises: cached(s.exercises, maxAgeMs),
    kits: cached(s.kits, maxAgeMs),
    training: cached(s.training, maxAgeMs),
    phishing: cached(s.phishing, maxAgeMs),
    suppliers: cached(s.suppliers, maxAgeMs),
    actions: cached(s.actions, maxAgeMs),
  };
}

/** The facts of every organization that shares the matching domain somewhere in the view. */
export async function orgFacts(ids: Record<Exclude<keyof OrgFacts, 'kits'>, string[]>, now: Date, sources: FactSources): Promise<OrgFacts> {
  const [maturity, exercises, kits, training, phishing, suppliers, actions] = await Promise.all([
    sources.maturity(ids.maturity, now),
    sources.exercises(ids.exercises, now),
    // The crisis kit belongs with the exercises: a member sharing those shares its kit's age.
    sources.kits(ids.exercises, now),
    sources.training(ids.training, now),
    sources.phishing(ids.phishing, now),
    sources.suppliers(ids.suppliers, now),
    sources.actions(ids.actions, now),
  ]);
  return { maturity, exercises, kits, training, phishing, suppliers, actions };
}

/** When each organization last generated its crisis kit PDF. */
async function kitDates(db: Db, orgIds: string[]): Promise<Map<string, string>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('crisis_kits')
    .select(['organization_id', 'generated_at'])
    .where('organization_id', 'in', orgIds)
    .where('generated_at', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.organization_id, String(r.generated_at)]));
}

/**
 * The last rehearsal (kind `exercise`, not a real incident) that started, run by the organization
 * itself or in which it played a cell of a territory exercise: its end day, or its start day.
 */
async function lastExercises(db: Db, orgIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (orgIds.length === 0) return out;
  const day = sql<string>`max(coalesce(e.ended_at, e.started_at))`;
  const [own, cells] = await Promise.all([
    db
      .selectFrom('exercises as e')
      .select(['e.organization_id as org', day.as('at')])
      .where('e.organization_id', 'in', orgIds)
      .where('e.kind', '=', 'exercise')
      .where('e.started_at', 'is not', null)
      .groupBy('e.organization_id')
      .execute(),
    db
      .selectFrom('exercise_cells as c')
      .innerJoin('exercises as e', 'e.id', 'c.exercise_id')
      .select(['c.organization_id as org', day.as('at')])
      .where('c.organization_id', 'in', orgIds)
      .where('e.kind', '=', 'exercise')
      .where('e.started_at', 'is not', null)
      .groupBy('c.organization_id')
      .execute(),
  ]);
  for (const r of [...own, ...cells]) {
    if (!r.org || !r.at) continue;
    const d = String(r.at).slice(0, 10);
    if (!out.has(r.org) || out.get(r.org)! < d) out.set(r.org, d);
  }
  return out;
}

async function latestDiagnostics(db: Db, orgIds: string[]): Promise<Map<string, MaturityFact>> {
  const out = new Map<string, MaturityFact>();
  if (orgIds.length === 0) return out;
  const rows = await db
    .selectFrom('maturity_diagnostics')
    .select(['organization_id', 'overall', 'completed_at', 'variant'])
    .where('organization_id', 'in', orgIds)
    .where('status', '=', 'completed')
    .orderBy('organization_id')
    .orderBy('completed_at', 'desc')
    .execute();
  for (const r of rows) {
    if (out.has(r.organization_id) || !r.completed_at) continue;
    out.set(r.organization_id, {
      score: r.overall === null ? null : Number(r.overall),
      completedAt: r.completed_at,
      variant: r.variant,
    });
  }
  return out;
}

/** Whole-organization counters (dimension 'all') of the campaigns launched in the last 12 months. */
async function phishingSums(db: Db, orgIds: string[], since: string): Promise<Map<string, PhishingSums>> {
  const out = new Map<string, PhishingSums>();
  if (orgIds.length === 0) return out;
  const rows = await db
    .selectFrom('phishing_campaign_stats as s')
    .innerJoin('phishing_campaigns as c', 'c.id', 's.campaign_id')
    .select((eb) => [
      's.organization_id',
      eb.fn.sum<number>('s.targets').as('targets'),
      eb.fn.sum<number>('s.delivered').as('delivered'),
      eb.fn.sum<number>('s.clicked').as('clicked'),
      eb.fn.sum<number>('s.reported').as('reported'),
      eb.fn.countAll<number>().as('campaigns'),
    ])
    .where('s.organization_id', 'in', orgIds)
    .where('s.dimension', '=', 'all')
    .where('c.launched_at', '>=', since)
    .groupBy('s.organization_id')
    .execute();
  for (const r of rows) {
    out.set(r.organization_id, {
      targets: toCount(r.targets),
      delivered: toCount(r.delivered),
      clicked: toCount(r.clicked),
      reported: toCount(r.reported),
      campaigns: toCount(r.campaigns),
    });
  }
  return out;
}

/**
 * Tier 1–2 providers (override first, as the provider register does) and how many had an audit
 * submitted or closed in the last 12 months; audits still planned or open past their due date.
 */
async function supplierFacts(db: Db, orgIds: string[], now: Date): Promise<Map<string, SupplierFact>> {
  const out = new Map<string, SupplierFact>();
  if (orgIds.length === 0) return out;
  const since = daysAgo(now, 365);
  const today = now.toISOString().slice(0, 10);
  const [covered, late] = await Promise.all([
    db
      .selectFrom('suppliers as s')
      .select((eb) => [
        's.organization_id',
        eb.fn.countAll<number>().as('critical'),
        sql<number>`sum(case when exists (
          select 1 from supplier_audits a where a.supplier_id = s.id and a.status not in ('planned', 'open', 'cancelled')
          and coalesce(a.closed_at, a.submitted_at) >= ${since}) then 1 else 0 end)`.as('audited'),
      ])
      .where('s.organization_id', 'in', orgIds)
      .where('s.archived', '=', 0)
      .where(sql<number>`coalesce(s.criticality_override, s.criticality_computed)`, '<=', 2)
      .groupBy('s.organization_id')
      .execute(),
    db
      .selectFrom('supplier_audits')
      .select((eb) => ['organization_id', eb.fn.countAll<number>().as('n')])
      .where('organization_id', 'in', orgIds)
      .where('status', 'in', ['planned', 'open'])
      .where('due_on', '<', today)
      .groupBy('organization_id')
      .execute(),
  ]);
  for (const id of orgIds) out.set(id, { criticalProviders: 0, audited: 0, overdueAudits: 0 });
  for (const r of covered)
    Object.assign(out.get(r.organization_id)!, { criticalProviders: toCount(r.critical), audited: toCount(r.audited) });
  for (const r of late) out.get(r.organization_id)!.overdueAudits = toCount(r.n);
  return out;
}

/** Open, overdue (open with a due date passed, as the action plan counts it) and done in 90 days. */
async function actionFacts(db: Db, orgIds: string[], now: Date): Promise<Map<string, ActionFact>> {
  const out = new Map<string, ActionFact>();
  if (orgIds.length === 0) return out;
  const today = now.toISOString().slice(0, 10);
  const since = daysAgo(now, 90);
  const rows = await db
    .selectFrom('actions')
    .select([
      'organization_id',
      sql<number>`sum(case when status in ('todo', 'in_progress') then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when status in ('todo', 'in_progress') and due_on is not null and due_on < ${today} then 1 else 0 end)`.as(
        'overdue',
      ),
      sql<number>`sum(case when status = 'done' and done_at >= ${since} then 1 else 0 end)`.as('done'),
    ])
    .where('organization_id', 'in', orgIds)
    .groupBy('organization_id')
    .execute();
  for (const id of orgIds) out.set(id, { open: 0, overdue: 0, doneLast90Days: 0 });
  for (const r of rows) out.set(r.organization_id, { open: toCount(r.open), overdue: toCount(r.overdue), doneLast90Days: toCount(r.done) });
  return out;
}
