import type { Db } from '../../db/index.js';
import type { AppDeps } from '../../platform/context.js';
import { newId } from '../../platform/ids.js';
import { presentStimulus } from './exercises-repo.js';
import { cellTopic, consoleTopic, dueAt, lockedExercise, playerStimulus } from './play-rules.js';
import type { ExerciseCellsTable, ExerciseStimuliTable } from './tables.js';

type Publication = { topic: string; kind: string; payload: unknown };

/**
 * Hands a stimulus to cells, once: the guarded update (`status = 'pending'`) lets only one
 * transaction, in one process, claim it; the rows and the live events commit together. Returns
 * the events to publish, which the caller publishes last in the same transaction.
 */
export async function claimAndDeliver(
  trx: Db,
  s: ExerciseStimuliTable,
  cells: ExerciseCellsTable[],
  at: string,
): Promise<Publication[] | null> {
  const claimed = await trx
    .updateTable('exercise_stimuli')
    .set({ status: cells.length > 0 ? 'delivered' : 'skipped', delivered_at: cells.length > 0 ? at : null, updated_at: at })
    .where('id', '=', s.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return null;
  if (cells.length === 0) {
    return [
      { topic: consoleTopic(s.exercise_id), kind: 'stimulus.skipped', payload: { stimulusId: s.id, code: s.code, reason: 'condition' } },
    ];
  }
  await trx
    .insertInto('exercise_deliveries')
    .values(cells.map((c) => ({ id: newId(), exercise_id: s.exercise_id, stimulus_id: s.id, cell_id: c.id, delivered_at: at })))
    .execute();
  const forPlayers = playerStimulus({ ...s, status: 'delivered', delivered_at: at }, at);
  return [
    ...cells.map((c) => ({ topic: cellTopic(s.exercise_id, c.id), kind: 'stimulus', payload: forPlayers })),
    {
      topic: consoleTopic(s.exercise_id),
      kind: 'stimulus',
      payload: { ...presentStimulus({ ...s, status: 'delivered', delivered_at: at }), cellIds: cells.map((c) => c.id) },
    },
  ];
}

/**
 * Which of the cells a conditional stimulus goes to (docs/api-exercises.md, "Conditional
 * stimuli"): a cell has *given* the reaction when it replied to the earlier stimulus before this
 * one fell due; if that stimulus was not sent to the cell, a reply from any cell counts.
 */
async function meetingCondition(trx: Db, s: ExerciseStimuliTable, cells: ExerciseCellsTable[], due: string) {
  if (!s.after_code || !s.after_condition) return cells;
  const earlier = await trx
    .selectFrom('exercise_stimuli')
    .select('id')
    .where('exercise_id', '=', s.exercise_id)
    .where('code', '=', s.after_code)
    .executeTakeFirst();
  const received = earlier
    ? await trx.selectFrom('exercise_deliveries').select('cell_id').where('stimulus_id', '=', earlier.id).execute()
    : [];
  const replies = earlier
    ? await trx
        .selectFrom('exercise_entries')
        .select('cell_id')
        .where('stimulus_id', '=', earlier.id)
        .where('kind', '=', 'reply')
        .where('created_at', '<=', due)
        .execute()
    : [];
  const receivedBy = new Set(received.map((r) => r.cell_id));
  const repliedBy = new Set(replies.map((r) => r.cell_id));
  return cells.filter((c) => {
    const given = receivedBy.has(c.id) ? repliedBy.has(c.id) : repliedBy.size > 0;
    return s.after_condition === 'reaction_given' ? given : !given;
  });
}

/** Delivers every timed stimulus of a running exercise that has fallen due; returns how many were handled. */
export async function deliverDue(deps: AppDeps, exerciseId: string): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const ex = await lockedExercise(trx, deps.dbh.dialect, exerciseId);
    if (ex?.status !== 'running') return 0;
    const now = deps.clock.now();
    const at = now.toISOString();
    const pending = await pendingTimed(trx, ex.id);
    const due = pending.filter((s) => (dueAt(ex, s.offset_minutes, now)?.getTime() ?? Number.POSITIVE_INFINITY) <= now.getTime());
    if (due.length === 0) return 0;
    const cells = await trx.selectFrom('exercise_cells').selectAll().where('exercise_id', '=', ex.id).execute();
    const events: Publication[] = [];
    for (const s of due) {
      const dueIso = dueAt(ex, s.offset_minutes, now)?.toISOString() ?? at;
      const targets = await meetingCondition(
        trx,
        s,
        cells.filter((c) => c.scenario_cell_id === s.target_cell),
        dueIso,
      );
      events.push(...((await claimAndDeliver(trx, s, targets, at)) ?? []));
    }
    for (const e of events) await deps.live.publish(trx, e.topic, e.kind, e.payload);
    return due.length;
  });
}

/** Pending timed stimuli in chronogram order (a conditional one then sees the earlier ones). */
export function pendingTimed(db: Db, exerciseId: string) {
  return db
    .selectFrom('exercise_stimuli')
    .selectAll()
    .where('exercise_id', '=', exerciseId)
    .where('status', '=', 'pending')
    .where('spare', '=', 0)
    .where('offset_minutes', 'is not', null)
    .orderBy('offset_minutes')
    .orderBy('position')
    .orderBy('id')
    .execute();
}
