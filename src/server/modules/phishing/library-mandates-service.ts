import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import type { Executor } from '../identity/shared.js';
import type { OrgMandateDto } from './library-settings-schema.js';

/**
 * Campaign mandates, seen from the organization: its admin lets the coordinators of one of its
 * territories run phishing campaigns for its staff (small practices without a security officer),
 * and can take that back at any time.
 */
export class MandatesService {
  constructor(private readonly deps: AppDeps) {}

  /** Every territory the organization belongs to, with whether it holds a mandate. */
  async list(organizationId: string): Promise<{ items: OrgMandateDto[] }> {
    return { items: await this.territories(this.deps.db, organizationId) };
  }

  async grant(ctx: RequestContext, organizationId: string, territoryId: string): Promise<OrgMandateDto> {
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await this.one(trx, organizationId, territoryId);
      if (before.granted) return before;
      const now = this.deps.clock.now().toISOString();
      await trx
        .insertInto('phishing_territory_mandates')
        .values({ territory_id: territoryId, organization_id: organizationId, granted_by: ctx.actor?.accountId ?? null, granted_at: now })
        .execute();
      const after = { ...before, granted: true, grantedAt: now };
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'phishing.mandate.grant',
        entityType: 'phishing_mandate',
        entityId: territoryId,
        organizationId,
        territoryId,
        after,
      });
      return after;
    });
  }

  /** Campaigns the territory already launched go on for this organization until either side cancels them. */
  async revoke(ctx: RequestContext, organizationId: string, territoryId: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.one(trx, organizationId, territoryId);
      if (!before.granted) throw new NotFound('mandate');
      await trx
        .deleteFrom('phishing_territory_mandates')
        .where('territory_id', '=', territoryId)
        .where('organization_id', '=', organizationId)
        .execute();
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'phishing.mandate.revoke',
        entityType: 'phishing_mandate',
        entityId: territoryId,
        organizationId,
        territoryId,
        before,
      });
    });
  }

  /** A territory the organization is a member of; any other reads as absent. */
  private async one(db: Executor, organizationId: string, territoryId: string): Promise<OrgMandateDto> {
    const found = (await this.territories(db, organizationId)).find((t) => t.territoryId === territoryId);
    if (!found) throw new NotFound('territory');
    return found;
  }

  private async territories(db: Executor, organizationId: string): Promise<OrgMandateDto[]> {
    const rows = await db
      .selectFrom('territory_members as tm')
      .innerJoin('territories as t', 't.id', 'tm.territory_id')
      .leftJoin('phishing_territory_mandates as m', (j) =>
        j.onRef('m.territory_id', '=', 'tm.territory_id').onRef('m.organization_id', '=', 'tm.organization_id'),
      )
      .select(['t.id', 't.name', 't.kind', 'm.granted_at'])
      .where('tm.organization_id', '=', organizationId)
      .orderBy('t.name')
      .execute();
    return rows.map((r) => ({ territoryId: r.id, name: r.name, kind: r.kind, granted: r.granted_at !== null, grantedAt: r.granted_at }));
  }
}
