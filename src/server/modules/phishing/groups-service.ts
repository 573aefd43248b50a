import { fromJson, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { presentPerson } from '../identity/people-service.js';
import type { Executor, Page } from '../identity/shared.js';
import type { TargetCriteria } from './campaign-schema.js';
import { type GroupRow, GroupsRepo } from './groups-repo.js';
import type { GroupDto, GroupInput, GroupPreviewDto, GroupsQuery } from './groups-schema.js';
import { byKey, searchSortPage } from './library-shared.js';
import { resolveTargets } from './targets.js';

export const presentGroup = (r: GroupRow): GroupDto => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  criteria: fromJson<TargetCriteria>(r.criteria, {}),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const nameTaken = (name: string) =>
  new Conflict('group_name_taken', { fr: `Un groupe s’appelle déjà « ${name} ».`, en: `A group is already named "${name}".` }, 'name');

/** Target groups and exclusion lists: criteria over the organization's staff directory. */
export class GroupsService {
  readonly repo = new GroupsRepo();
  constructor(private readonly deps: AppDeps) {}

  async list(organizationId: string, query: GroupsQuery): Promise<Page<GroupDto>> {
    const rows = (await this.repo.list(this.deps.db, organizationId, query.kind)).map(presentGroup);
    return searchSortPage(rows, {
      q: query.q,
      text: (g) => g.name,
      compare: byKey(query.sort, { name: (g) => g.name, updatedAt: (g) => g.updatedAt }, (a, b) => (a.id < b.id ? -1 : 1)),
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  async get(organizationId: string, id: string): Promise<GroupDto> {
    return presentGroup(await this.load(this.deps.db, organizationId, id));
  }

  async create(ctx: RequestContext, organizationId: string, input: GroupInput): Promise<GroupDto> {
    const id = await this.deps.db.transaction().execute((trx) => this.createIn(trx, ctx, organizationId, input, 'phishing.group.create'));
    return this.get(organizationId, id);
  }

  async createIn(trx: Executor, ctx: RequestContext, organizationId: string, input: GroupInput, action: string): Promise<string> {
    await this.checkCriteria(trx, organizationId, input.criteria);
    if (await this.repo.byName(trx, organizationId, input.kind, input.name)) throw nameTaken(input.name);
    const now = this.deps.clock.now().toISOString();
    const row: GroupRow = {
      id: newId(),
      organization_id: organizationId,
      kind: input.kind,
      name: input.name,
      criteria: toJson(cleanCriteria(input.criteria)),
      created_at: now,
      updated_at: now,
    };
    await this.repo.insert(trx, row);
    await this.deps.audit.record(trx, auditActor(ctx), {
      action,
      entityType: 'phishing_group',
      entityId: row.id,
      organizationId,
      after: presentGroup(row),
    });
    return row.id;
  }

  async update(ctx: RequestContext, organizationId: string, id: string, input: GroupInput): Promise<GroupDto> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.load(trx, organizationId, id);
      await this.checkCriteria(trx, organizationId, input.criteria);
      const other = await this.repo.byName(trx, organizationId, input.kind, input.name);
      if (other && other.id !== id) throw nameTaken(input.name);
      const after: GroupRow = {
        ...before,
        kind: input.kind,
        name: input.name,
        criteria: toJson(cleanCriteria(input.criteria)),
        updated_at: this.deps.clock.now().toISOString(),
      };
      await this.repo.update(trx, organizationId, id, {
        kind: after.kind,
        name: after.name,
        criteria: after.criteria,
        updated_at: after.updated_at,
      });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'phishing.group.update',
        entityType: 'phishing_group',
        entityId: id,
        organizationId,
        before: presentGroup(before),
        after: presentGroup(after),
      });
    });
    return this.get(organizationId, id);
  }

  /** Campaigns already launched keep their recipients; a draft naming this group is told at launch. */
  async delete(ctx: RequestContext, organizationId: string, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.load(trx, organizationId, id);
      await this.repo.delete(trx, organizationId, id);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'phishing.group.delete',
        entityType: 'phishing_group',
        entityId: id,
        organizationId,
        before: presentGroup(before),
      });
    });
  }

  /** How many active people with an email the criteria designate, and five of them (by name). */
  async preview(organizationId: string, criteria: TargetCriteria): Promise<GroupPreviewDto> {
    const db = this.deps.db;
    await this.checkCriteria(db, organizationId, criteria);
    const people = await resolveTargets(db, {
      organizationIds: [organizationId],
      include: [],
      exclude: [],
      criteria,
      excludeCriteria: undefined,
    });
    const first = [...people]
      .sort(
        (a, b) => a.last_name.localeCompare(b.last_name, 'fr') || a.first_name.localeCompare(b.first_name, 'fr') || (a.id < b.id ? -1 : 1),
      )
      .slice(0, 5)
      .map((p) => p.id);
    const rows = first.length
      ? await db.selectFrom('people').selectAll().where('organization_id', '=', organizationId).where('id', 'in', first).execute()
      : [];
    const sample = first.flatMap((id) => rows.filter((r) => r.id === id)).map(presentPerson);
    return { count: people.length, sample };
  }

  private async checkCriteria(db: Executor, organizationId: string, c: TargetCriteria): Promise<void> {
    const ids = c.personIds ?? [];
    if (ids.length === 0) return;
    const known = await this.repo.knownPeople(db, organizationId, ids);
    const index = ids.findIndex((i) => !known.has(i));
    if (index >= 0) {
      throw new Invalid(
        'unknown_person',
        { fr: `Personne introuvable dans l’annuaire : ${ids[index]}.`, en: `Person not found in the directory: ${ids[index]}.` },
        `criteria.personIds.${index}`,
      );
    }
  }

  private async load(db: Executor, organizationId: string, id: string): Promise<GroupRow> {
    const row = await this.repo.get(db, organizationId, id);
    if (!row) throw new NotFound('group');
    return row;
  }
}

/** Empty lists are the same as absent keys; stored without them so that criteria read simply. */
function cleanCriteria(c: TargetCriteria): TargetCriteria {
  const out: TargetCriteria = {};
  if (c.services?.length) out.services = [...new Set(c.services)];
  if (c.roleFamilies?.length) out.roleFamilies = [...new Set(c.roleFamilies)];
  if (c.sites?.length) out.sites = [...new Set(c.sites)];
  if (c.personIds?.length) out.personIds = c.personIds;
  return out;
}
