import type { AppDeps } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { presentExercise, presentStimulus } from './exercises-repo.js';

/**
 * The players' space: what an account is placed in. Placement, not role, opens it; an account
 * sees the stimuli of its own cell only (an animator or observer: of every cell of the exercise).
 */
export class PlayersService {
  constructor(private readonly deps: AppDeps) {}

  async mine(accountId: string) {
    const rows = await this.deps.db
      .selectFrom('exercise_participants as p')
      .innerJoin('exercises as e', 'e.id', 'p.exercise_id')
      .leftJoin('exercise_cells as c', 'c.id', 'p.cell_id')
      .selectAll('e')
      .select(['p.function', 'c.id as cell_id', 'c.name as cell_name', 'c.organization_id as cell_org'])
      .where('p.account_id', '=', accountId)
      .orderBy('e.created_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(200)
      .execute();
    return {
      items: rows.map((r) => ({
        ...presentExercise({ ...r, paused_ms: Number(r.paused_ms) }),
        function: r.function,
        cell: r.cell_id && r.cell_name && r.cell_org ? { id: r.cell_id, name: r.cell_name, organizationId: r.cell_org } : null,
      })),
    };
  }

  /** Stimuli delivered to a cell since it joined, newest last. */
  async cellStimuli(accountId: string, exerciseId: string, cellId: string) {
    const db = this.deps.db;
    const me = await db
      .selectFrom('exercise_participants')
      .select(['cell_id', 'function'])
      .where('exercise_id', '=', exerciseId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    const staff = me?.function === 'animator' || me?.function === 'observer';
    if (!me || (!staff && me.cell_id !== cellId)) throw new NotFound('cell');
    const cell = await db
      .selectFrom('exercise_cells')
      .selectAll()
      .where('id', '=', cellId)
      .where('exercise_id', '=', exerciseId)
      .executeTakeFirst();
    if (!cell) throw new NotFound('cell');
    const rows = await db
      .selectFrom('exercise_stimuli')
      .selectAll()
      .where('exercise_id', '=', exerciseId)
      .where('target_cell', '=', cell.scenario_cell_id)
      .where('status', '=', 'delivered')
      .where('delivered_at', '>=', cell.joined_at)
      .orderBy('delivered_at')
      .orderBy('position')
      .execute();
    // What players see: never the reaction the animators expect.
    return {
      items: rows.map((r) => {
        const { expectedReaction: _hidden, ...s } = presentStimulus(r);
        return s;
      }),
    };
  }
}
