import { fromBool01, fromJson, toBool01, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Invalid, type Locale, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { AssignmentsInput, RuleDto, RuleInput, RulePatch } from './admin-schema.js';
import { curriculumName, usableCurriculum } from './curricula-service.js';
import { addDays, countMatching, enrol, enrolRule, ruleTarget, type Target } from './enrolment.js';
import type { LearningRulesTable } from './tables.js';

type Executor = AppDeps['db'];
export type RuleOwner = { organizationId: string } | { territoryId: string };
/** A rule as an organization's admins see it: their own (editable) or a territory's (read-only, named). */
export type OrgRuleDto = RuleDto & { territoryName: string | null; editable: boolean };

/** organizationIds of a territory rule or alert must be members of it; the first stranger is refused. */
export async function checkMembers(db: Executor, territoryId: string, organizationIds: string[]): Promise<void> {
  if (organizationIds.length === 0) return;
  const rows = await db
    .selectFrom('territory_members')
    .select('organization_id')
    .where('territory_id', '=', territoryId)
    .where('organization_id', 'in', organizationIds)
    .execute();
  const members = new Set(rows.map((r) => r.organization_id));
  const stranger = organizationIds.find((id) => !members.has(id));
  if (stranger) {
    throw new Invalid(
      'not_a_member',
      {
        fr: `Cet établissement n’est pas membre du territoire : ${stranger}.`,
        en: `This organization is not a member of the territory: ${stranger}.`,
      },
      'organizationIds',
    );
  }
}

/** Assignment rules of an organization or a territory, their preview, and one-off assignments. */
export class RulesService {
  constructor(private readonly deps: AppDeps) {}

  async list(owner: RuleOwner, locale: Locale): Promise<RuleDto[]> {
    let q = this.deps.db.selectFrom('learning_rules').selectAll();
    q = 'organizationId' in owner ? q.where('organization_id', '=', owner.organizationId) : q.where('territory_id', '=', owner.territoryId);
    const rules = await q.orderBy('created_at').orderBy('id').execute();
    return Promise.all(rules.map((r) => this.present(this.deps.db, r, locale)));
  }

  /**
   * The organization's own rules, then the rules of its territories that reach its staff (all
   * members, or it by name). Those are the coordinator's: shown read-only, and their figures count
   * this organization's people only, never another member's.
   */
  async listForOrganization(orgId: string, locale: Locale): Promise<OrgRuleDto[]> {
    const own = await this.list({ organizationId: orgId }, locale);
    const rows = await this.deps.db
      .selectFrom('learning_rules as r')
      .innerJoin('territory_members as tm', 'tm.territory_id', 'r.territory_id')
      .innerJoin('territories as t', 't.id', 'r.territory_id')
      .selectAll('r')
      .select('t.name as territory_name')
      .where('tm.organization_id', '=', orgId)
      .orderBy('t.name')
      .orderBy('r.created_at')
      .orderBy('r.id')
      .execute();
    const reaching = rows.filter((r) => {
      const members = fromJson<string[]>(r.organization_ids, []);
      return members.length === 0 || members.includes(orgId);
    });
    const territorial = await Promise.all(
      reaching.map(async ({ territory_name, ...row }) => ({
        ...(await this.present(this.deps.db, row, locale, orgId)),
        territoryName: territory_name,
        editable: false,
      })),
    );
    return [...own.map((r) => ({ ...r, territoryName: null, editable: true })), ...territorial];
  }

  async preview(
    owner: RuleOwner,
    query: { curriculumId?: string | undefined; roleFamilies: string[]; services: string[]; sites: string[] },
  ) {
    if (query.curriculumId) await usableCurriculum(this.deps.db, owner, query.curriculumId);
    const scope: Target['scope'] =
      'organizationId' in owner
        ? { kind: 'organization', ...owner }
        : { kind: 'territory', territoryId: owner.territoryId, organizationIds: [] };
    return {
      matching: await countMatching(this.deps.db, {
        scope,
        roleFamilies: query.roleFamilies,
        services: query.services,
        sites: query.sites,
      }),
    };
  }

  /** Creates the rule and enrols the people it matches at once. */
  async create(ctx: RequestContext, owner: RuleOwner, input: RuleInput): Promise<RuleDto> {
    return this.deps.db.transaction().execute(async (trx) => {
      await usableCurriculum(trx, owner, input.curriculumId);
      if ('territoryId' in owner) await checkMembers(trx, owner.territoryId, input.organizationIds);
      const now = this.deps.clock.now();
      const row: LearningRulesTable = {
        id: newId(),
        organization_id: 'organizationId' in owner ? owner.organizationId : null,
        territory_id: 'territoryId' in owner ? owner.territoryId : null,
        curriculum_id: input.curriculumId,
        role_families: toJson(input.roleFamilies),
        services: toJson(input.services),
        sites: toJson(input.sites),
        organization_ids: toJson('territoryId' in owner ? input.organizationIds : []),
        due_days: input.dueDays,
        active: toBool01(input.active ?? true),
        created_by: ctx.actor?.accountId ?? null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await trx.insertInto('learning_rules').values(row).execute();
      const enrolled = await enrolRule(trx, this.deps.dbh.dialect, row, now);
      const dto = await this.present(trx, row, ctx.locale);
      await this.audit(trx, ctx, 'learning.rule_created', row, undefined, { ...dto, created: enrolled.length });
      return dto;
    });
  }

  /** Existing assignments stay; people matching the rule as changed are enrolled at once. */
  async update(ctx: RequestContext, owner: RuleOwner, ruleId: string, patch: RulePatch): Promise<RuleDto> {
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await this.get(trx, owner, ruleId);
      if (patch.curriculumId !== undefined) await usableCurriculum(trx, owner, patch.curriculumId);
      if ('territoryId' in owner && patch.organizationIds) await checkMembers(trx, owner.territoryId, patch.organizationIds);
      const now = this.deps.clock.now();
      const row: LearningRulesTable = {
        ...before,
        ...(patch.curriculumId !== undefined ? { curriculum_id: patch.curriculumId } : {}),
        ...(patch.roleFamilies ? { role_families: toJson(patch.roleFamilies) } : {}),
        ...(patch.services ? { services: toJson(patch.services) } : {}),
        ...(patch.sites ? { sites: toJson(patch.sites) } : {}),
        ...(patch.organizationIds && 'territoryId' in owner ? { organization_ids: toJson(patch.organizationIds) } : {}),
        ...(patch.dueDays !== undefined ? { due_days: patch.dueDays } : {}),
        ...(patch.active !== undefined ? { active: toBool01(patch.active) } : {}),
        updated_at: now.toISOString(),
      };
      const { id: _id, ...values } = row;
      await trx.updateTable('learning_rules').set(values).where('id', '=', ruleId).execute();
      const enrolled = await enrolRule(trx, this.deps.dbh.dialect, row, now);
      const dto = await this.present(trx, row, ctx.locale);
      await this.audit(trx, ctx, 'learning.rule_updated', row, await this.present(trx, before, 'fr'), { ...dto, created: enrolled.length });
      return dto;
    });
  }

  async remove(ctx: RequestContext, owner: RuleOwner, ruleId: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.get(trx, owner, ruleId);
      await trx.deleteFrom('learning_rules').where('id', '=', ruleId).execute();
      await this.audit(trx, ctx, 'learning.rule_deleted', before, await this.present(trx, before, 'fr'), undefined);
    });
  }

  /** One-off assignment of modules to chosen people or to everyone matching filters (empty: any). */
  async assign(ctx: RequestContext, orgId: string, input: AssignmentsInput) {
    return this.deps.db.transaction().execute(async (trx) => {
      const modules = await trx
        .selectFrom('learning_modules')
        .select(['id', 'organization_id', 'kind', 'status'])
        .where('id', 'in', input.moduleIds)
        .execute();
      for (const id of input.moduleIds) {
        const m = modules.find((r) => r.id === id);
        if (!m || (m.organization_id !== null && m.organization_id !== orgId) || m.kind !== 'lesson' || m.status !== 'published') {
          throw new Invalid(
            'unknown_module',
            { fr: `Module inconnu ou non publié : ${id}.`, en: `Unknown or unpublished module: ${id}.` },
            'moduleIds',
          );
        }
      }
      const target: Target = {
        scope: { kind: 'organization', organizationId: orgId },
        roleFamilies: input.roleFamilies ?? [],
        services: input.services ?? [],
        sites: input.sites ?? [],
        ...(input.personIds ? { personIds: input.personIds } : {}),
      };
      if (input.personIds) {
        const found = await countMatching(trx, { ...target, roleFamilies: [], services: [], sites: [] });
        if (found !== input.personIds.length) {
          throw new Invalid(
            'unknown_person',
            { fr: 'Certaines personnes sont inconnues ou inactives.', en: 'Some people are unknown or inactive.' },
            'personIds',
          );
        }
      }
      const people = await countMatching(trx, target);
      const now = this.deps.clock.now();
      const created = await enrol(trx, this.deps.dbh.dialect, {
        target,
        modules: input.moduleIds.map((id) => ({ id, roleFamilies: [] })),
        byRoleFamily: false,
        curriculumId: null,
        ruleId: null,
        source: 'manual',
        cycle: '',
        assignedAt: now.toISOString(),
        dueAt: addDays(now, input.dueDays),
      });
      const result = { created: created.length, alreadyAssigned: people * input.moduleIds.length - created.length };
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'learning.assigned',
        entityType: 'learning_assignment',
        organizationId: orgId,
        after: { ...input, ...result },
      });
      return result;
    });
  }

  private async get(db: Executor, owner: RuleOwner, ruleId: string): Promise<LearningRulesTable> {
    const row = await db.selectFrom('learning_rules').selectAll().where('id', '=', ruleId).executeTakeFirst();
    const mine = row && ('organizationId' in owner ? row.organization_id === owner.organizationId : row.territory_id === owner.territoryId);
    if (!row || !mine) throw new NotFound('rule');
    return row;
  }

  /** With `forOrg`, a territory rule seen by one member: its figures and member list narrowed to that member. */
  private async present(db: Executor, row: LearningRulesTable, locale: Locale, forOrg?: string): Promise<RuleDto> {
    const curriculum = await db
      .selectFrom('learning_curricula')
      .select(['name_fr', 'name_en'])
      .where('id', '=', row.curriculum_id)
      .executeTakeFirst();
    let enrolledQuery = db.selectFrom('learning_assignments').where('rule_id', '=', row.id);
    if (forOrg) enrolledQuery = enrolledQuery.where('organization_id', '=', forOrg);
    const enrolled = await enrolledQuery.select((eb) => eb.fn.count<number>('person_id').distinct().as('n')).executeTakeFirstOrThrow();
    const target = ruleTarget(row);
    const organizationIds = fromJson<string[]>(row.organization_ids, []);
    return {
      id: row.id,
      organizationId: row.organization_id,
      territoryId: row.territory_id,
      curriculumId: row.curriculum_id,
      curriculumName: curriculum ? curriculumName(curriculum, locale) : '',
      roleFamilies: fromJson<string[]>(row.role_families, []),
      services: fromJson<string[]>(row.services, []),
      sites: fromJson<string[]>(row.sites, []),
      organizationIds: forOrg ? organizationIds.filter((id) => id === forOrg) : organizationIds,
      dueDays: row.due_days,
      active: fromBool01(row.active),
      createdAt: row.created_at,
      matching: await countMatching(db, forOrg ? { ...target, scope: { kind: 'organization', organizationId: forOrg } } : target),
      enrolled: Number(enrolled.n),
    };
  }

  private audit(db: Executor, ctx: RequestContext, action: string, rule: LearningRulesTable, before: unknown, after: unknown) {
    return this.deps.audit.record(db, auditActor(ctx), {
      action,
      entityType: 'learning_rule',
      entityId: rule.id,
      organizationId: rule.organization_id,
      territoryId: rule.territory_id,
      before,
      after,
    });
  }
}
