import { fromBool01 } from '../../db/dialect.js';
import type { Actor } from '../../platform/access/actor.js';
import { rolePermissions } from '../../platform/access/roles.js';
import type { AppDeps } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import type { OrganizationKind } from '../identity/domain.js';
import { MIN_GROUP_SIZE } from '../learning/metrics-schema.js';
import { buildDashboard, type MemberInput, totalsOf } from './dashboard-figures.js';
import { type MemberScope, membersWithConsent, regionVersion } from './dashboard-members.js';
import { cachedSources, type FactSources, factSources, type OrgFacts, orgFacts } from './dashboard-repo.js';
import type { DashboardTotals, RegionalDashboard, RegionalItem, RegionalQuery, TerritoryDashboard } from './dashboard-schema.js';

type FactDomain = 'maturity' | 'exercises' | 'training' | 'phishing' | 'suppliers' | 'actions';
/** How long a region's computed figures serve other pages and sorts, membership and consent unchanged. */
const REGION_FIGURES_MS = 15_000;

interface RegionFigures {
  facts: OrgFacts;
  byTerritory: Map<string, DashboardTotals>;
  totals: DashboardTotals;
}

const factDomains: FactDomain[] = ['maturity', 'exercises', 'training', 'phishing', 'suppliers', 'actions'];

/** Organization ids that share each domain with at least one territory of the view. */
function idsByDomain(members: Iterable<MemberInput>): Record<FactDomain, string[]> {
  const out = Object.fromEntries(factDomains.map((d) => [d, new Set<string>()])) as Record<FactDomain, Set<string>>;
  for (const m of members) for (const d of factDomains) if (m.domains.has(d)) out[d].add(m.organizationId);
  return Object.fromEntries(factDomains.map((d) => [d, [...out[d]]])) as Record<FactDomain, string[]>;
}

/**
 * Territory and regional dashboards. Consent is read on every request (never cached), so a member
 * that switches a domain off disappears from both views at once.
 */
export class DashboardService {
  private readonly sources: FactSources;
  private readonly regions = new Map<string, { version: string; at: number; value: RegionFigures }>();
  constructor(private readonly deps: AppDeps) {
    this.sources = cachedSources(factSources(deps.db));
  }

  async territory(territoryId: string): Promise<TerritoryDashboard> {
    const db = this.deps.db;
    const territory = await db
      .selectFrom('territories')
      .select(['id', 'name', 'kind', 'region'])
      .where('id', '=', territoryId)
      .executeTakeFirst();
    if (!territory) throw new NotFound('territory');
    const now = this.deps.clock.now();
    const members = await this.members({ territoryId });
    const list = members.get(territoryId) ?? [];
    const facts = await orgFacts(idsByDomain(list), now, this.sources);
    const built = buildDashboard(list, facts, now);
    return { territory, generatedAt: now.toISOString(), minGroupSize: MIN_GROUP_SIZE, ...built };
  }

  /**
   * The regional view: a territory of kind `region` stands for the region; its coordinators and
   * observers (the regional agency's accounts) see every GHT and CPTS whose `region` is the same.
   */
  async regional(actor: Actor | null, regionTerritoryId: string, q: RegionalQuery): Promise<RegionalDashboard> {
    const db = this.deps.db;
    const region = await db
      .selectFrom('territories')
      .select(['id', 'name', 'kind', 'region'])
      .where('id', '=', regionTerritoryId)
      .executeTakeFirst();
    if (region?.kind !== 'region') throw new NotFound('region');
    const regionName = region.region ?? region.name;
    const territories = await db
      .selectFrom('territories')
      .select(['id', 'name', 'kind'])
      .where('region', '=', regionName)
      .where('kind', 'in', ['ght', 'cpts'])
      .orderBy('name')
      .orderBy('id')
      .execute();
    const now = this.deps.clock.now();
    const figures = await this.regionFigures(regionName, now);
    const items: RegionalItem[] = territories.map((t) => ({
      territory: t,
      canOpen: this.mayOpen(actor, t.id),
      totals: figures.byTerritory.get(t.id) ?? buildDashboard([], figures.facts, now).totals,
    }));
    const totals = figures.totals;

    const key = q.q?.toLocaleLowerCase('fr');
    const filtered = items.filter(
      (i) => (!q.kind || i.territory.kind === q.kind) && (!key || i.territory.name.toLocaleLowerCase('fr').includes(key)),
    );
    const sorted = sortRegional(filtered, q.sort);
    const start = (q.page - 1) * q.pageSize;
    return {
      region: { territoryId: region.id, name: region.name, region: regionName },
      generatedAt: now.toISOString(),
      minGroupSize: MIN_GROUP_SIZE,
      items: sorted.slice(start, start + q.pageSize),
      total: filtered.length,
      page: q.page,
      pageSize: q.pageSize,
      totals,
    };
  }

  /**
   * Every territory's totals and the region's, computed once for all the pages and sorts asked in
   * the next seconds: reused only while the region's membership and consent version (read on every
   * request) is the same, so switching a domain off still shows at once.
   */
  private async regionFigures(regionName: string, now: Date): Promise<RegionFigures> {
    const version = await regionVersion(this.deps.db, regionName);
    const kept = this.regions.get(regionName);
    if (kept && kept.version === version && performance.now() - kept.at < REGION_FIGURES_MS) return kept.value;
    const members = await this.members({ region: regionName });
    const all = [...members.values()].flat();
    const facts = await orgFacts(idsByDomain(all), now, this.sources);
    const byTerritory = new Map([...members].map(([t, list]) => [t, buildDashboard(list, facts, now).totals]));
    // The region as a whole counts an organization once, with every domain it shares somewhere.
    const merged = new Map<string, MemberInput>();
    for (const m of all) {
      const seen = merged.get(m.organizationId);
      merged.set(m.organizationId, seen ? { ...seen, domains: new Set([...seen.domains, ...m.domains]) } : m);
    }
    const whole = [...merged.values()];
    const value = { facts, byTerritory, totals: totalsOf(whole, facts, buildDashboard(whole, facts, now).members) };
    if (this.regions.size > 50) this.regions.clear();
    this.regions.set(regionName, { version, at: performance.now(), value });
    return value;
  }

  /** Whether the actor holds territory.read on that territory itself (platform admins: always). */
  private mayOpen(actor: Actor | null, territoryId: string): boolean {
    if (!actor) return false;
    return this.deps.policy
      .effectiveGrants(actor)
      .some(
        (g) =>
          g.role === 'platform_admin' ||
          (g.scopeKind === 'territory' && g.scopeId === territoryId && rolePermissions[g.role].includes('territory.read')),
      );
  }

  /** Members of the territories in scope with their current consent, by territory. */
  private async members(scope: MemberScope): Promise<Map<string, MemberInput[]>> {
    const out = new Map<string, MemberInput[]>();
    for (const r of await membersWithConsent(this.deps.db, scope)) {
      const list = out.get(r.territoryId) ?? [];
      list.push({
        organizationId: r.organizationId,
        name: r.name,
        kind: r.kind as OrganizationKind,
        isLead: fromBool01(r.isLead),
        domains: r.domains,
      });
      out.set(r.territoryId, list);
    }
    return out;
  }
}

const sortValue: Record<string, (t: DashboardTotals) => number | null> = {
  members: (t) => t.members,
  maturity: (t) => t.maturity.averageScore,
  training: (t) => t.training.completionRate,
  phishing: (t) => t.phishing.reportRate,
  suppliers: (t) => t.suppliers.coverageRate,
  overdue: (t) => t.actions.overdue,
  flagged: (t) => t.flagged,
};

const collator = new Intl.Collator('fr');

/** Sorted by the key, missing figures last in both directions, then by name. */
export function sortRegional(items: RegionalItem[], sort: string): RegionalItem[] {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const dir = desc ? -1 : 1;
  const byName = (a: RegionalItem, b: RegionalItem) =>
    collator.compare(a.territory.name, b.territory.name) ||
    (a.territory.id < b.territory.id ? -1 : a.territory.id > b.territory.id ? 1 : 0);
  return [...items].sort((a, b) => {
    if (key === 'name') return dir * byName(a, b);
    if (key === 'kind') return dir * collator.compare(a.territory.kind, b.territory.kind) || byName(a, b);
    const pick = sortValue[key]!;
    const va = pick(a.totals);
    const vb = pick(b.totals);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return dir * (va - vb) || byName(a, b);
  });
}
