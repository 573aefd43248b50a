import { toBool01 } from '../../db/dialect.js';
import type { Executor } from '../identity/shared.js';
import { type SharingDomain, sharingDomains } from './tables.js';

export type SharingFlags = Record<SharingDomain, string | null>;

const noFlags = (): SharingFlags => Object.fromEntries(sharingDomains.map((d) => [d, null])) as SharingFlags;

/**
 * The organizations of a territory that share `domain` with it, right now. Every territory view
 * picks its members through this, so switching a domain off hides it on the next request.
 */
export async function sharedMembers(db: Executor, territoryId: string, domain: SharingDomain): Promise<string[]> {
  const rows = await db
    .selectFrom('territory_sharing as s')
    // A former member's rows are deleted with the membership; the join is a second guard.
    .innerJoin('territory_members as m', (j) =>
      j.onRef('m.territory_id', '=', 's.territory_id').onRef('m.organization_id', '=', 's.organization_id'),
    )
    .select('s.organization_id')
    .where('s.territory_id', '=', territoryId)
    .where('s.domain', '=', domain)
    .orderBy('s.organization_id')
    .execute();
  return rows.map((r) => r.organization_id);
}

/** Consent rows per (territory, organization): the date each domain was switched on, or null. */
export class SharingRepo {
  /** The flags of one organization in each of the given territories. */
  async flagsOf(db: Executor, organizationId: string, territoryIds: string[]): Promise<Map<string, SharingFlags>> {
    const out = new Map<string, SharingFlags>(territoryIds.map((id) => [id, noFlags()]));
    if (territoryIds.length === 0) return out;
    const rows = await db
      .selectFrom('territory_sharing')
      .select(['territory_id', 'domain', 'shared_since'])
      .where('organization_id', '=', organizationId)
      .where('territory_id', 'in', territoryIds)
      .execute();
    for (const r of rows) {
      const flags = out.get(r.territory_id);
      if (flags && (sharingDomains as readonly string[]).includes(r.domain)) flags[r.domain] = r.shared_since;
    }
    return out;
  }

  /** Territories the organization belongs to, with whether it leads them. */
  async memberships(db: Executor, organizationId: string) {
    return db
      .selectFrom('territory_members as m')
      .innerJoin('territories as t', 't.id', 'm.territory_id')
      .select(['t.id', 't.name', 't.kind', 'm.is_lead'])
      .where('m.organization_id', '=', organizationId)
      .orderBy('t.name')
      .orderBy('t.id')
      .execute();
  }

  /** Members of a territory and the domains each shares, for the coordinator's overview. */
  async byMember(db: Executor, territoryId: string) {
    const [members, rows] = await Promise.all([
      db
        .selectFrom('territory_members as m')
        .innerJoin('organizations as o', 'o.id', 'm.organization_id')
        .select(['o.id', 'o.name', 'o.kind', 'm.is_lead'])
        .where('m.territory_id', '=', territoryId)
        .orderBy('m.is_lead', 'desc')
        .orderBy('o.name')
        .orderBy('o.id')
        .execute(),
      db.selectFrom('territory_sharing').select(['organization_id', 'domain']).where('territory_id', '=', territoryId).execute(),
    ]);
    return members.map((m) => ({ ...m, domains: new Set(rows.filter((r) => r.organization_id === m.id).map((r) => r.domain)) }));
  }

  async leadsOf(db: Executor, territoryIds: string[]) {
    if (territoryIds.length === 0) return [];
    return db
      .selectFrom('territory_members as m')
      .innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['m.territory_id', 'o.id', 'o.name', 'o.kind'])
      .where('m.territory_id', 'in', territoryIds)
      .where('m.is_lead', '=', 1)
      .orderBy('o.name')
      .orderBy('o.id')
      .execute();
  }

  async share(db: Executor, territoryId: string, organizationId: string, domain: SharingDomain, at: string, by: string | null) {
    await db
      .insertInto('territory_sharing')
      .values({ territory_id: territoryId, organization_id: organizationId, domain, shared_since: at, changed_by: by })
      .execute();
  }

  async unshare(db: Executor, territoryId: string, organizationId: string, domain: SharingDomain) {
    await db
      .deleteFrom('territory_sharing')
      .where('territory_id', '=', territoryId)
      .where('organization_id', '=', organizationId)
      .where('domain', '=', domain)
      .execute();
  }

  /** When the organization leaves the territory, its consent goes with it. */
  async forget(db: Executor, territoryId: string, organizationId: string) {
    await db
      .deleteFrom('territory_sharing')
      .where('territory_id', '=', territoryId)
      .where('organization_id', '=', organizationId)
      .execute();
  }

  /**
   * territory_members.shares_data mirrors the 'training' domain: the views written before
   * per-domain consent (and the test factories) still read it.
   */
  async mirror(db: Executor, territoryId: string, organizationId: string, training: boolean) {
    await db
      .updateTable('territory_members')
      .set({ shares_data: toBool01(training) })
      .where('territory_id', '=', territoryId)
      .where('organization_id', '=', organizationId)
      .execute();
  }
}
