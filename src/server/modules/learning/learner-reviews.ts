import { fromBool01, toBool01 } from '../../db/dialect.js';
import type { AppDeps, RequestContext } from '../../platform/context.js';
import { Conflict, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { checkChoice } from './learner-answers.js';
import { revealed } from './learner-present.js';
import { recordAnswer } from './learner-record.js';
import type { ReviewRow } from './learner-repo.js';
import type { ReviewAnswerInput, ReviewAnswerResult, Reviews } from './learner-schema.js';
import { type LearnerService, learnerOf, requireLearner } from './learner-service.js';

/** Spaced repetition: the questions a learner missed come back until answered right three times in a row. */
export class ReviewService {
  constructor(
    private readonly deps: AppDeps,
    private readonly learning: LearnerService,
  ) {}

  private get repo() {
    return this.learning.repo;
  }

  /** Questions due for review now (with their choices) and the next ones to come. */
  async reviews(ctx: RequestContext): Promise<Reviews> {
    const learner = learnerOf(ctx);
    if (!learner) return { due: [], upcoming: [] };
    const db = this.deps.db;
    const now = this.deps.clock.now().toISOString();
    const [due, upcoming] = await Promise.all([
      this.repo.reviews(db, learner.personId, now, true, 50),
      this.repo.reviews(db, learner.personId, now, false, 50),
    ]);
    const views = await this.learning.views.views(
      db,
      [...due, ...upcoming].map((r) => r.module_id),
      ctx.locale,
    );
    const resolve = (r: ReviewRow) => {
      const view = views.get(r.module_id);
      const q = view?.byId.get(r.question_id);
      return view && q ? { view, q } : null;
    };
    return {
      due: due.flatMap((r) => {
        const found = resolve(r);
        if (!found) return [];
        const { view, q } = found;
        const choices = q.choices.map((c) => ({ text: c.text }));
        return [{ moduleId: r.module_id, moduleTitle: view.title, questionId: r.question_id, prompt: q.prompt, choices, dueAt: r.due_at }];
      }),
      upcoming: upcoming.flatMap((r) => {
        const found = resolve(r);
        if (!found) return [];
        return [
          { moduleId: r.module_id, moduleTitle: found.view.title, questionId: r.question_id, prompt: found.q.prompt, dueAt: r.due_at },
        ];
      }),
    };
  }

  /** Answers a question due for review (spaced repetition, outside any attempt). */
  async answerReview(ctx: RequestContext, input: ReviewAnswerInput): Promise<ReviewAnswerResult> {
    const learner = requireLearner(ctx, 'review');
    const db = this.deps.db;
    const review = await this.repo.review(db, learner.personId, input.moduleId, input.questionId);
    if (!review || fromBool01(review.mastered)) throw new NotFound('review');
    const view = await this.learning.view(input.moduleId, ctx.locale);
    const question = view.byId.get(input.questionId);
    if (!question) throw new NotFound('review');
    checkChoice(input.choiceIndex, question.choices.length);
    const now = this.deps.clock.now();
    const at = now.toISOString();
    if (review.due_at > at) {
      throw new Conflict('review_not_due', {
        fr: 'Cette question n’est pas encore à revoir.',
        en: 'This question is not due for review yet.',
      });
    }
    const correct = question.choices[input.choiceIndex]!.correct;
    const next = await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('learning_answers')
        .values({
          id: newId(),
          attempt_id: null,
          organization_id: review.organization_id,
          person_id: learner.personId,
          module_id: input.moduleId,
          question_id: input.questionId,
          kind: 'review',
          choice_index: input.choiceIndex,
          correct: toBool01(correct),
          answered_at: at,
        })
        .execute();
      return recordAnswer(trx, {
        personId: learner.personId,
        organizationId: review.organization_id,
        moduleId: input.moduleId,
        topic: review.topic,
        questionId: input.questionId,
        kind: 'review',
        correct,
        now,
      });
    });
    const mastered = next?.mastered ?? false;
    return { correct, choices: revealed(question), nextDueAt: mastered ? null : (next?.dueAt ?? null), mastered };
  }
}
