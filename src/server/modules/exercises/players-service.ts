import type { AppDeps } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { presentExercise } from './exercises-repo.js';
import { playerStimulus } from './play-rules.js';

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

  /** Stimuli delivered to a cell, newest last. */
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
    // Deliveries, not targets: a conditional or spare stimulus reaches only some cells.
    const received = await db
      .selectFrom('exercise_deliveries as d')
      .innerJoin('exercise_stimuli as s', 's.id', 'd.stimulus_id')
      .selectAll('s')
      .select('d.delivered_at as received_at')
      .where('d.cell_id', '=', cell.id)
      .execute();
    // A stimulus marked delivered with no delivery rows (set by hand, or before deliveries were
    // recorded) went to every cell playing its target that had joined by then.
    const unrecorded = await db
      .selectFrom('exercise_stimuli as s')
      .selectAll('s')
      .where('s.exercise_id', '=', exerciseId)
      .where('s.target_cell', '=', cell.scenario_cell_id)
      .where('s.status', '=', 'delivered')
      .where('s.delivered_at', '>=', cell.joined_at)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('exercise_deliveries as d').select('d.id').whereRef('d.stimulus_id', '=', 's.id'))),
      )
      .execute();
    const all = [
      ...received.map(({ received_at, ...r }) => ({ r, at: received_at })),
      ...unrecorded.map((r) => ({ r, at: r.delivered_at ?? '' })),
    ].sort((a, b) => a.at.localeCompare(b.at) || Number(a.r.position) - Number(b.r.position));
    // What players see: never the reaction the animators expect.
    return { items: all.map(({ r, at }) => playerStimulus(r, at)) };
  }
}
