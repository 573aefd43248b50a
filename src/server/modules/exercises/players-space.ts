import type { AppDeps } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { playerStimulus } from './play-rules.js';
import type { ExerciseCellsTable, ExercisesTable, ParticipantFunction } from './tables.js';

export interface Placement {
  exercise: ExercisesTable;
  function: ParticipantFunction;
  /** The player's own cell; null for animators and observers of the whole exercise. */
  cellId: string | null;
}

/** Animators and observers placed on the whole exercise see every cell. */
export const seesEveryCell = (p: Placement) => p.function === 'animator' || p.function === 'observer';

/**
 * Who may open what in the players' space: placement, not role. A player reaches only their own
 * cell; another cell, another exercise or no placement all answer 404 (never say which).
 */
export class PlayerAccess {
  constructor(private readonly deps: AppDeps) {}

  async placement(accountId: string, exerciseId: string): Promise<Placement> {
    const row = await this.deps.db
      .selectFrom('exercise_participants as p')
      .innerJoin('exercises as e', 'e.id', 'p.exercise_id')
      .selectAll('e')
      .select(['p.function as placement_function', 'p.cell_id as placement_cell'])
      .where('p.exercise_id', '=', exerciseId)
      .where('p.account_id', '=', accountId)
      .executeTakeFirst();
    if (!row) throw new NotFound('exercise');
    const { placement_function, placement_cell, ...exercise } = row;
    return { exercise: { ...exercise, paused_ms: Number(exercise.paused_ms) }, function: placement_function, cellId: placement_cell };
  }

  /** The cell, if this account may play or watch it. */
  async cell(accountId: string, exerciseId: string, cellId: string): Promise<Placement & { cell: ExerciseCellsTable }> {
    const p = await this.placement(accountId, exerciseId);
    if (!seesEveryCell(p) && p.cellId !== cellId) throw new NotFound('cell');
    const cell = await this.deps.db
      .selectFrom('exercise_cells')
      .selectAll()
      .where('id', '=', cellId)
      .where('exercise_id', '=', exerciseId)
      .executeTakeFirst();
    if (!cell) throw new NotFound('cell');
    return { ...p, cell };
  }

  /** The simulated press and social feed: items with media delivered to the player's cell (staff: to any cell), newest first. */
  async media(accountId: string, exerciseId: string) {
    const p = await this.placement(accountId, exerciseId);
    if (!p.cellId && !seesEveryCell(p)) throw new NotFound('cell');
    let q = this.deps.db
      .selectFrom('exercise_deliveries as d')
      .innerJoin('exercise_stimuli as s', 's.id', 'd.stimulus_id')
      .selectAll('s')
      .select((eb) => eb.fn.min('d.delivered_at').as('received_at'))
      .where('d.exercise_id', '=', exerciseId)
      .where('s.media', 'is not', null);
    if (!seesEveryCell(p)) q = q.where('d.cell_id', '=', p.cellId ?? '');
    const rows = await q.groupBy('s.id').orderBy('received_at', 'desc').orderBy('s.id', 'desc').limit(500).execute();
    return {
      items: rows.map((r) => {
        const { received_at, ...s } = r;
        return playerStimulus(s, String(received_at));
      }),
    };
  }
}
