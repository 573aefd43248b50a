import { fromBool01, toBool01, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isUniqueViolation } from '../identity/shared.js';
import { attemptScore } from './adaptive.js';
import { countCompletion, recountAfterAssignments } from './counters.js';
import { assignmentCard, attemptProgress, quizIds, relearnIds, revealed } from './learner-present.js';
import { recordAnswer } from './learner-record.js';
import { type AttemptRow, attemptStamp } from './learner-repo.js';
import type { AnswerInput, AnswerResult, FinishResult } from './learner-schema.js';
import { attemptFinished, type LearnerService, requireLearner } from './learner-service.js';

const alreadyAnswered = (): Conflict =>
  new Conflict('already_answered', { fr: 'Vous avez déjà répondu à cette question.', en: 'You already answered this question.' });

export function checkChoice(choiceIndex: number, choices: number): void {
  if (choiceIndex < 0 || choiceIndex >= choices) {
    throw new Invalid(
      'invalid_choice',
      { fr: `Choix inexistant : la question en propose ${choices}.`, en: `No such choice: the question has ${choices}.` },
      'choiceIndex',
    );
  }
}

/**
 * Quiz and relearning answers, and finishing an attempt. Each answer is one
 * transaction with few statements: the answer path must stay fast with many learners at once.
 */
export class AnswerService {
  constructor(
    private readonly deps: AppDeps,
    private readonly learning: LearnerService,
  ) {}

  private get repo() {
    return this.learning.repo;
  }

  /**
   * One read (the attempt with its module's stamp; the module comes parsed from the cache), then
   * one transaction. A replay is refused by the answers' unique index (409), not by a read first.
   */
  async answer(ctx: RequestContext, attemptId: string, input: AnswerInput): Promise<AnswerResult> {
    const learner = requireLearner(ctx, 'attempt');
    const db = this.deps.db;
    const attempt = await this.repo.attemptWithStamp(db, learner.personId, attemptId);
    if (!attempt) throw new NotFound('attempt');
    if (attempt.finished_at !== null) throw attemptFinished();
    const view = await this.learning.views.view(db, attempt.module_id, ctx.locale, attemptStamp(attempt));
    if (!view) throw new NotFound('module');
    const quiz = quizIds(attempt, view);
    const allowed = input.kind === 'quiz' ? quiz : relearnIds(attempt);
    const question = allowed.includes(input.questionId) ? view.byId.get(input.questionId) : undefined;
    if (!question) {
      throw new Invalid(
        'invalid_question',
        {
          fr: input.kind === 'quiz' ? 'Cette question ne fait pas partie de cette tentative.' : 'Cette question n’est pas à revoir.',
          en: input.kind === 'quiz' ? 'This question is not part of this attempt.' : 'This question is not to be asked again.',
        },
        'questionId',
      );
    }
    checkChoice(input.choiceIndex, question.choices.length);

    const correct = question.choices[input.choiceIndex]!.correct;
    const now = this.deps.clock.now();
    const at = now.toISOString();
    let updated: AttemptRow;
    try {
      updated = await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('learning_answers')
          .values({
            id: newId(),
            attempt_id: attempt.id,
            organization_id: attempt.organization_id,
            person_id: learner.personId,
            module_id: attempt.module_id,
            question_id: input.questionId,
            kind: input.kind,
            choice_index: input.choiceIndex,
            correct: toBool01(correct),
            answered_at: at,
          })
          .execute();
        const row = await trx
          .updateTable('learning_attempts')
          .set((eb) =>
            input.kind === 'quiz'
              ? {
                  answered: eb('answered', '+', 1),
                  correct: eb('correct', '+', correct ? 1 : 0),
                  phase: attempt.phase === 'lesson' ? 'quiz' : attempt.phase,
                  updated_at: at,
                }
              : { updated_at: at },
          )
          .where('id', '=', attempt.id)
          .where('finished_at', 'is', null)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw attemptFinished();
        let result = row;
        if (input.kind === 'quiz' && row.answered >= quiz.length) {
          // The quiz is complete: the missed questions are asked once more before finishing.
          const missed = await trx
            .selectFrom('learning_answers')
            .select('question_id')
            .where('attempt_id', '=', attempt.id)
            .where('kind', '=', 'quiz')
            .where('correct', '=', 0)
            .orderBy('answered_at')
            .orderBy('id')
            .execute();
          if (missed.length > 0) {
            const relearn = toJson(missed.map((m) => m.question_id));
            await trx
              .updateTable('learning_attempts')
              .set({ phase: 'relearn', relearn_ids: relearn })
              .where('id', '=', attempt.id)
              .execute();
            result = { ...row, phase: 'relearn', relearn_ids: relearn };
          }
        }
        await recordAnswer(trx, {
          personId: learner.personId,
          organizationId: attempt.organization_id,
          moduleId: attempt.module_id,
          topic: view.topic,
          questionId: input.questionId,
          kind: input.kind,
          correct,
          now,
        });
        return result;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw alreadyAnswered();
      throw err;
    }
    return { correct, choices: revealed(question), attempt: attemptProgress(updated) };
  }

  /** Ends the attempt: score, assignment scores and status (completed at ≥ 70), counters, audit. */
  async finish(ctx: RequestContext, attemptId: string): Promise<FinishResult> {
    const learner = requireLearner(ctx, 'attempt');
    const db = this.deps.db;
    const attempt = await this.repo.attempt(db, learner.personId, attemptId);
    if (!attempt) throw new NotFound('attempt');
    if (attempt.finished_at !== null) throw attemptFinished();
    const view = await this.learning.view(attempt.module_id, ctx.locale);
    const quiz = quizIds(attempt, view);
    if (attempt.answered < quiz.length) {
      throw new Conflict('quiz_incomplete', {
        fr: `Répondez d’abord à toutes les questions (${attempt.answered} sur ${quiz.length}).`,
        en: `Answer every question first (${attempt.answered} of ${quiz.length}).`,
      });
    }
    const { score, passed } = attemptScore(attempt.correct, attempt.answered);
    const at = this.deps.clock.now().toISOString();
    const { assignment, finished } = await db.transaction().execute(async (trx) => {
      const finished = await trx
        .updateTable('learning_attempts')
        .set({ phase: 'done', score, finished_at: at, updated_at: at })
        .where('id', '=', attempt.id)
        .where('finished_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!finished) throw attemptFinished();
      const a = await this.repo.assignment(trx, learner.personId, attempt.assignment_id);
      if (!a) throw new NotFound('assignment');
      const completesNow = passed && a.status !== 'completed';
      const next = {
        attempts: a.attempts + 1,
        first_score: a.first_score ?? score,
        last_score: score,
        best_score: Math.max(Number(a.best_score ?? 0), score),
        // A module once completed stays completed, whatever a later (practice) attempt scores.
        status: passed || a.status === 'completed' ? ('completed' as const) : ('in_progress' as const),
        completed_at: completesNow ? at : a.completed_at,
      };
      await trx.updateTable('learning_assignments').set(next).where('id', '=', a.id).execute();
      if (completesNow) await countCompletion(trx, a.organization_id, at, score);
      await recountAfterAssignments(trx, a.organization_id, [learner.personId], [a.module_id], at);
      const who = auditActor(ctx);
      await this.deps.audit.record(trx, who, {
        action: 'attempt.finished',
        entityType: 'learning_attempt',
        entityId: attempt.id,
        organizationId: a.organization_id,
        after: { assignmentId: a.id, moduleId: a.module_id, number: attempt.number, score, passed },
      });
      if (completesNow) {
        await this.deps.audit.record(trx, who, {
          action: 'assignment.completed',
          entityType: 'learning_assignment',
          entityId: a.id,
          organizationId: a.organization_id,
          before: { status: a.status },
          after: { status: 'completed', score, completedAt: at },
        });
      }
      return { assignment: { ...a, ...next }, finished };
    });
    const answers = await this.repo.answers(db, attempt.id);
    const missed = new Set(answers.filter((r) => r.kind === 'quiz' && !fromBool01(r.correct)).map((r) => r.question_id));
    const scheduled = await this.repo.reviewsOf(db, learner.personId, attempt.module_id, [...missed]);
    return {
      score,
      passed,
      assignment: assignmentCard(assignment, view, finished, at),
      reviews: scheduled.map((r) => ({ questionId: r.question_id, prompt: view.byId.get(r.question_id)?.prompt ?? '', dueAt: r.due_at })),
    };
  }
}
