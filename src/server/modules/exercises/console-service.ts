import type { Db } from '../../db/index.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.js';
import { type ExerciseScope, exerciseIn } from './exercises-repo.js';
import { assertOpen } from './exercises-rules.js';
import { claimAndDeliver } from './play-delivery.js';
import { cellTopic, consoleTopic, lockedExercise, notPaused, notRunning, pausedMsAt, withPauseClosed } from './play-rules.js';
import type { PlayScheduler } from './play-scheduler.js';
import type { ExerciseStatus, ExercisesTable } from './tables.js';

type Transition = 'start' | 'pause' | 'resume' | 'end';
const pastOf = { start: 'started', pause: 'paused', resume: 'resumed', end: 'ended' } as const;

/**
 * The animation console: the exercise's clock (start, pause, resume, end) and spare stimuli played
 * on demand. A territory exercise has one clock, hence one synchronised start for every cell.
 */
export class ConsoleService {
  constructor(
    private readonly deps: AppDeps,
    private readonly scheduler: PlayScheduler,
  ) {}

  async transition(ctx: RequestContext, scope: ExerciseScope, exerciseId: string, step: Transition) {
    const result = await this.deps.db.transaction().execute(async (trx) => {
      await exerciseIn(trx, scope, exerciseId);
      const ex = await lockedExercise(trx, this.deps.dbh.dialect, exerciseId);
      if (!ex) throw new NotFound('exercise');
      assertOpen(ex);
      const now = this.deps.clock.now();
      const at = now.toISOString();
      let changes: Partial<ExercisesTable> & { status: ExerciseStatus };
      if (step === 'start') {
        if (ex.status !== 'draft') {
          throw new Conflict('exercise_started', { fr: 'L’exercice a déjà commencé.', en: 'The exercise has already started.' }, 'status');
        }
        changes = { status: 'running', started_at: at, paused_at: null, paused_ms: 0 };
      } else if (step === 'pause') {
        if (ex.status !== 'running') throw notRunning();
        changes = { status: 'paused', paused_at: at };
      } else if (step === 'resume') {
        if (ex.status !== 'paused') throw notPaused();
        changes = { status: 'running', paused_at: null, paused_ms: pausedMsAt(ex, now), pauses: withPauseClosed(ex, at) };
      } else {
        if (ex.status === 'draft') throw notRunning();
        changes = { status: 'ended', ended_at: at, paused_at: null, paused_ms: pausedMsAt(ex, now), pauses: withPauseClosed(ex, at) };
      }
      await trx
        .updateTable('exercises')
        .set({ ...changes, updated_at: at })
        .where('id', '=', ex.id)
        .execute();
      const after = { ...ex, ...changes };
      await this.record(
        trx,
        ctx,
        ex,
        `exercises.play.${pastOf[step]}`,
        { status: ex.status },
        { status: after.status, pausedMs: after.paused_ms },
      );
      const clock = {
        exerciseId: ex.id,
        status: after.status,
        startedAt: after.started_at,
        pausedAt: after.paused_at,
        pausedMs: Number(after.paused_ms),
        endedAt: after.ended_at,
        at,
      };
      await this.broadcast(trx, ex.id, `exercise.${after.status}`, clock);
      return clock;
    });
    // Outside the transaction: the timer reads what was just committed.
    await this.scheduler.arm(exerciseId);
    return result;
  }

  /**
   * The cells a local animator leads in this exercise. Without such a placement the exercise does
   * not exist for them (404, as in the players' space).
   */
  async localCells(accountId: string, exerciseId: string): Promise<{ exercise: ExercisesTable; cellIds: string[] }> {
    const rows = await this.deps.db
      .selectFrom('exercise_participants as p')
      .innerJoin('exercises as e', 'e.id', 'p.exercise_id')
      .selectAll('e')
      .select('p.cell_id as placement_cell')
      .where('p.exercise_id', '=', exerciseId)
      .where('p.account_id', '=', accountId)
      .where('p.function', '=', 'local_animator')
      .execute();
    const first = rows[0];
    if (!first) throw new NotFound('exercise');
    const { placement_cell: _cell, ...exercise } = first;
    const cellIds = [...new Set(rows.map((r) => r.placement_cell).filter((c): c is string => c !== null))];
    return { exercise: { ...exercise, paused_ms: Number(exercise.paused_ms) }, cellIds };
  }

  /** A local animator plays a stimulus to their own cells only (all of them when none is named). */
  async playNowAsLocal(ctx: RequestContext, accountId: string, exerciseId: string, stimulusId: string, cellIds: string[] | undefined) {
    const mine = await this.localCells(accountId, exerciseId);
    const outside = (cellIds ?? []).findIndex((id) => !mine.cellIds.includes(id));
    if (outside >= 0) {
      throw new Forbidden(
        'not_your_cell',
        { fr: 'Vous n’animez pas cette cellule.', en: 'You do not lead this cell.' },
        `cellIds.${outside}`,
      );
    }
    return this.playNow(ctx, null, exerciseId, stimulusId, cellIds ?? mine.cellIds);
  }

  /**
   * Plays a stimulus now (a spare one, or a timed one ahead of time) to the chosen cells, or to those
   * it targets. `scope` null: the caller already checked the account's placement (local animators).
   */
  async playNow(ctx: RequestContext, scope: ExerciseScope | null, exerciseId: string, stimulusId: string, cellIds: string[] | undefined) {
    const out = await this.deps.db.transaction().execute(async (trx) => {
      if (scope) await exerciseIn(trx, scope, exerciseId);
      const ex = await lockedExercise(trx, this.deps.dbh.dialect, exerciseId);
      if (!ex) throw new NotFound('exercise');
      assertOpen(ex);
      if (ex.status !== 'running') throw notRunning();
      const s = await trx
        .selectFrom('exercise_stimuli')
        .selectAll()
        .where('exercise_id', '=', ex.id)
        .where('id', '=', stimulusId)
        .executeTakeFirst();
      if (!s) throw new NotFound('stimulus');
      if (s.status !== 'pending') {
        throw new Conflict(
          s.status === 'delivered' ? 'stimulus_delivered' : 'stimulus_skipped',
          s.status === 'delivered'
            ? { fr: 'Ce stimulus a déjà été envoyé.', en: 'This stimulus has already been sent.' }
            : { fr: 'Ce stimulus a été écarté du chronogramme.', en: 'This stimulus was set aside from the chronogram.' },
          'stimulusId',
        );
      }
      const all = await trx.selectFrom('exercise_cells').selectAll().where('exercise_id', '=', ex.id).execute();
      let cells = all.filter((c) => c.scenario_cell_id === s.target_cell);
      if (cellIds) {
        const known = new Set(all.map((c) => c.id));
        const unknown = cellIds.findIndex((id) => !known.has(id));
        if (unknown >= 0) {
          throw new Invalid(
            'unknown_cell',
            { fr: 'Cette cellule ne joue pas cet exercice.', en: 'This cell does not play this exercise.' },
            `cellIds.${unknown}`,
          );
        }
        cells = all.filter((c) => cellIds.includes(c.id));
      }
      if (cells.length === 0) {
        throw new Invalid('cells_required', { fr: 'Choisissez au moins une cellule.', en: 'Choose at least one cell.' }, 'cellIds');
      }
      const at = this.deps.clock.now().toISOString();
      const events = (await claimAndDeliver(trx, s, cells, at)) ?? [];
      await this.record(
        trx,
        ctx,
        ex,
        'exercises.stimulus.played',
        { status: 'pending' },
        { stimulusId: s.id, code: s.code, cellIds: cells.map((c) => c.id) },
      );
      for (const e of events) await this.deps.live.publish(trx, e.topic, e.kind, e.payload);
      return { stimulusId: s.id, code: s.code, deliveredAt: at, cellIds: cells.map((c) => c.id) };
    });
    return out;
  }

  /** Publishes to the console and to every cell, last in the transaction. */
  async broadcast(trx: Db, exerciseId: string, kind: string, payload: unknown) {
    const cells = await trx.selectFrom('exercise_cells').select('id').where('exercise_id', '=', exerciseId).execute();
    await this.deps.live.publish(trx, consoleTopic(exerciseId), kind, payload);
    for (const c of cells) await this.deps.live.publish(trx, cellTopic(exerciseId, c.id), kind, payload);
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
