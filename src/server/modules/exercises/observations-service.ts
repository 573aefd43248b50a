import { fromJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { consoleTopic } from './play-rules.js';
import type { ExerciseObservationsTable, ExercisesTable } from './tables.js';

export interface ObservationInput {
  objectiveId: string;
  cellId?: string | undefined;
  note?: string | undefined;
  rating?: number | undefined;
}

/**
 * The observers' grid: one line per objective of the exercise, timestamped notes and ratings
 * (1 not met … 4 fully met; the latest rating of an observer counts). Observers keep writing
 * after the end, while they fill the grid; a closed exercise (debrief done) takes nothing more.
 */
export class ObservationsService {
  constructor(private readonly deps: AppDeps) {}

  async grid(ex: ExercisesTable) {
    const db = this.deps.db;
    const objectives = await db
      .selectFrom('exercise_objectives')
      .selectAll()
      .where('exercise_id', '=', ex.id)
      .orderBy('position')
      .execute();
    const notes = await db
      .selectFrom('exercise_observations as o')
      .innerJoin('accounts as a', 'a.id', 'o.account_id')
      .selectAll('o')
      .select('a.display_name')
      .where('o.exercise_id', '=', ex.id)
      .orderBy('o.created_at')
      .orderBy('o.id')
      .execute();
    return {
      exerciseId: ex.id,
      objectives: objectives.map((o) => {
        const mine = notes.filter((n) => n.objective_code === o.code);
        // The latest rating of each observer, averaged: an observer who changes their mind counts once.
        const latest = new Map<string, number>();
        for (const n of mine) if (n.rating !== null) latest.set(n.account_id, Number(n.rating));
        const ratings = [...latest.values()];
        return {
          id: o.code,
          text: { fr: o.text_fr, en: o.text_en },
          criteria: fromJson<Array<{ fr: string; en: string }>>(o.criteria, []),
          rating: ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : null,
          notes: mine.map((n) => ({
            id: n.id,
            cellId: n.cell_id,
            accountId: n.account_id,
            authorName: n.display_name,
            note: n.note,
            rating: n.rating === null ? null : Number(n.rating),
            createdAt: n.created_at,
          })),
        };
      }),
    };
  }

  async add(ctx: RequestContext, ex: ExercisesTable, input: ObservationInput) {
    if (!ctx.actor) throw new NotFound('exercise');
    const accountId = ctx.actor.accountId;
    if (input.note === undefined && input.rating === undefined) {
      throw new Invalid(
        'note_or_rating',
        { fr: 'Écrivez une note ou donnez une évaluation.', en: 'Write a note or give a rating.' },
        'note',
      );
    }
    await this.deps.db.transaction().execute(async (trx) => {
      const fresh = await trx.selectFrom('exercises').select('status').where('id', '=', ex.id).executeTakeFirstOrThrow();
      if (fresh.status === 'closed') {
        throw new Conflict(
          'exercise_closed',
          { fr: 'Le débriefing est clos : la grille ne change plus.', en: 'The debrief is closed: the grid no longer changes.' },
          'status',
        );
      }
      const objective = await trx
        .selectFrom('exercise_objectives')
        .select('code')
        .where('exercise_id', '=', ex.id)
        .where('code', '=', input.objectiveId)
        .executeTakeFirst();
      if (!objective) {
        throw new Invalid(
          'unknown_objective',
          { fr: 'Cet objectif n’est pas celui de l’exercice.', en: 'This is not an objective of the exercise.' },
          'objectiveId',
        );
      }
      if (input.cellId) {
        const cell = await trx
          .selectFrom('exercise_cells')
          .select('id')
          .where('exercise_id', '=', ex.id)
          .where('id', '=', input.cellId)
          .executeTakeFirst();
        if (!cell)
          throw new Invalid(
            'unknown_cell',
            { fr: 'Cette cellule ne joue pas cet exercice.', en: 'This cell does not play this exercise.' },
            'cellId',
          );
      }
      const row: ExerciseObservationsTable = {
        id: newId(),
        exercise_id: ex.id,
        objective_code: input.objectiveId,
        cell_id: input.cellId ?? null,
        account_id: accountId,
        note: input.note ?? null,
        rating: input.rating ?? null,
        created_at: this.deps.clock.now().toISOString(),
      };
      await trx.insertInto('exercise_observations').values(row).execute();
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'exercises.observation.added',
        entityType: 'exercise',
        entityId: ex.id,
        organizationId: ex.organization_id,
        territoryId: ex.territory_id,
        before: null,
        after: { objectiveId: row.objective_code, cellId: row.cell_id, rating: row.rating, note: row.note },
      });
      // Animators follow the observers' notes in the console; players never see them.
      await this.deps.live.publish(trx, consoleTopic(ex.id), 'observation.added', {
        id: row.id,
        objectiveId: row.objective_code,
        cellId: row.cell_id,
        rating: row.rating,
        note: row.note,
        createdAt: row.created_at,
      });
    });
    return this.grid(ex);
  }
}
