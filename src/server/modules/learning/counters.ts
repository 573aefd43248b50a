import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * The counters learning dashboards read (ARCHITECTURE: never a scan of all attempts per request).
 * Person and module counters are *recounted* from learning_assignments rather than incremented,
 * so they cannot drift: call the recount in the same transaction as the change. Daily and topic
 * counters are increments because their source (answers) is append-only.
 * Scores are percentages, 0 to 100.
 */
type Q = Kysely<Database> | Transaction<Database>;

const CHUNK = 500;

/**
 * Recomputes learning_person_stats for these people from their assignments, including next_due_at:
 * the earliest due date among modules not completed, from which the person counts as overdue.
 */
export async function recountPeople(db: Q, personIds: readonly string[], now: string): Promise<void> {
  const ids = [...new Set(personIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await db.deleteFrom('learning_person_stats').where('person_id', 'in', chunk).execute();
    await db
      .insertInto('learning_person_stats')
      .columns([
        'person_id',
        'organization_id',
        'assigned',
        'completed',
        'first_score_sum',
        'last_score_sum',
        'scored',
        'next_due_at',
        'updated_at',
      ])
      .expression(
        db
          .selectFrom('learning_assignments')
          .where('person_id', 'in', chunk)
          .groupBy('person_id')
          .select((eb) => [
            'person_id',
            eb.fn.min('organization_id').as('organization_id'),
            eb.fn.countAll<number>().as('assigned'),
            sql<number>`sum(case when status = 'completed' then 1 else 0 end)`.as('completed'),
            sql<number>`coalesce(sum(first_score), 0)`.as('first_score_sum'),
            sql<number>`coalesce(sum(last_score), 0)`.as('last_score_sum'),
            sql<number>`sum(case when first_score is null then 0 else 1 end)`.as('scored'),
            // The person is overdue from this moment on, with no write needed when it passes.
            sql<string | null>`min(case when status <> 'completed' then due_at end)`.as('next_due_at'),
            sql<string>`${now}`.as('updated_at'),
          ]),
      )
      .execute();
  }
}

/** Recomputes learning_module_stats of one organization for these modules (all when omitted). */
export async function recountModules(db: Q, organizationId: string, moduleIds: readonly string[] | null, now: string): Promise<void> {
  let del = db.deleteFrom('learning_module_stats').where('organization_id', '=', organizationId);
  if (moduleIds) {
    if (moduleIds.length === 0) return;
    del = del.where('module_id', 'in', [...moduleIds]);
  }
  await del.execute();
  let select = db.selectFrom('learning_assignments').where('organization_id', '=', organizationId);
  if (moduleIds) select = select.where('module_id', 'in', [...moduleIds]);
  await db
    .insertInto('learning_module_stats')
    .columns(['organization_id', 'module_id', 'assigned', 'completed', 'first_score_sum', 'last_score_sum', 'scored', 'updated_at'])
    .expression(
      select
        .groupBy('module_id')
        .select((eb) => [
          sql<string>`${organizationId}`.as('organization_id'),
          'module_id',
          eb.fn.countAll<number>().as('assigned'),
          sql<number>`sum(case when status = 'completed' then 1 else 0 end)`.as('completed'),
          sql<number>`coalesce(sum(first_score), 0)`.as('first_score_sum'),
          sql<number>`coalesce(sum(last_score), 0)`.as('last_score_sum'),
          sql<number>`sum(case when first_score is null then 0 else 1 end)`.as('scored'),
          sql<string>`${now}`.as('updated_at'),
        ]),
    )
    .execute();
}

/** After assignments were created, changed or removed for these people of one organization. */
export async function recountAfterAssignments(
  db: Q,
  organizationId: string,
  personIds: readonly string[],
  moduleIds: readonly string[] | null,
  now: string,
): Promise<void> {
  await recountPeople(db, personIds, now);
  await recountModules(db, organizationId, moduleIds, now);
}

/** The UTC day of an ISO time: the key of daily trends. */
export const dayOf = (isoTime: string): string => isoTime.slice(0, 10);

/** One answered question (quiz, relearning or review) for the daily trend. */
export async function countAnswer(db: Q, organizationId: string, isoTime: string, correct: boolean): Promise<void> {
  const c = correct ? 1 : 0;
  await db
    .insertInto('learning_daily')
    .values({ organization_id: organizationId, day: dayOf(isoTime), completions: 0, score_sum: 0, answers: 1, correct: c })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'day']).doUpdateSet({
        answers: sql`learning_daily.answers + 1`,
        correct: sql`learning_daily.correct + ${c}`,
      }),
    )
    .execute();
}

/** One completed module (with its score, 0 to 100) for the daily trend. */
export async function countCompletion(db: Q, organizationId: string, isoTime: string, score: number): Promise<void> {
  await db
    .insertInto('learning_daily')
    .values({ organization_id: organizationId, day: dayOf(isoTime), completions: 1, score_sum: score, answers: 0, correct: 0 })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'day']).doUpdateSet({
        completions: sql`learning_daily.completions + 1`,
        score_sum: sql`learning_daily.score_sum + ${score}`,
      }),
    )
    .execute();
}

/**
 * A learner's mastery of a topic changed (before is null the first time they answer on it).
 * Keeps per-organization topic counters: learners, how many mastered, and the sum of scores (0..1).
 */
export async function countMastery(
  db: Q,
  organizationId: string,
  topic: string,
  before: { mastered: boolean; score: number } | null,
  after: { mastered: boolean; score: number },
): Promise<void> {
  const learners = before ? 0 : 1;
  const mastered = (after.mastered ? 1 : 0) - (before?.mastered ? 1 : 0);
  const scoreDelta = after.score - (before?.score ?? 0);
  await db
    .insertInto('learning_topic_stats')
    .values({ organization_id: organizationId, topic, learners, mastered: Math.max(mastered, 0), score_sum: scoreDelta })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'topic']).doUpdateSet({
        learners: sql`learning_topic_stats.learners + ${learners}`,
        mastered: sql`learning_topic_stats.mastered + ${mastered}`,
        score_sum: sql`learning_topic_stats.score_sum + ${scoreDelta}`,
      }),
    )
    .execute();
}
