import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { fromJson } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { Invalid } from '../../platform/errors.js';
import type { Executor } from '../identity/shared.js';
import type { CampaignTargets, PreviewTargetsDto, TargetCriteria } from './campaign-schema.js';
import type { GroupKind } from './tables.js';

/** Who a campaign's targets designate: staff of some organizations, the rows a recipient snapshots. */
export interface TargetPerson {
  id: string;
  organization_id: string;
  email: string;
  first_name: string;
  last_name: string;
  service: string | null;
  role_family: string;
  site: string | null;
}

interface SavedGroup {
  id: string;
  organization_id: string;
  criteria: TargetCriteria;
}

/** Targets checked against the campaign's organizations, groups loaded: ready to be queried. */
export interface CheckedTargets {
  organizationIds: string[];
  include: SavedGroup[];
  exclude: SavedGroup[];
  criteria: TargetCriteria | undefined;
  excludeCriteria: TargetCriteria | undefined;
}

type EB = ExpressionBuilder<Database, 'people'>;
const always = sql<SqlBool>`1 = 1`;

/** AND across keys, OR within a key; personIds adds people; no key at all: everyone. */
function criteriaExpr(eb: EB, c: TargetCriteria): Expression<SqlBool> {
  const filters: Array<Expression<SqlBool>> = [];
  if (c.services?.length) filters.push(eb('people.service', 'in', c.services));
  if (c.roleFamilies?.length) filters.push(eb('people.role_family', 'in', c.roleFamilies));
  if (c.sites?.length) filters.push(eb('people.site', 'in', c.sites));
  const ids = c.personIds ?? [];
  if (filters.length === 0) return ids.length ? eb('people.id', 'in', ids) : always;
  const matched = eb.and(filters);
  return ids.length ? eb.or([matched, eb('people.id', 'in', ids)]) : matched;
}

const groupExpr = (eb: EB, g: SavedGroup) => eb.and([eb('people.organization_id', '=', g.organization_id), criteriaExpr(eb, g.criteria)]);

/** Everyone designated: active staff with an email, in the campaign's organizations. */
function selectTargets(db: Executor, t: CheckedTargets) {
  return db
    .selectFrom('people')
    .where('people.organization_id', 'in', t.organizationIds)
    .where('people.active', '=', 1)
    .where('people.email', '<>', '')
    .where((eb) => {
      const parts = [...t.include.map((g) => groupExpr(eb, g)), ...(t.criteria ? [criteriaExpr(eb, t.criteria)] : [])];
      // Only the organizations were chosen (territory campaigns): all their staff.
      return parts.length ? eb.or(parts) : always;
    })
    .where((eb) => {
      const parts = [...t.exclude.map((g) => groupExpr(eb, g)), ...(t.excludeCriteria ? [criteriaExpr(eb, t.excludeCriteria)] : [])];
      if (!parts.length) return always;
      // NOT over a NULL (a person without a service) would drop the row: compare a CASE instead.
      return sql<SqlBool>`(case when ${eb.or(parts)} then 1 else 0 end) = 0`;
    });
}

const targetColumns = [
  'people.id',
  'people.organization_id',
  'people.email',
  'people.first_name',
  'people.last_name',
  'people.service',
  'people.role_family',
  'people.site',
] as const;

/** Two directory records with this same key are one mailbox: one email. */
const addressKey = (email: string) => email.trim().toLowerCase();

/** Keeps the first row (in id order) of each email address: one email per address. */
function onePerAddress<R extends { email: string }>(rows: R[]): R[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = addressKey(r.email);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The people a campaign sends to, in id order. A person matched twice is one row; two directory
 * records with the same address (the same person in two member organizations) get one email.
 * Loads every row: for small sets (group previews); a launch uses targetIds and targetPeople.
 */
export async function resolveTargets(db: Executor, t: CheckedTargets): Promise<TargetPerson[]> {
  if (t.organizationIds.length === 0) return [];
  return onePerAddress(await selectTargets(db, t).select(targetColumns).orderBy('people.id').execute());
}

/** Rows read per step when walking the targets (keyset on id): 100,000 targets are never all in memory. */
const WALK_SLICE = 5000;

/** Each target once (same rule as resolveTargets), in id order, with the few columns counts need. */
async function walkTargets(
  db: Executor,
  t: CheckedTargets,
  each: (r: { id: string; organization_id: string; service: string | null }) => void,
): Promise<void> {
  if (t.organizationIds.length === 0) return;
  const seen = new Set<string>();
  for (let after = ''; ; ) {
    const rows = await selectTargets(db, t)
      .select(['people.id', 'people.email', 'people.organization_id', 'people.service'])
      .where('people.id', '>', after)
      .orderBy('people.id')
      .limit(WALK_SLICE)
      .execute();
    for (const r of rows) {
      const key = addressKey(r.email);
      if (seen.has(key)) continue;
      seen.add(key);
      each(r);
    }
    const last = rows.at(-1);
    if (!last || rows.length < WALK_SLICE) return;
    after = last.id;
  }
}

/** The ids of the people a campaign sends to (same rule as resolveTargets), for a launch slice by slice. */
export async function targetIds(db: Executor, t: CheckedTargets): Promise<string[]> {
  const ids: string[] = [];
  await walkTargets(db, t, (r) => ids.push(r.id));
  return ids;
}

/** The rows a recipient snapshots, for one slice of targetIds (any order). */
export async function targetPeople(db: Executor, ids: readonly string[]): Promise<TargetPerson[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('people')
    .select(targetColumns)
    .where('people.id', 'in', [...ids])
    .where('people.active', '=', 1) // left since the ids were read (PostgreSQL): no email
    .execute();
}

/** Counts for the targets preview: total, per organization, per service (largest first). */
export async function previewTargets(db: Executor, t: CheckedTargets): Promise<PreviewTargetsDto> {
  const orgs = t.organizationIds.length
    ? await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', t.organizationIds).execute()
    : [];
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const byOrg = new Map<string, number>();
  const byService = new Map<string | null, number>();
  let count = 0;
  await walkTargets(db, t, (p) => {
    count++;
    byOrg.set(p.organization_id, (byOrg.get(p.organization_id) ?? 0) + 1);
    byService.set(p.service, (byService.get(p.service) ?? 0) + 1);
  });
  return {
    count,
    byOrganization: [...byOrg]
      .map(([organizationId, count]) => ({ organizationId, name: names.get(organizationId) ?? '', count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'fr')),
    byService: [...byService]
      .map(([service, count]) => ({ service, count }))
      .sort((a, b) => b.count - a.count || (a.service ?? '').localeCompare(b.service ?? '', 'fr')),
  };
}

/** Member organizations that gave the territory a campaign mandate (and are still members). */
export async function mandatedOrganizations(db: Executor, territoryId: string) {
  return db
    .selectFrom('phishing_territory_mandates as m')
    .innerJoin('territory_members as tm', (j) =>
      j.onRef('tm.territory_id', '=', 'm.territory_id').onRef('tm.organization_id', '=', 'm.organization_id'),
    )
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.organization_id', 'o.name', 'm.granted_at'])
    .where('m.territory_id', '=', territoryId)
    .orderBy('o.name')
    .execute();
}

/** The organizations a campaign may reach: the organization itself, or the territory's mandated members. */
export async function reachableOrganizations(db: Executor, tenant: { kind: 'organization' | 'territory'; id: string }): Promise<string[]> {
  if (tenant.kind === 'organization') return [tenant.id];
  return (await mandatedOrganizations(db, tenant.id)).map((m) => m.organization_id);
}

const invalid = (code: string, fr: string, en: string, field: string) => new Invalid(code, { fr, en }, field);

async function loadGroups(db: Executor, organizationIds: string[], ids: string[], kind: GroupKind, field: string): Promise<SavedGroup[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('phishing_groups')
    .select(['id', 'organization_id', 'criteria'])
    .where('id', 'in', ids)
    .where('kind', '=', kind)
    .where('organization_id', 'in', organizationIds)
    .execute();
  const missing = ids.find((id) => !rows.some((r) => r.id === id));
  if (missing) {
    throw kind === 'target'
      ? invalid('unknown_group', `Groupe de cibles introuvable : ${missing}.`, `Unknown target group: ${missing}.`, field)
      : invalid('unknown_group', `Liste d'exclusion introuvable : ${missing}.`, `Unknown exclusion list: ${missing}.`, field);
  }
  return rows.map((r) => ({ id: r.id, organization_id: r.organization_id, criteria: fromJson<TargetCriteria>(r.criteria, {}) }));
}

async function checkPersonIds(db: Executor, organizationIds: string[], c: TargetCriteria | undefined, field: string): Promise<void> {
  const ids = c?.personIds ?? [];
  if (ids.length === 0) return;
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const slice = ids.slice(i, i + 5000);
    const rows = await db
      .selectFrom('people')
      .select('id')
      .where('id', 'in', slice)
      .where('organization_id', 'in', organizationIds)
      .execute();
    for (const r of rows) found.add(r.id);
  }
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw invalid('unknown_person', `Personne introuvable : ${missing}.`, `Unknown person: ${missing}.`, field);
}

/**
 * Checks a campaign's targets against the organizations it may reach (`allowed`: the organization
 * itself, or the members that gave the territory a mandate) and loads the saved groups.
 * `territory`: whether `organizationIds` may be chosen (and alone select all their staff).
 */
export async function checkTargets(db: Executor, targets: CampaignTargets, allowed: string[], territory: boolean): Promise<CheckedTargets> {
  let organizationIds = allowed;
  if (targets.organizationIds?.length) {
    const outside = targets.organizationIds.find((o) => !allowed.includes(o));
    if (outside) {
      throw territory
        ? invalid(
            'no_mandate',
            `L'établissement ${outside} n'a pas confié de mandat de campagne à ce territoire.`,
            `Organization ${outside} has not given this territory a campaign mandate.`,
            'targets.organizationIds',
          )
        : invalid(
            'foreign_organization',
            'Une campagne d’établissement ne vise que son propre personnel.',
            "An organization's campaign only targets its own staff.",
            'targets.organizationIds',
          );
    }
    organizationIds = targets.organizationIds;
  }
  const chosen = Boolean(targets.groupIds?.length || targets.criteria || (territory && targets.organizationIds?.length));
  if (!chosen) {
    throw invalid(
      'no_targets',
      'Choisissez les cibles : des groupes, des critères (service, famille de métiers, site) ou des personnes.',
      'Choose the targets: groups, criteria (service, role family, site) or people.',
      'targets',
    );
  }
  const [include, exclude] = await Promise.all([
    loadGroups(db, organizationIds, targets.groupIds ?? [], 'target', 'targets.groupIds'),
    loadGroups(db, organizationIds, targets.exclusionGroupIds ?? [], 'exclusion', 'targets.exclusionGroupIds'),
  ]);
  await checkPersonIds(db, organizationIds, targets.criteria, 'targets.criteria.personIds');
  await checkPersonIds(db, organizationIds, targets.exclude, 'targets.exclude.personIds');
  return { organizationIds, include, exclude, criteria: targets.criteria, excludeCriteria: targets.exclude };
}
