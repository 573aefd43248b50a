import { sql } from 'kysely';
import { toCount } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import { sharingDomains } from './tables.js';

// Who is in the view and what each member shares right now: read on every request, never kept.

/** One territory, or every GHT and CPTS of a region. */
export type MemberScope = { territoryId: string } | { region: string };

/**
 * Members with their current consent, one row per (territory, organization) and one 0/1 column
 * per domain: a single grouped query, whatever the number of territories.
 */
export async function membersWithConsent(db: Db, scope: MemberScope) {
  const rows = await db
    .selectFrom('territory_members as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .leftJoin('territory_sharing as s', (j) =>
      j.onRef('s.territory_id', '=', 'm.territory_id').onRef('s.organization_id', '=', 'm.organization_id'),
    )
    .select(['m.territory_id', 'm.organization_id', 'm.is_lead', 'o.name', 'o.kind'])
    .select(sharingDomains.map((d) => sql<number>`sum(case when s.domain = ${sql.lit(d)} then 1 else 0 end)`.as(d)))
    .where((eb) =>
      'territoryId' in scope
        ? eb('m.territory_id', '=', scope.territoryId)
        : eb(
            'm.territory_id',
            'in',
            eb.selectFrom('territories').select('id').where('region', '=', scope.region).where('kind', 'in', ['ght', 'cpts']),
          ),
    )
    .groupBy(['m.territory_id', 'm.organization_id', 'm.is_lead', 'o.name', 'o.kind', 'o.id'])
    .orderBy('m.is_lead', 'desc')
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({
    territoryId: r.territory_id,
    organizationId: r.organization_id,
    isLead: r.is_lead,
    name: r.name,
    kind: r.kind,
    domains: new Set(sharingDomains.filter((d) => toCount(r[d]) > 0)),
  }));
}

/**
 * A cheap version of a region's membership and consent: row counts and latest instants. A domain
 * switched off removes a row (count), one switched on or a member joining brings a newer instant,
 * a territory edited moves its updated_at: any change gives another version.
 */
export async function regionVersion(db: Db, region: string): Promise<string> {
  const ids = db.selectFrom('territories').select('id').where('region', '=', region).where('kind', 'in', ['ght', 'cpts']);
  const [t, m, s] = await Promise.all([
    db
      .selectFrom('territories')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('latest')])
      .where('region', '=', region)
      .where('kind', 'in', ['ght', 'cpts'])
      .executeTakeFirst(),
    db
      .selectFrom('territory_members')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('joined_at').as('latest'), eb.fn.sum('is_lead').as('leads')])
      .where('territory_id', 'in', ids)
      .executeTakeFirst(),
    db
      .selectFrom('territory_sharing')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('shared_since').as('latest')])
      .where('territory_id', 'in', ids)
      .executeTakeFirst(),
  ]);
  return [t?.n, t?.latest, m?.n, m?.latest, m?.leads, s?.n, s?.latest].map((v) => String(v ?? '')).join('|');
}
