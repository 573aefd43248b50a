import { fromJson, toCount, toJson } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { CellsService } from './cells-service.js';
import {
  cellsWithOrganizations,
  chronogramRows,
  type ExerciseScope,
  exerciseIn,
  frozenScenario,
  presentExercise,
  presentStimulus,
  scopeColumn,
  stimulusRow,
} from './exercises-repo.js';
import { assertDraft, assertOpen } from './exercises-rules.js';
import type { CreateExerciseInput, ExerciseDetail, ExercisesQuery, UpdateExerciseInput } from './exercises-schema.js';
import { scenarioById } from './scenario-library.js';
import type { ExercisesTable } from './tables.js';

/** Preparing an exercise: made from a library scenario, then titled, scheduled, deleted while a draft. */
export class ExercisesService {
  readonly cells: CellsService;
  constructor(private readonly deps: AppDeps) {
    this.cells = new CellsService(deps, this);
  }

  async list(scope: ExerciseScope, q: ExercisesQuery) {
    let base = this.deps.db.selectFrom('exercises').where(scopeColumn(scope), '=', scope.id);
    if (q.status) base = base.where('status', '=', q.status);
    const total = toCount((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
    const rows = await base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    return { items: rows.map((r) => presentExercise({ ...r, paused_ms: Number(r.paused_ms) })), total, page: q.page, pageSize: q.pageSize };
  }

  async get(scope: ExerciseScope, exerciseId: string): Promise<ExerciseDetail> {
    const row = await exerciseIn(this.deps.db, scope, exerciseId);
    return this.detail(row);
  }

  async detail(row: ExercisesTable): Promise<ExerciseDetail> {
    const db = this.deps.db;
    const scenario = frozenScenario(row);
    const cells = await cellsWithOrganizations(db, row.id);
    const participants = await db
      .selectFrom('exercise_participants as p')
      .innerJoin('accounts as a', 'a.id', 'p.account_id')
      .select(['p.id', 'p.account_id', 'a.display_name', 'p.cell_id', 'p.function', 'p.joined_at'])
      .where('p.exercise_id', '=', row.id)
      .orderBy('p.joined_at')
      .orderBy('p.id')
      .execute();
    const objectives = await db
      .selectFrom('exercise_objectives')
      .selectAll()
      .where('exercise_id', '=', row.id)
      .orderBy('position')
      .execute();
    return {
      ...presentExercise(row),
      pausedMs: row.paused_ms,
      scenarioCells: scenario.cells.map((c) => ({ id: c.id, name: c.name, roles: c.roles })),
      personas: scenario.personas,
      cells: cells.map((c) => ({
        id: c.id,
        organizationId: c.organization_id,
        organizationName: c.org_name,
        scenarioCellId: c.scenario_cell_id,
        name: c.name,
        joinedAt: c.joined_at,
      })),
      participants: participants.map((p) => ({
        id: p.id,
        accountId: p.account_id,
        displayName: p.display_name,
        cellId: p.cell_id,
        function: p.function,
        joinedAt: p.joined_at,
      })),
      objectives: objectives.map((o) => ({
        id: o.code,
        text: { fr: o.text_fr, en: o.text_en },
        criteria: fromJson<Array<{ fr: string; en: string }>>(o.criteria, []),
      })),
      chronogram: (await chronogramRows(db, row.id)).map(presentStimulus),
    };
  }

  /** A copy of the scenario becomes the exercise: its chronogram, objectives and (for a territory) one cell per chosen member. */
  async create(ctx: RequestContext, scope: ExerciseScope, input: CreateExerciseInput): Promise<ExerciseDetail> {
    const scenario = scenarioById(input.scenarioId);
    if (!scenario) {
      throw new Invalid(
        'unknown_scenario',
        { fr: 'Ce scénario n’existe pas dans la bibliothèque.', en: 'This scenario is not in the library.' },
        'scenarioId',
      );
    }
    const wanted = scope.kind === 'organization' ? 'establishment' : 'territory';
    if (scenario.scope !== wanted) {
      throw new Invalid(
        'scenario_scope',
        scope.kind === 'organization'
          ? {
              fr: 'Ce scénario se joue à l’échelle d’un territoire, pas d’un établissement.',
              en: 'This scenario is played by a territory, not by one establishment.',
            }
          : {
              fr: 'Ce scénario se joue dans un établissement, pas à l’échelle d’un territoire.',
              en: 'This scenario is played within one establishment, not by a territory.',
            },
        'scenarioId',
      );
    }
    if (scope.kind === 'territory' && (input.cells ?? []).length === 0) {
      throw new Invalid(
        'cells_required',
        { fr: 'Choisissez au moins un établissement membre qui joue.', en: 'Choose at least one member organization to play.' },
        'cells',
      );
    }
    const at = this.deps.clock.now().toISOString();
    const row: ExercisesTable = {
      id: newId(),
      organization_id: scope.kind === 'organization' ? scope.id : null,
      territory_id: scope.kind === 'territory' ? scope.id : null,
      scenario_id: scenario.id,
      scenario_version: scenario.version,
      scenario_json: toJson(scenario),
      title: input.title ?? (ctx.locale === 'en' ? scenario.title.en : scenario.title.fr),
      level: scenario.level,
      status: 'draft',
      kind: input.kind,
      planned_start: input.plannedStart ? new Date(input.plannedStart).toISOString() : null,
      started_at: null,
      paused_at: null,
      paused_ms: 0,
      pauses: '[]',
      ended_at: null,
      created_by: ctx.actor?.accountId ?? null,
      created_at: at,
      updated_at: at,
    };
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('exercises').values(row).execute();
      await trx
        .insertInto('exercise_objectives')
        .values(
          scenario.objectives.map((o, i) => ({
            id: newId(),
            exercise_id: row.id,
            code: o.id,
            text_fr: o.text.fr,
            text_en: o.text.en,
            criteria: toJson(o.criteria),
            position: i,
          })),
        )
        .execute();
      await trx
        .insertInto('exercise_stimuli')
        .values(scenario.stimuli.map((s, i) => stimulusRow(row.id, s, scenario.personas, { id: newId(), position: i, at })))
        .execute();
      if (scope.kind === 'organization') {
        const first = scenario.cells[0];
        if (first) await this.cells.insertCell(trx, row, { organizationId: scope.id, scenarioCellId: first.id }, 'cells.0');
      } else {
        for (const [i, c] of (input.cells ?? []).entries()) await this.cells.insertCell(trx, row, c, `cells.${i}`);
      }
      await this.record(trx, ctx, row, 'exercises.exercise.created', null, {
        scenarioId: row.scenario_id,
        title: row.title,
        kind: row.kind,
      });
    });
    return this.get(scope, row.id);
  }

  async update(ctx: RequestContext, scope: ExerciseScope, exerciseId: string, input: UpdateExerciseInput): Promise<ExerciseDetail> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await exerciseIn(trx, scope, exerciseId);
      assertOpen(before);
      const changes = {
        title: input.title ?? before.title,
        planned_start:
          input.plannedStart !== undefined
            ? input.plannedStart
              ? new Date(input.plannedStart).toISOString()
              : null
            : before.planned_start,
        updated_at: this.deps.clock.now().toISOString(),
      };
      await trx.updateTable('exercises').set(changes).where('id', '=', before.id).execute();
      await this.record(
        trx,
        ctx,
        before,
        'exercises.exercise.updated',
        { title: before.title, plannedStart: before.planned_start },
        { title: changes.title, plannedStart: changes.planned_start },
      );
    });
    return this.get(scope, exerciseId);
  }

  /** Only a draft goes away; a played exercise is kept for its debrief. */
  async remove(ctx: RequestContext, scope: ExerciseScope, exerciseId: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await exerciseIn(trx, scope, exerciseId);
      assertDraft(row);
      for (const table of ['exercise_participants', 'exercise_stimuli', 'exercise_objectives', 'exercise_cells'] as const) {
        await trx.deleteFrom(table).where('exercise_id', '=', row.id).execute();
      }
      await trx.deleteFrom('exercises').where('id', '=', row.id).execute();
      await this.record(trx, ctx, row, 'exercises.exercise.deleted', { scenarioId: row.scenario_id, title: row.title }, null);
    });
  }

  /** Marks the exercise changed (list order, caches) inside the caller's transaction. */
  touch(trx: Db, row: ExercisesTable) {
    return trx.updateTable('exercises').set({ updated_at: this.deps.clock.now().toISOString() }).where('id', '=', row.id).execute();
  }

  record(trx: Db, ctx: RequestContext, row: ExercisesTable, action: string, before: unknown, after: unknown) {
    return this.deps.audit.record(trx, auditActor(ctx), {
      action,
      entityType: 'exercise',
      entityId: row.id,
      organizationId: row.organization_id,
      territoryId: row.territory_id,
      before,
      after,
    });
  }
}
