import { fromBool01, searchKey, toBool01 } from '../../db/dialect.js';
import type { Actor } from '../../platform/access/actor.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { type OrganizationRow, OrganizationsRepo } from './organizations-repo.js';
import type {
  CreateOrganizationInput,
  OrganizationDetailDto,
  OrganizationDto,
  OrganizationsQuery,
  UpdateOrganizationInput,
} from './schema.js';
import { cleanText, type Page } from './shared.js';
import { normalizeSiret } from './siret.js';
import { visibilityOf } from './visibility.js';

export function presentOrganization(r: OrganizationRow, peopleCount?: number): OrganizationDto {
  return {
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    siret: r.siret,
    city: r.city,
    archived: fromBool01(r.archived),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(peopleCount === undefined ? {} : { peopleCount }),
  };
}

const orgSearchKey = (r: Pick<OrganizationRow, 'name' | 'short_name' | 'city'>) => searchKey(r.name, r.short_name, r.city);

/** Establishments and providers: list what the actor may see, create, read, update, archive. */
export class OrganizationsService {
  private readonly repo = new OrganizationsRepo();
  constructor(private readonly deps: AppDeps) {}

  async list(actor: Actor, query: OrganizationsQuery): Promise<Page<OrganizationDto>> {
    const { rows, total } = await this.repo.list(this.deps.db, visibilityOf(this.deps.policy, actor), query);
    return { items: rows.map((r) => presentOrganization(r, r.people_count)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<OrganizationDetailDto> {
    const row = await this.repo.get(this.deps.db, id);
    if (!row) throw new NotFound('organization');
    const [peopleCount, territories] = await Promise.all([
      this.repo.activePeopleCount(this.deps.db, id),
      this.repo.territoriesOf(this.deps.db, id),
    ]);
    return {
      ...presentOrganization(row, peopleCount),
      territories: territories.map((t) => ({ id: t.id, name: t.name, kind: t.kind, isLead: fromBool01(t.is_lead) })),
    };
  }

  async create(ctx: RequestContext, input: CreateOrganizationInput): Promise<OrganizationDetailDto> {
    const now = this.deps.clock.now().toISOString();
    const base = { name: input.name.trim(), short_name: cleanText(input.shortName), city: cleanText(input.city) };
    const row: OrganizationRow = {
      id: newId(),
      ...base,
      kind: input.kind,
      siret: normalizeSiret(input.siret),
      search_text: orgSearchKey(base),
      archived: 0,
      created_at: now,
      updated_at: now,
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await this.repo.insert(trx, row);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'organization.created',
        entityType: 'organization',
        entityId: row.id,
        organizationId: row.id,
        after: presentOrganization(row),
      });
    });
    return { ...presentOrganization(row, 0), territories: [] };
  }

  async update(ctx: RequestContext, id: string, input: UpdateOrganizationInput): Promise<OrganizationDetailDto> {
    // Archiving takes an establishment out of the platform: a platform decision, not its own.
    if (input.archived !== undefined && !(ctx.actor && this.deps.policy.isPlatformAdmin(ctx.actor))) {
      throw new Forbidden(
        'archive_platform_only',
        {
          fr: 'Seul un administrateur de la plateforme peut archiver un établissement.',
          en: 'Only a platform admin can archive an organization.',
        },
        'archived',
      );
    }
    const siret = input.siret === undefined ? undefined : normalizeSiret(input.siret);
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.repo.get(trx, id);
      if (!before) throw new NotFound('organization');
      const after: OrganizationRow = {
        ...before,
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.shortName !== undefined ? { short_name: cleanText(input.shortName) } : {}),
        ...(input.city !== undefined ? { city: cleanText(input.city) } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(siret !== undefined ? { siret } : {}),
        ...(input.archived !== undefined ? { archived: toBool01(input.archived) } : {}),
      };
      after.search_text = orgSearchKey(after);
      after.updated_at = this.deps.clock.now().toISOString();
      const { id: _id, created_at: _c, ...patch } = after;
      await this.repo.update(trx, id, patch);
      const archivedChanged = before.archived !== after.archived;
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: archivedChanged ? (after.archived ? 'organization.archived' : 'organization.restored') : 'organization.updated',
        entityType: 'organization',
        entityId: id,
        organizationId: id,
        before: presentOrganization(before),
        after: presentOrganization(after),
      });
    });
    return this.get(id);
  }
}
