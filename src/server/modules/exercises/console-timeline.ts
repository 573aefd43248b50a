import { fromBool01 } from '../../db/dialect.js';
import type { AppDeps } from '../../platform/context.js';
import { cellsWithOrganizations, presentStimulus } from './exercises-repo.js';
import { dueAt, pausedMsAt } from './play-rules.js';
import type { ExercisesTable } from './tables.js';

/**
 * The console's live timeline: every stimulus with its due time as of now (start + offset + every
 * pause, the current one included), status, delivery and receiving cells; every cell's activity.
 */
export async function timelineOf(deps: AppDeps, ex: ExercisesTable) {
  const db = deps.db;
  const now = deps.clock.now();
  const stimuli = await db
    .selectFrom('exercise_stimuli')
    .selectAll()
    .where('exercise_id', '=', ex.id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const deliveries = await db
    .selectFrom('exercise_deliveries')
    .select(['stimulus_id', 'cell_id'])
    .where('exercise_id', '=', ex.id)
    .execute();
  const cells = await cellsWithOrganizations(db, ex.id);
  const activity = await db
    .selectFrom('exercise_entries')
    .select(['cell_id', 'kind', 'from_animators'])
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('created_at').as('last_at')])
    .where('exercise_id', '=', ex.id)
    .groupBy(['cell_id', 'kind', 'from_animators'])
    .execute();
  const count = (cellId: string, kind: string) =>
    activity.filter((a) => a.cell_id === cellId && a.kind === kind).reduce((n, a) => n + Number(a.n), 0);
  const last = (cellId: string, pick: (a: (typeof activity)[number]) => boolean) =>
    activity
      .filter((a) => a.cell_id === cellId && pick(a))
      .map((a) => String(a.last_at))
      .reduce<string | null>((m, x) => (m === null || x > m ? x : m), null);
  return {
    exerciseId: ex.id,
    status: ex.status,
    now: now.toISOString(),
    startedAt: ex.started_at,
    pausedAt: ex.paused_at,
    pausedMs: pausedMsAt(ex, now),
    endedAt: ex.ended_at,
    stimuli: stimuli.map((s) => ({
      ...presentStimulus(s),
      dueAt: dueAt(ex, s.offset_minutes, now)?.toISOString() ?? null,
      cellIds: deliveries.filter((d) => d.stimulus_id === s.id).map((d) => d.cell_id),
    })),
    cells: cells.map((c) => ({
      id: c.id,
      name: c.name,
      organizationId: c.organization_id,
      organizationName: c.org_name,
      scenarioCellId: c.scenario_cell_id,
      joinedAt: c.joined_at,
      received: deliveries.filter((d) => d.cell_id === c.id).length,
      replies: count(c.id, 'reply'),
      logbook: count(c.id, 'logbook'),
      decisions: count(c.id, 'decision'),
      tasks: count(c.id, 'task'),
      messages: count(c.id, 'chat'),
      lastReplyAt: last(c.id, (a) => a.kind === 'reply'),
      lastActivityAt: last(c.id, (a) => !fromBool01(a.from_animators)),
    })),
  };
}
