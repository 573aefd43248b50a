import type { Db } from '../../db/index.js';
import type { AppDeps, RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import {
  chronogramRows,
  type ExerciseScope,
  exerciseIn,
  frozenScenario,
  presentStimulus,
  stimulusOf,
  stimulusRow,
} from './exercises-repo.js';
import { assertDraft, assertOpen } from './exercises-rules.js';
import type { ExercisesService } from './exercises-service.js';
import { stimuliIssues } from './scenario-check.js';
import type { Stimulus } from './scenario-format.js';
import type { ExerciseStimuliTable, ExercisesTable } from './tables.js';

const delivered = (status: ExerciseStimuliTable['status']) =>
  new Conflict(
    status === 'delivered' ? 'stimulus_delivered' : 'stimulus_skipped',
    status === 'delivered'
      ? {
          fr: 'Ce stimulus a déjà été envoyé aux joueurs : il ne peut plus être modifié.',
          en: 'This stimulus has already been sent to the players: it can no longer be changed.',
        }
      : { fr: 'Ce stimulus a été écarté : il ne sera pas joué.', en: 'This stimulus was set aside: it will not be played.' },
    'status',
  );

/**
 * The exercise's own chronogram. In preparation everything may change. Once running, a pending
 * stimulus may still be edited (it will be delivered as edited) and one deleted is kept as
 * `skipped`, so the timeline the debrief reads stays whole; a delivered one no longer moves.
 */
export class ChronogramService {
  constructor(
    private readonly deps: AppDeps,
    private readonly exercises: ExercisesService,
  ) {}

  async list(scope: ExerciseScope, exerciseId: string) {
    const row = await exerciseIn(this.deps.db, scope, exerciseId);
    return { items: (await chronogramRows(this.deps.db, row.id)).map(presentStimulus) };
  }

  async add(ctx: RequestContext, scope: ExerciseScope, exerciseId: string, s: Stimulus) {
    return this.change(scope, exerciseId, async (trx, row, rows) => {
      const list = rows.map(stimulusOf);
      this.check(row, [...list, s], list.length);
      const at = this.deps.clock.now().toISOString();
      const position = rows.reduce((m, r) => Math.max(m, Number(r.position)), -1) + 1;
      const created = stimulusRow(row.id, s, frozenScenario(row).personas, { id: newId(), position, at });
      await trx.insertInto('exercise_stimuli').values(created).execute();
      await this.exercises.record(trx, ctx, row, 'exercises.stimulus.added', null, { stimulusId: created.id, ...s });
      return created.id;
    });
  }

  async edit(ctx: RequestContext, scope: ExerciseScope, exerciseId: string, stimulusId: string, s: Stimulus) {
    return this.change(scope, exerciseId, async (trx, row, rows) => {
      const i = rows.findIndex((r) => r.id === stimulusId);
      const before = rows[i];
      if (!before) throw new NotFound('stimulus');
      if (before.status !== 'pending') throw delivered(before.status);
      const list = rows.map(stimulusOf);
      list[i] = s;
      this.check(row, list, i);
      const {
        id: _id,
        exercise_id: _e,
        status: _s,
        delivered_at: _d,
        position: _p,
        ...changes
      } = stimulusRow(row.id, s, frozenScenario(row).personas, {
        id: before.id,
        position: before.position,
        at: this.deps.clock.now().toISOString(),
      });
      await trx.updateTable('exercise_stimuli').set(changes).where('id', '=', before.id).execute();
      await this.exercises.record(trx, ctx, row, 'exercises.stimulus.updated', stimulusOf(before), s);
      return before.id;
    });
  }

  /** Deleted in preparation; set aside (`skipped`) once the exercise runs. */
  async remove(ctx: RequestContext, scope: ExerciseScope, exerciseId: string, stimulusId: string) {
    return this.change(scope, exerciseId, async (trx, row, rows) => {
      const before = rows.find((r) => r.id === stimulusId);
      if (!before) throw new NotFound('stimulus');
      if (before.status !== 'pending') throw delivered(before.status);
      if (row.status === 'draft') {
        const rest = rows.filter((r) => r.id !== before.id).map(stimulusOf);
        this.check(row, rest, -1);
        await trx.deleteFrom('exercise_stimuli').where('id', '=', before.id).execute();
        await this.exercises.record(trx, ctx, row, 'exercises.stimulus.deleted', stimulusOf(before), null);
      } else {
        await trx
          .updateTable('exercise_stimuli')
          .set({ status: 'skipped', updated_at: this.deps.clock.now().toISOString() })
          .where('id', '=', before.id)
          .execute();
        await this.exercises.record(
          trx,
          ctx,
          row,
          'exercises.stimulus.skipped',
          { code: before.code, status: 'pending' },
          { code: before.code, status: 'skipped' },
        );
      }
      return before.id;
    });
  }

  /** The console's order; offsets still decide when each stimulus is delivered. */
  async reorder(ctx: RequestContext, scope: ExerciseScope, exerciseId: string, ids: string[]) {
    return this.change(scope, exerciseId, async (trx, row, rows) => {
      const known = new Set(rows.map((r) => r.id));
      if (ids.length !== rows.length || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
        throw new Invalid(
          'incomplete_order',
          {
            fr: 'Donnez chaque stimulus du chronogramme une fois, dans le nouvel ordre.',
            en: 'Give every stimulus of the chronogram once, in the new order.',
          },
          'stimulusIds',
        );
      }
      for (const [position, id] of ids.entries())
        await trx.updateTable('exercise_stimuli').set({ position }).where('id', '=', id).execute();
      await this.exercises.record(
        trx,
        ctx,
        row,
        'exercises.chronogram.reordered',
        { order: rows.map((r) => r.code) },
        { order: ids.map((id) => rows.find((r) => r.id === id)?.code) },
      );
      return null;
    });
  }

  /** Replaces the whole chronogram (an import): only in preparation, all or nothing. */
  async replace(trx: Db, ctx: RequestContext, row: ExercisesTable, stimuli: Stimulus[]) {
    assertDraft(row);
    const before = (await chronogramRows(trx, row.id)).map(stimulusOf);
    const at = this.deps.clock.now().toISOString();
    const personas = frozenScenario(row).personas;
    await trx.deleteFrom('exercise_stimuli').where('exercise_id', '=', row.id).execute();
    await trx
      .insertInto('exercise_stimuli')
      .values(stimuli.map((s, i) => stimulusRow(row.id, s, personas, { id: newId(), position: i, at })))
      .execute();
    await this.exercises.touch(trx, row);
    await this.exercises.record(
      trx,
      ctx,
      row,
      'exercises.chronogram.imported',
      { count: before.length },
      { count: stimuli.length, codes: stimuli.map((s) => s.id) },
    );
  }

  private async change(
    scope: ExerciseScope,
    exerciseId: string,
    apply: (trx: Db, row: ExercisesTable, rows: ExerciseStimuliTable[]) => Promise<string | null>,
  ) {
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const row = await exerciseIn(trx, scope, exerciseId);
      assertOpen(row);
      const result = await apply(trx, row, await chronogramRows(trx, row.id));
      await this.exercises.touch(trx, row);
      return result;
    });
    const items = (await chronogramRows(this.deps.db, exerciseId)).map(presentStimulus);
    return { items, stimulus: items.find((s) => s.stimulusId === id) ?? null };
  }

  /** The whole chronogram must still hold together; the issue about the edited stimulus names its own field. */
  private check(row: ExercisesTable, list: Stimulus[], index: number): void {
    const scenario = frozenScenario(row);
    const issues = stimuliIssues(list, { cells: scenario.cells, personas: scenario.personas });
    const first = issues.find((x) => x.field.startsWith(`stimuli.${index}.`)) ?? issues[0];
    if (!first) return;
    const field = first.field.startsWith(`stimuli.${index}.`)
      ? first.field.slice(`stimuli.${index}.`.length)
      : first.field === 'stimuli'
        ? 'target.cellId'
        : first.field;
    throw new Invalid(first.code, first.message, field);
  }
}
