import type { Db } from '../../db/index.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { ActionsFeed } from '../actions/feed.js';
import type { Priority } from '../actions/tables.js';
import { afterSummary } from './debrief-summary.js';
import type { ExerciseDebriefsTable, ExerciseLessonsTable, ExercisesTable, LessonSource } from './tables.js';

export interface DebriefInput {
  wentWell: string;
  toImprove: string;
  surprises?: string | undefined;
}

export interface LessonInput {
  cellId?: string | undefined;
  realism?: number | undefined;
  usefulness?: number | undefined;
  wentWell?: string | undefined;
  lesson: string;
  priority?: Priority | undefined;
}

/** Who writes a lesson: an account (null for an anonymous answer), and where it comes from. */
export interface LessonAuthor {
  accountId: string | null;
  source: LessonSource;
  /** The writer's own cell, if any: their lesson goes to that cell's organization. */
  ownCellId: string | null;
}

/**
 * After the exercise: hot debriefs and lessons are written once it has ended; closing it turns
 * each lesson into one action of its organization's plan and freezes everything.
 */
export class DebriefService {
  private readonly feed: ActionsFeed;
  constructor(private readonly deps: AppDeps) {
    this.feed = new ActionsFeed(deps);
  }

  summary(ex: ExercisesTable) {
    return afterSummary(this.deps.db, ex);
  }

  async writeDebrief(ctx: RequestContext, ex: ExercisesTable, cellId: string, input: DebriefInput) {
    await this.deps.db.transaction().execute(async (trx) => {
      await this.mustBeEnded(trx, ex.id);
      await this.cellOf(trx, ex.id, cellId, 'cellId');
      const at = this.deps.clock.now().toISOString();
      const before = await trx
        .selectFrom('exercise_debriefs')
        .selectAll()
        .where('exercise_id', '=', ex.id)
        .where('cell_id', '=', cellId)
        .executeTakeFirst();
      const row: ExerciseDebriefsTable = {
        id: before?.id ?? newId(),
        exercise_id: ex.id,
        cell_id: cellId,
        went_well: input.wentWell,
        to_improve: input.toImprove,
        surprises: input.surprises ?? '',
        written_by: ctx.actor?.accountId ?? null,
        created_at: before?.created_at ?? at,
        updated_at: at,
      };
      if (before) await trx.updateTable('exercise_debriefs').set(row).where('id', '=', row.id).execute();
      else await trx.insertInto('exercise_debriefs').values(row).execute();
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'exercises.debrief.written',
        entityType: 'exercise',
        entityId: ex.id,
        organizationId: ex.organization_id,
        territoryId: ex.territory_id,
        before: before ? { wentWell: before.went_well, toImprove: before.to_improve, surprises: before.surprises } : null,
        after: { cellId, wentWell: row.went_well, toImprove: row.to_improve, surprises: row.surprises },
      });
    });
    return this.summary(ex);
  }

  async addLesson(ctx: RequestContext, ex: ExercisesTable, input: LessonInput, author: LessonAuthor) {
    await this.deps.db.transaction().execute(async (trx) => {
      await this.mustBeEnded(trx, ex.id);
      // A player's lesson belongs to their own cell; staff name the cell, or it is the owner's.
      const cellId = author.ownCellId ?? input.cellId ?? null;
      let organizationId = ex.organization_id;
      if (cellId) organizationId = (await this.cellOf(trx, ex.id, cellId, 'cellId')).organization_id;
      if (!organizationId) {
        throw new Invalid(
          'cell_required',
          {
            fr: 'Choisissez la cellule dont l’établissement retient cette leçon.',
            en: 'Choose the cell whose establishment takes this lesson.',
          },
          'cellId',
        );
      }
      const row: ExerciseLessonsTable = {
        id: newId(),
        exercise_id: ex.id,
        organization_id: organizationId,
        cell_id: cellId,
        account_id: author.accountId,
        source: author.source,
        realism: input.realism ?? null,
        usefulness: input.usefulness ?? null,
        went_well: input.wentWell ?? null,
        lesson: input.lesson,
        priority: input.priority ?? 'medium',
        action_id: null,
        created_at: this.deps.clock.now().toISOString(),
      };
      await trx.insertInto('exercise_lessons').values(row).execute();
      // An anonymous answer leaves no account, e-mail or address in the audit trail either.
      const who = author.accountId ? auditActor(ctx) : { accountId: null, label: 'anonymous questionnaire', ip: null };
      await this.deps.audit.record(trx, who, {
        action: 'exercises.lesson.added',
        entityType: 'exercise',
        entityId: ex.id,
        organizationId: ex.organization_id,
        territoryId: ex.territory_id,
        before: null,
        after: { lessonId: row.id, organizationId, source: row.source, lesson: row.lesson, anonymous: row.account_id === null },
      });
    });
    return this.summary(ex);
  }

  /** ended → closed; every lesson becomes (or updates) one action of its organization's plan. */
  async close(ctx: RequestContext, ex: ExercisesTable) {
    await this.deps.db.transaction().execute(async (trx) => {
      await this.mustBeEnded(trx, ex.id);
      const at = this.deps.clock.now().toISOString();
      await trx.updateTable('exercises').set({ status: 'closed', updated_at: at }).where('id', '=', ex.id).execute();
      const lessons = await trx.selectFrom('exercise_lessons').selectAll().where('exercise_id', '=', ex.id).orderBy('created_at').execute();
      for (const l of lessons) {
        const actionId = await this.feed.upsertFromSource(
          trx,
          {
            organizationId: l.organization_id,
            sourceKind: 'exercise',
            sourceId: l.id,
            title: l.lesson.length > 200 ? `${l.lesson.slice(0, 199)}…` : l.lesson,
            description: l.lesson,
            sourceLabel: ex.title,
            sourceLink: `/exercises/${ex.id}/after`,
            priority: l.priority,
          },
          auditActor(ctx),
        );
        await trx.updateTable('exercise_lessons').set({ action_id: actionId }).where('id', '=', l.id).execute();
      }
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'exercises.exercise.closed',
        entityType: 'exercise',
        entityId: ex.id,
        organizationId: ex.organization_id,
        territoryId: ex.territory_id,
        before: { status: 'ended' },
        after: { status: 'closed', actions: lessons.length },
      });
    });
    return this.summary({ ...ex, status: 'closed' });
  }

  private async mustBeEnded(trx: Db, exerciseId: string) {
    const fresh = await trx.selectFrom('exercises').select('status').where('id', '=', exerciseId).executeTakeFirstOrThrow();
    if (fresh.status === 'closed') {
      throw new Conflict(
        'exercise_closed',
        {
          fr: 'L’exercice est clos : le retour d’expérience ne change plus.',
          en: 'The exercise is closed: the lessons learned no longer change.',
        },
        'status',
      );
    }
    if (fresh.status !== 'ended') {
      throw new Conflict(
        'exercise_not_ended',
        {
          fr: 'Terminez d’abord l’exercice : le débriefing vient après la fin.',
          en: 'End the exercise first: the debrief comes after the end.',
        },
        'status',
      );
    }
  }

  private async cellOf(trx: Db, exerciseId: string, cellId: string, field: string) {
    const cell = await trx
      .selectFrom('exercise_cells')
      .selectAll()
      .where('exercise_id', '=', exerciseId)
      .where('id', '=', cellId)
      .executeTakeFirst();
    if (!cell) {
      throw new Invalid(
        'unknown_cell',
        { fr: 'Cette cellule ne joue pas cet exercice.', en: 'This cell does not play this exercise.' },
        field,
      );
    }
    return cell;
  }
}
