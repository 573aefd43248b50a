import { fromJson, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Forbidden, Invalid, type Locale, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { CurriculumDto, CurriculumInput } from './admin-schema.js';
import type { LearningCurriculaTable } from './tables.js';

type Executor = AppDeps['db'];

export function presentCurriculum(row: LearningCurriculaTable, orgId: string | null): CurriculumDto {
  return {
    id: row.id,
    organizationId: row.organization_id,
    kind: row.kind,
    nameFr: row.name_fr,
    nameEn: row.name_en,
    moduleIds: fromJson<string[]>(row.module_ids, []),
    dueDays: row.due_days,
    recurrenceMonths: row.recurrence_months,
    editable: orgId !== null && row.organization_id === orgId,
  };
}

export const curriculumName = (row: Pick<LearningCurriculaTable, 'name_fr' | 'name_en'>, locale: Locale): string =>
  locale === 'en' ? row.name_en : row.name_fr;

const unknownCurriculum = () => new Invalid('unknown_curriculum', { fr: 'Parcours inconnu.', en: 'Unknown curriculum.' }, 'curriculumId');

/**
 * A curriculum a rule may use: a default one, or one owned by the organization (organization
 * rules) or by a lead organization of the territory (territory rules). Anything else is a 400.
 */
export async function usableCurriculum(
  db: Executor,
  owner: { organizationId: string } | { territoryId: string },
  curriculumId: string,
): Promise<LearningCurriculaTable> {
  const row = await db.selectFrom('learning_curricula').selectAll().where('id', '=', curriculumId).executeTakeFirst();
  if (!row) throw unknownCurriculum();
  if (row.organization_id === null) return row;
  if ('organizationId' in owner) {
    if (row.organization_id === owner.organizationId) return row;
    throw unknownCurriculum();
  }
  const lead = await db
    .selectFrom('territory_members')
    .select('organization_id')
    .where('territory_id', '=', owner.territoryId)
    .where('organization_id', '=', row.organization_id)
    .where('is_lead', '=', 1)
    .executeTakeFirst();
  if (!lead) throw unknownCurriculum();
  return row;
}

/** Curricula: the two defaults (read-only) and the organization's own ordered lists of modules. */
export class CurriculaService {
  constructor(private readonly deps: AppDeps) {}

  async list(orgId: string): Promise<CurriculumDto[]> {
    const rows = await this.deps.db
      .selectFrom('learning_curricula')
      .selectAll()
      .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', orgId)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    // Defaults first, then the organization's own in creation order.
    return [...rows.filter((r) => r.organization_id === null), ...rows.filter((r) => r.organization_id !== null)].map((r) =>
      presentCurriculum(r, orgId),
    );
  }

  async create(ctx: RequestContext, orgId: string, input: CurriculumInput): Promise<CurriculumDto> {
    const now = this.deps.clock.now().toISOString();
    const row: LearningCurriculaTable = {
      id: newId(),
      organization_id: orgId,
      kind: 'custom',
      name_fr: input.nameFr,
      name_en: input.nameEn,
      module_ids: toJson(input.moduleIds),
      due_days: input.dueDays,
      recurrence_months: input.recurrenceMonths,
      created_at: now,
      updated_at: now,
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await this.checkModules(trx, orgId, input.moduleIds);
      await trx.insertInto('learning_curricula').values(row).execute();
      await this.audit(trx, ctx, 'learning.curriculum_created', orgId, row.id, undefined, presentCurriculum(row, orgId));
    });
    return presentCurriculum(row, orgId);
  }

  async update(ctx: RequestContext, orgId: string, curriculumId: string, input: CurriculumInput): Promise<CurriculumDto> {
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('learning_curricula').selectAll().where('id', '=', curriculumId).executeTakeFirst();
      if (!before || (before.organization_id !== null && before.organization_id !== orgId)) throw new NotFound('curriculum');
      if (before.organization_id === null) {
        throw new Forbidden('curriculum_read_only', {
          fr: 'Les parcours par défaut ne se modifient pas : créez votre propre parcours.',
          en: 'Default curricula cannot be changed: create your own.',
        });
      }
      await this.checkModules(trx, orgId, input.moduleIds);
      const row: LearningCurriculaTable = {
        ...before,
        name_fr: input.nameFr,
        name_en: input.nameEn,
        module_ids: toJson(input.moduleIds),
        due_days: input.dueDays,
        recurrence_months: input.recurrenceMonths,
        updated_at: this.deps.clock.now().toISOString(),
      };
      const { id: _id, ...patch } = row;
      await trx.updateTable('learning_curricula').set(patch).where('id', '=', curriculumId).execute();
      await this.audit(
        trx,
        ctx,
        'learning.curriculum_updated',
        orgId,
        curriculumId,
        presentCurriculum(before, orgId),
        presentCurriculum(row, orgId),
      );
      return presentCurriculum(row, orgId);
    });
  }

  /** Lessons of the catalogue or of the organization, not archived; the first bad one is named. */
  private async checkModules(db: Executor, orgId: string, moduleIds: string[]): Promise<void> {
    const rows = await db
      .selectFrom('learning_modules')
      .select(['id', 'organization_id', 'kind', 'status'])
      .where('id', 'in', moduleIds)
      .execute();
    for (const id of moduleIds) {
      const m = rows.find((r) => r.id === id);
      if (!m || (m.organization_id !== null && m.organization_id !== orgId) || m.kind !== 'lesson' || m.status === 'archived') {
        throw new Invalid(
          'unknown_module',
          { fr: `Module inconnu ou archivé : ${id}.`, en: `Unknown or archived module: ${id}.` },
          'moduleIds',
        );
      }
    }
  }

  private audit(db: Executor, ctx: RequestContext, action: string, orgId: string, id: string, before: unknown, after: unknown) {
    return this.deps.audit.record(db, auditActor(ctx), {
      action,
      entityType: 'learning_curriculum',
      entityId: id,
      organizationId: orgId,
      before,
      after,
    });
  }
}
