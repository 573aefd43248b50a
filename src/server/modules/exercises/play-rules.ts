import { fromJson, toJson } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import { Conflict } from '../../platform/errors.js';
import { presentStimulus } from './exercises-repo.js';
import type { ExerciseStimuliTable, ExercisesTable } from './tables.js';

/** Live topics (ADR 0008): the animators' console sees everything, a cell its own feed. */
export const consoleTopic = (exerciseId: string) => `exercise:${exerciseId}:console`;
export const cellTopic = (exerciseId: string, cellId: string) => `exercise:${exerciseId}:cell:${cellId}`;

/** Time spent paused so far, the current pause included: offsets count played time only. */
export function pausedMsAt(ex: Pick<ExercisesTable, 'paused_ms' | 'paused_at'>, now: Date): number {
  const running = ex.paused_at ? Math.max(0, now.getTime() - Date.parse(ex.paused_at)) : 0;
  return Number(ex.paused_ms) + running;
}

export interface Pause {
  from: string;
  to: string;
}

/** The exercise's ended pauses (JSON column `pauses`). */
export function pausesOf(ex: { pauses: string }): Pause[] {
  return fromJson<Pause[]>(ex.pauses, []);
}

/** The pauses with the one in progress closed at `at` (resume, or end while paused). */
export function withPauseClosed(ex: Pick<ExercisesTable, 'paused_at' | 'pauses'>, at: string): string {
  const pauses = pausesOf(ex);
  return toJson(ex.paused_at ? [...pauses, { from: ex.paused_at, to: at }] : pauses);
}

/** When a timed stimulus falls due: start + offset + every pause. Null for a spare or before the start. */
export function dueAt(
  ex: Pick<ExercisesTable, 'started_at' | 'paused_ms' | 'paused_at'>,
  offsetMinutes: number | null,
  now: Date,
): Date | null {
  if (!ex.started_at || offsetMinutes === null) return null;
  return new Date(Date.parse(ex.started_at) + Number(offsetMinutes) * 60_000 + pausedMsAt(ex, now));
}

/**
 * The exercise row, locked on PostgreSQL until the end of the transaction: the console's changes
 * and every process's delivery of this exercise take turns (SQLite writes one at a time anyway).
 */
export async function lockedExercise(trx: Db, dialect: 'sqlite' | 'postgres', exerciseId: string): Promise<ExercisesTable | undefined> {
  const q = trx.selectFrom('exercises').selectAll().where('id', '=', exerciseId);
  const row = dialect === 'postgres' ? await q.forUpdate().executeTakeFirst() : await q.executeTakeFirst();
  return row ? { ...row, paused_ms: Number(row.paused_ms) } : undefined;
}

export const notStarted = () =>
  new Conflict('exercise_not_started', { fr: 'L’exercice n’a pas encore commencé.', en: 'The exercise has not started yet.' }, 'status');

export const notRunning = () =>
  new Conflict(
    'exercise_not_running',
    { fr: 'L’exercice n’est pas en cours : reprenez-le d’abord.', en: 'The exercise is not running: resume it first.' },
    'status',
  );

export const notPaused = () =>
  new Conflict('exercise_not_paused', { fr: 'L’exercice n’est pas en pause.', en: 'The exercise is not paused.' }, 'status');

/** What a player sees of a stimulus: never the reaction the animators expect. */
export function playerStimulus(r: ExerciseStimuliTable, deliveredAt: string) {
  const { expectedReaction: _hidden, ...s } = presentStimulus(r);
  return { ...s, deliveredAt };
}
