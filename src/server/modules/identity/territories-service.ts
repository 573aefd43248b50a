import { fromBool01, searchKey, toBool01 } from '../../db/dialect.js';
import type { Actor } from '../../platform/access/actor.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { SharingService } from '../territory/sharing-service.js';
import { sharingDomains } from '../territory/tables.js';
import type {
  CreateTerritoryInput,
  MemberInput,
  TerritoriesQuery,
  TerritoryDetailDto,
  TerritoryDto,
  TerritoryMemberDto,
  UpdateTerritoryInput,
} from './schema.js';
import { cleanText, lockKey, type Page } from './shared.js';
import { type MemberRow, TerritoriesRepo, type TerritoryRow, type TerritoryWithCounts } from './territories-repo.js';
import { visibilityOf } from './visibility.js';

export function presentTerritory(r: TerritoryWithCounts): TerritoryDto {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    region: r.region,
    memberCount: r.member_count,
    leadCount: r.lead_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const memberSnapshot = (m: MemberRow) => ({
  territoryId: m.territory_id,
  organizationId: m.organization_id,
  isLead: fromBool01(m.is_lead),
  sharesData: fromBool01(m.shares_data),
});

const lastLead = () =>
  new Conflict(
    'last_lead',
    {
      fr: "Un territoire doit garder au moins un établissement pilote : désignez d'abord un autre pilote.",
      en: 'A territory must keep at least one lead organization: name another lead first.',
    },
    'isLead',
  );

const membersChoice = () =>
  new Invalid(
    'sharing_is_members_choice',
    {
      fr: "Le partage des données se décide par l'établissement membre lui-même (ses administrateurs), pas par le territoire.",
      en: 'Data sharing is decided by the member organization itself (its administrators), not by the territory.',
    },
    'sharesData',
  );

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** GHT, CPTS, regions and custom groupings; their members and lead establishments. */
export class TerritoriesService {
  private readonly repo = new TerritoriesRepo();
  private readonly sharing: SharingService;
  constructor(private readonly deps: AppDeps) {
    this.sharing = new SharingService(deps);
  }

  /**
   * Territories are few (about 135 GHT and 800 CPTS nationwide), so the visible set is read
   * whole and filtered here, with accent-insensitive search and French name order.
   */
  async list(actor: Actor, query: TerritoriesQuery): Promise<Page<TerritoryDto>> {
    let rows = await this.repo.visible(this.deps.db, visibilityOf(this.deps.policy, actor));
    if (query.kind) rows = rows.filter((r) => r.kind === query.kind);
    if (query.q) {
      const key = searchKey(query.q);
      rows = rows.filter((r) => searchKey(r.name, r.region).includes(key));
    }
    rows.sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id));
    const start = (query.page - 1) * query.pageSize;
    return {
      items: rows.slice(start, start + query.pageSize).map(presentTerritory),
      total: rows.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string): Promise<TerritoryDetailDto> {
    const row = await this.repo.get(this.deps.db, id);
    if (!row) throw new NotFound('territory');
    const members = await this.repo.members(this.deps.db, id);
    return {
      ...presentTerritory(row),
      members: members.map((m) => ({
        organizationId: m.organization_id,
        name: m.name,
        kind: m.kind,
        isLead: fromBool01(m.is_lead),
        sharesData: fromBool01(m.shares_data),
        joinedAt: m.joined_at,
      })),
    };
  }

  async create(ctx: RequestContext, input: CreateTerritoryInput): Promise<TerritoryDetailDto> {
    const now = this.deps.clock.now().toISOString();
    const row: TerritoryRow = {
      id: newId(),
      name: input.name.trim(),
      kind: input.kind,
      region: cleanText(input.region),
      created_at: now,
      updated_at: now,
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await this.repo.insert(trx, row);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'territory.created',
        entityType: 'territory',
        entityId: row.id,
        territoryId: row.id,
        after: presentTerritory({ ...row, member_count: 0, lead_count: 0 }),
      });
    });
    return this.get(row.id);
  }

  async update(ctx: RequestContext, id: string, input: UpdateTerritoryInput): Promise<TerritoryDetailDto> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.repo.get(trx, id);
      if (!before) throw new NotFound('territory');
      const after: TerritoryWithCounts = {
        ...before,
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.region !== undefined ? { region: cleanText(input.region) } : {}),
        updated_at: this.deps.clock.now().toISOString(),
      };
      await this.repo.update(trx, id, { name: after.name, kind: after.kind, region: after.region, updated_at: after.updated_at });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'territory.updated',
        entityType: 'territory',
        entityId: id,
        territoryId: id,
        before: presentTerritory(before),
        after: presentTerritory(after),
      });
    });
    return this.get(id);
  }

  /**
   * Adds an organization to a territory or changes its lead/sharing flags. A new member becomes
   * lead when the territory has none; a territory with members always keeps one lead.
   * Sharing is the member's own choice (territory/sharing-*.ts): only a platform admin may still set
   * it here, all domains at once, to record an agreement signed on paper.
   */
  async setMember(ctx: RequestContext, territoryId: string, organizationId: string, input: MemberInput): Promise<TerritoryMemberDto> {
    const { dialect } = this.deps.dbh;
    if (input.sharesData !== undefined && !(ctx.actor && this.deps.policy.isPlatformAdmin(ctx.actor))) throw membersChoice();
    await this.deps.db.transaction().execute(async (trx) => {
      await lockKey(trx, dialect, `territory:${territoryId}`);
      const org = await trx.selectFrom('organizations').select(['id']).where('id', '=', organizationId).executeTakeFirst();
      if (!org) throw new NotFound('organization');
      const before = await this.repo.member(trx, territoryId, organizationId);
      const { leads } = await this.repo.counts(trx, territoryId);
      const now = this.deps.clock.now().toISOString();
      let after: MemberRow;
      if (!before) {
        const isLead = input.isLead ?? leads === 0;
        if (!isLead && leads === 0) throw lastLead();
        after = {
          territory_id: territoryId,
          organization_id: organizationId,
          is_lead: toBool01(isLead),
          shares_data: 0,
          joined_at: now,
        };
        await this.repo.insertMember(trx, after);
      } else {
        after = {
          ...before,
          ...(input.isLead !== undefined ? { is_lead: toBool01(input.isLead) } : {}),
        };
        if (before.is_lead === 1 && after.is_lead === 0 && leads <= 1) throw lastLead();
        await this.repo.updateMember(trx, territoryId, organizationId, { is_lead: after.is_lead, shares_data: after.shares_data });
      }
      if (input.sharesData !== undefined) {
        const value = input.sharesData;
        await this.sharing.apply(trx, ctx, territoryId, organizationId, Object.fromEntries(sharingDomains.map((d) => [d, value])));
        after = { ...after, shares_data: toBool01(value) };
      }
      await this.repo.update(trx, territoryId, { updated_at: now });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: before ? 'territory.member_updated' : 'territory.member_added',
        entityType: 'territory_member',
        entityId: `${territoryId}:${organizationId}`,
        territoryId,
        organizationId,
        ...(before ? { before: memberSnapshot(before) } : {}),
        after: memberSnapshot(after),
      });
    });
    const detail = await this.get(territoryId);
    const member = detail.members.find((m) => m.organizationId === organizationId);
    if (!member) throw new NotFound('member');
    return member;
  }

  async removeMember(ctx: RequestContext, territoryId: string, organizationId: string): Promise<void> {
    const { dialect } = this.deps.dbh;
    await this.deps.db.transaction().execute(async (trx) => {
      await lockKey(trx, dialect, `territory:${territoryId}`);
      const before = await this.repo.member(trx, territoryId, organizationId);
      if (!before) throw new NotFound('member');
      const { members, leads } = await this.repo.counts(trx, territoryId);
      // The last lead may leave only as the last member: an empty territory needs no lead.
      if (before.is_lead === 1 && leads <= 1 && members > 1) throw lastLead();
      await this.sharing.forget(trx, territoryId, organizationId);
      await this.repo.deleteMember(trx, territoryId, organizationId);
      await this.repo.update(trx, territoryId, { updated_at: this.deps.clock.now().toISOString() });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'territory.member_removed',
        entityType: 'territory_member',
        entityId: `${territoryId}:${organizationId}`,
        territoryId,
        organizationId,
        before: memberSnapshot(before),
      });
    });
  }
}
