import { fromBool01 } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { type Executor, lockKey } from '../identity/shared.js';
import { type SharingFlags, SharingRepo } from './sharing-repo.js';
import type { MemberSharingDto, SharingInput, TerritorySharingDto } from './sharing-schema.js';
import { type SharingDomain, sharingDomains } from './tables.js';

export { sharedMembers } from './sharing-repo.js';

type Wanted = { [D in SharingDomain]?: boolean | undefined };

const booleans = (f: SharingFlags) => Object.fromEntries(sharingDomains.map((d) => [d, f[d] !== null])) as Record<SharingDomain, boolean>;

/** What each member organization agrees to show its territories; the choice is the member's alone. */
export class SharingService {
  private readonly repo = new SharingRepo();
  constructor(private readonly deps: AppDeps) {}

  /** Every territory of the organization, its leads and this organization's flags. */
  async listForOrg(orgId: string): Promise<TerritorySharingDto[]> {
    const db = this.deps.db;
    const territories = await this.repo.memberships(db, orgId);
    const ids = territories.map((t) => t.id);
    const [flags, leads] = await Promise.all([this.repo.flagsOf(db, orgId, ids), this.repo.leadsOf(db, ids)]);
    return territories.map((t) => {
      const f = flags.get(t.id) as SharingFlags;
      return {
        territory: { id: t.id, name: t.name, kind: t.kind },
        leads: leads.filter((l) => l.territory_id === t.id).map((l) => ({ organizationId: l.id, name: l.name, kind: l.kind })),
        isLead: fromBool01(t.is_lead),
        domains: booleans(f),
        sharedSince: f,
      };
    });
  }

  /** The territory's side: which member shares what (read-only; the members decide). */
  async byMember(territoryId: string): Promise<MemberSharingDto> {
    const rows = await this.repo.byMember(this.deps.db, territoryId);
    return {
      items: rows.map((m) => ({
        organizationId: m.id,
        name: m.name,
        kind: m.kind,
        isLead: fromBool01(m.is_lead),
        domains: Object.fromEntries(sharingDomains.map((d) => [d, m.domains.has(d)])) as Record<SharingDomain, boolean>,
      })),
    };
  }

  async update(ctx: RequestContext, orgId: string, territoryId: string, input: SharingInput): Promise<TerritorySharingDto> {
    await this.deps.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.deps.dbh.dialect, `sharing:${territoryId}:${orgId}`);
      await this.apply(trx, ctx, territoryId, orgId, input.domains);
    });
    const item = (await this.listForOrg(orgId)).find((i) => i.territory.id === territoryId);
    if (!item) throw new NotFound('territory');
    return item;
  }

  /**
   * Switches the named domains on or off inside the caller's transaction, keeps the legacy flag in
   * step and records the change. 404 when the organization is not a member: its consent means nothing there.
   */
  async apply(trx: Executor, ctx: RequestContext, territoryId: string, orgId: string, wanted: Wanted): Promise<void> {
    const member = await trx
      .selectFrom('territory_members')
      .select('organization_id')
      .where('territory_id', '=', territoryId)
      .where('organization_id', '=', orgId)
      .executeTakeFirst();
    if (!member) throw new NotFound('territory');
    const current = (await this.repo.flagsOf(trx, orgId, [territoryId])).get(territoryId) as SharingFlags;
    const before = booleans(current);
    const after = { ...before };
    const now = this.deps.clock.now().toISOString();
    for (const domain of sharingDomains) {
      const want = wanted[domain];
      if (want === undefined || want === before[domain]) continue;
      if (want) await this.repo.share(trx, territoryId, orgId, domain, now, ctx.actor?.accountId ?? null);
      else await this.repo.unshare(trx, territoryId, orgId, domain);
      after[domain] = want;
    }
    if (sharingDomains.every((d) => before[d] === after[d])) return;
    await this.repo.mirror(trx, territoryId, orgId, after.training);
    await this.deps.audit.record(trx, auditActor(ctx), {
      action: 'territory.sharing_changed',
      entityType: 'territory_sharing',
      entityId: `${territoryId}:${orgId}`,
      territoryId,
      organizationId: orgId,
      before: { domains: before },
      after: { domains: after },
    });
  }

  /** Consent does not outlive the membership. */
  forget(trx: Executor, territoryId: string, orgId: string): Promise<void> {
    return this.repo.forget(trx, territoryId, orgId);
  }
}
