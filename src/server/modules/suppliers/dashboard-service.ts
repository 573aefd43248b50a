import type { AppDeps } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { sharedMembers } from '../territory/sharing-repo.js';
import { orgDashboard } from './dashboard-repo.js';
import type { MemberFigures, OrgDashboard, TerritoryDashboard } from './dashboard-schema.js';

const zero = (): MemberFigures => ({
  providers: 0,
  tier1: 0,
  healthData: 0,
  hdsExpired: 0,
  hdsExpiringIn90Days: 0,
  contractsWithoutAuditClause: 0,
  auditsOverdue: 0,
  auditsInRemediation: 0,
  openFindings: { low: 0, medium: 0, high: 0, critical: 0 },
});

function figuresOf(d: OrgDashboard): MemberFigures {
  return {
    providers: d.providers.total,
    tier1: d.providers.byTier[1],
    healthData: d.providers.healthData,
    hdsExpired: d.hds.expired,
    hdsExpiringIn90Days: d.hds.expiringIn90Days,
    contractsWithoutAuditClause: d.contracts.withoutAuditClause,
    auditsOverdue: d.audits.overdue,
    auditsInRemediation: d.audits.inRemediation,
    openFindings: { ...d.findings.open },
  };
}

function add(into: MemberFigures, f: MemberFigures): void {
  for (const k of Object.keys(into) as Array<keyof MemberFigures>) {
    if (k === 'openFindings') for (const s of ['low', 'medium', 'high', 'critical'] as const) into.openFindings[s] += f.openFindings[s];
    else into[k] += f[k];
  }
}

/**
 * A computed dashboard is kept this long (real elapsed time, not the app clock): a page opened by
 * several people, or refreshed, is computed once; `?fresh=true` recomputes it.
 */
export const DASHBOARD_MAX_AGE_MS = 15_000;
const MAX_KEPT = 200;

/** Provider risk dashboards (suppliers.read): an organization's, and a territory's over its sharing members. */
export class DashboardService {
  private readonly kept = new Map<string, { at: number; value: Promise<OrgDashboard> }>();
  constructor(
    private readonly deps: AppDeps,
    private readonly maxAgeMs = DASHBOARD_MAX_AGE_MS,
  ) {}

  private today(): string {
    return this.deps.clock.now().toISOString().slice(0, 10);
  }

  /** Concurrent requests for one organization share one computation; a failure is not kept. */
  organization(orgId: string, fresh = false): Promise<OrgDashboard> {
    const key = `${orgId}:${this.today()}`;
    const now = performance.now();
    const hit = this.kept.get(key);
    if (!fresh && hit && now - hit.at < this.maxAgeMs) return hit.value;
    const entry = { at: now, value: orgDashboard(this.deps.db, orgId, this.today()) };
    if (this.maxAgeMs <= 0) return entry.value;
    this.kept.delete(key);
    this.kept.set(key, entry);
    entry.value.catch(() => {
      if (this.kept.get(key) === entry) this.kept.delete(key);
    });
    if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
    return entry.value;
  }

  /** Figures only for the members that share their provider data (territory_sharing 'suppliers'), like every territory view. */
  async territory(territoryId: string, fresh = false): Promise<TerritoryDashboard> {
    const db = this.deps.db;
    const territory = await db.selectFrom('territories').select(['id', 'name']).where('id', '=', territoryId).executeTakeFirst();
    if (!territory) throw new NotFound('territory');
    const members = await db
      .selectFrom('territory_members as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['o.id', 'o.name'])
      .where('m.territory_id', '=', territoryId)
      .orderBy('o.name')
      .orderBy('o.id')
      .execute();
    const shares = new Set(await sharedMembers(db, territoryId, 'suppliers'));
    const totals = zero();
    const out: TerritoryDashboard['members'] = [];
    for (const m of members) {
      if (!shares.has(m.id)) {
        out.push({ organizationId: m.id, name: m.name, sharing: false, figures: null });
        continue;
      }
      const figures = figuresOf(await this.organization(m.id, fresh));
      add(totals, figures);
      out.push({ organizationId: m.id, name: m.name, sharing: true, figures });
    }
    const sharing = members.filter((m) => shares.has(m.id));
    const nameOf = new Map(sharing.map((m) => [m.id, m.name]));
    const rows = sharing.length
      ? await db
          .selectFrom('suppliers')
          .select(['siren', 'organization_id', 'name'])
          .where('organization_id', 'in', [...nameOf.keys()])
          .where('archived', '=', 0)
          .orderBy('siren')
          .orderBy('name')
          .execute()
      : [];
    const bySiren = new Map<string, { name: string; orgs: Set<string> }>();
    for (const r of rows) {
      const e = bySiren.get(r.siren) ?? { name: r.name, orgs: new Set<string>() };
      e.orgs.add(r.organization_id);
      bySiren.set(r.siren, e);
    }
    const sharedProviders = [...bySiren]
      .filter(([, e]) => e.orgs.size >= 2)
      .map(([siren, e]) => ({
        siren,
        name: e.name,
        members: [...e.orgs].map((id) => ({ organizationId: id, name: nameOf.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name)),
      }))
      .sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name));
    return { territory, members: out, totals, sharedProviders };
  }
}
