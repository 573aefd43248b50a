import { sql, type Transaction } from 'kysely';
import { fromBool01, toBool01 } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { afterMiss, afterReview, asLevel, type Mastery, type ReviewState, updateMastery } from './adaptive.js';
import { countAnswer, countMastery } from './counters.js';
import type { AnswerKind } from './tables.js';

export interface AnsweredQuestion {
  personId: string;
  organizationId: string;
  moduleId: string;
  topic: string;
  questionId: string;
  kind: AnswerKind;
  correct: boolean;
  now: Date;
}

/**
 * The learner's mastery of the topic and the question's review state, in one read (one statement
 * fewer on the answer path): a one-row select with both rows left-joined, null when absent.
 * A relearning answer leaves the schedule alone: its review is not returned.
 */
async function masteryAndReview(
  trx: Transaction<Database>,
  a: AnsweredQuestion,
): Promise<{ mastery: Mastery | null; review: ReviewState | null }> {
  const row = await trx
    .selectFrom(sql<{ one: number }>`(select 1 as one)`.as('k'))
    .leftJoin('learning_mastery as m', (j) => j.on('m.person_id', '=', a.personId).on('m.topic', '=', a.topic))
    .leftJoin('learning_reviews as r', (j) =>
      j.on('r.person_id', '=', a.personId).on('r.module_id', '=', a.moduleId).on('r.question_id', '=', a.questionId),
    )
    .select(['m.score', 'm.level', 'm.answers', 'm.correct', 'm.mastered'])
    .select(['r.box', 'r.due_at', 'r.lapses', 'r.mastered as review_mastered'])
    .executeTakeFirstOrThrow();
  const mastery: Mastery | null =
    row.answers === null
      ? null
      : {
          score: Number(row.score),
          level: asLevel(row.level),
          answers: row.answers,
          correct: row.correct ?? 0,
          mastered: fromBool01(row.mastered ?? 0),
        };
  const review: ReviewState | null =
    a.kind !== 'relearn' && row.box !== null && row.due_at !== null
      ? { box: row.box, dueAt: row.due_at, lapses: row.lapses ?? 0, mastered: fromBool01(row.review_mastered ?? 0) }
      : null;
  return { mastery, review };
}

/**
 * What every answer changes besides the answer row, in the answer's transaction: mastery of the
 * topic and its counters, the daily trend, and the question's review schedule (a miss in a quiz
 * or a review brings it back in 3 days; a right answer to a question due for review moves it up
 * a box). Relearning answers, given right after the explanation, leave the schedule alone.
 * Returns the question's review state afterwards (null when it has none).
 */
export async function recordAnswer(trx: Transaction<Database>, a: AnsweredQuestion): Promise<ReviewState | null> {
  const at = a.now.toISOString();
  const { mastery: before, review: previous } = await masteryAndReview(trx, a);
  const after = updateMastery(before, a.correct);
  const values = {
    score: after.score,
    level: after.level,
    answers: after.answers,
    correct: after.correct,
    mastered: toBool01(after.mastered),
  };
  await trx
    .insertInto('learning_mastery')
    .values({ person_id: a.personId, topic: a.topic, organization_id: a.organizationId, ...values, updated_at: at })
    .onConflict((oc) => oc.columns(['person_id', 'topic']).doUpdateSet({ ...values, updated_at: at }))
    .execute();
  await countMastery(trx, a.organizationId, a.topic, before, after);
  await countAnswer(trx, a.organizationId, at, a.correct);

  if (a.kind === 'relearn') return null;
  let next: ReviewState | null = null;
  if (!a.correct) next = afterMiss(previous, a.now);
  else if (previous && !previous.mastered && previous.dueAt <= at) next = afterReview(previous, true, a.now);
  if (!next) return previous;
  const set = { box: next.box, due_at: next.dueAt, lapses: next.lapses, mastered: toBool01(next.mastered), updated_at: at };
  const key = { person_id: a.personId, module_id: a.moduleId, question_id: a.questionId };
  if (previous) {
    await trx
      .updateTable('learning_reviews')
      .set(set)
      .where('person_id', '=', key.person_id)
      .where('module_id', '=', key.module_id)
      .where('question_id', '=', key.question_id)
      .execute();
  } else {
    await trx
      .insertInto('learning_reviews')
      .values({ ...key, organization_id: a.organizationId, topic: a.topic, ...set })
      .onConflict((oc) => oc.columns(['person_id', 'module_id', 'question_id']).doUpdateSet(set))
      .execute();
  }
  return next;
}
