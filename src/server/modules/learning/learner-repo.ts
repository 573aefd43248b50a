import { sql, type Transaction } from 'kysely';
import { toCount } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import type { LearningAnswersTable, LearningAssignmentsTable, LearningAttemptsTable, LearningReviewsTable } from './tables.js';

/**
 * The learner's queries. Every read of owned data takes the person id first: a learner only ever
 * sees their own assignments, attempts, reviews and alerts (anything else is "not found").
 */
type Q = Db | Transaction<Database>;

export type AssignmentRow = LearningAssignmentsTable;
export type AttemptRow = LearningAttemptsTable;
export type AnswerRow = Pick<LearningAnswersTable, 'question_id' | 'kind' | 'choice_index' | 'correct'>;
export type ReviewRow = LearningReviewsTable;

/**
 * What changes whenever a module's texts or the metadata a learner sees change: an edit raises the
 * version, a catalogue sync changes the content hash (its version comes from the file), and both
 * set updated_at. Cached module views are kept under it.
 */
export interface ModuleStamp {
  version: number;
  updated_at: string;
  content_hash: string | null;
}

export const stampOf = (m: ModuleStamp): string => `${m.version}|${m.updated_at}|${m.content_hash ?? ''}`;

/** A module's metadata with one of its texts (one row per language). */
export interface ModuleTextRow extends ModuleStamp {
  module_id: string;
  language: 'fr' | 'en';
  title: string;
  summary: string;
  screens: string;
  questions: string;
  topic: string;
  level: number;
  duration_minutes: number;
}

/** An attempt with the stamp of its module as it is now (null when the module is gone). */
export interface AttemptWithStamp extends AttemptRow {
  module_version_now: number | null;
  module_updated_at: string | null;
  module_content_hash: string | null;
}

export const attemptStamp = (a: AttemptWithStamp): string | null =>
  a.module_version_now === null || a.module_updated_at === null
    ? null
    : stampOf({ version: a.module_version_now, updated_at: a.module_updated_at, content_hash: a.module_content_hash });

export class LearnerRepo {
  assignment(db: Q, personId: string, assignmentId: string): Promise<AssignmentRow | undefined> {
    return db
      .selectFrom('learning_assignments')
      .selectAll()
      .where('person_id', '=', personId)
      .where('id', '=', assignmentId)
      .executeTakeFirst();
  }

  assignments(db: Q, personId: string): Promise<AssignmentRow[]> {
    return db.selectFrom('learning_assignments').selectAll().where('person_id', '=', personId).execute();
  }

  /** Texts of these modules in every language they have, with the metadata the learner sees. */
  async moduleTexts(db: Q, moduleIds: readonly string[]): Promise<Map<string, ModuleTextRow[]>> {
    const byModule = new Map<string, ModuleTextRow[]>();
    if (moduleIds.length === 0) return byModule;
    const rows = await db
      .selectFrom('learning_module_texts as t')
      .innerJoin('learning_modules as m', 'm.id', 't.module_id')
      .select(['t.module_id', 't.language', 't.title', 't.summary', 't.screens', 't.questions'])
      .select(['m.topic', 'm.level', 'm.version', 'm.duration_minutes', 'm.updated_at', 'm.content_hash'])
      .where('t.module_id', 'in', [...new Set(moduleIds)])
      .execute();
    for (const r of rows) byModule.set(r.module_id, [...(byModule.get(r.module_id) ?? []), r]);
    return byModule;
  }

  /** The stamps of these modules (absent ones are left out): a light read, the texts stay in the cache. */
  async moduleStamps(db: Q, moduleIds: readonly string[]): Promise<Map<string, string>> {
    if (moduleIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('learning_modules')
      .select(['id', 'version', 'updated_at', 'content_hash'])
      .where('id', 'in', [...moduleIds])
      .execute();
    return new Map(rows.map((r) => [r.id, stampOf(r)]));
  }

  /** The answer path's only read before its transaction: the attempt and its module's stamp. */
  attemptWithStamp(db: Q, personId: string, attemptId: string): Promise<AttemptWithStamp | undefined> {
    return db
      .selectFrom('learning_attempts as a')
      .leftJoin('learning_modules as m', 'm.id', 'a.module_id')
      .selectAll('a')
      .select(['m.version as module_version_now', 'm.updated_at as module_updated_at', 'm.content_hash as module_content_hash'])
      .where('a.person_id', '=', personId)
      .where('a.id', '=', attemptId)
      .executeTakeFirst();
  }

  attempt(db: Q, personId: string, attemptId: string): Promise<AttemptRow | undefined> {
    return db.selectFrom('learning_attempts').selectAll().where('person_id', '=', personId).where('id', '=', attemptId).executeTakeFirst();
  }

  /** The latest attempt of each assignment (open or finished). */
  async latestAttempts(db: Q, assignmentIds: readonly string[]): Promise<Map<string, AttemptRow>> {
    const latest = new Map<string, AttemptRow>();
    if (assignmentIds.length === 0) return latest;
    const rows = await db
      .selectFrom('learning_attempts')
      .selectAll()
      .where('assignment_id', 'in', [...assignmentIds])
      .orderBy('number', 'desc')
      .execute();
    for (const r of rows) if (!latest.has(r.assignment_id)) latest.set(r.assignment_id, r);
    return latest;
  }

  answers(db: Q, attemptId: string): Promise<AnswerRow[]> {
    return db
      .selectFrom('learning_answers')
      .select(['question_id', 'kind', 'choice_index', 'correct'])
      .where('attempt_id', '=', attemptId)
      .orderBy('answered_at')
      .orderBy('id')
      .execute();
  }

  /** The level this learner is served on a topic (1 when they never answered on it). */
  async masteryLevel(db: Q, personId: string, topic: string): Promise<number> {
    const row = await db
      .selectFrom('learning_mastery')
      .select('level')
      .where('person_id', '=', personId)
      .where('topic', '=', topic)
      .executeTakeFirst();
    return row?.level ?? 1;
  }

  async dueQuestionIds(db: Q, personId: string, moduleId: string, now: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('learning_reviews')
      .select('question_id')
      .where('person_id', '=', personId)
      .where('module_id', '=', moduleId)
      .where('mastered', '=', 0)
      .where('due_at', '<=', now)
      .execute();
    return new Set(rows.map((r) => r.question_id));
  }

  review(db: Q, personId: string, moduleId: string, questionId: string): Promise<ReviewRow | undefined> {
    return db
      .selectFrom('learning_reviews')
      .selectAll()
      .where('person_id', '=', personId)
      .where('module_id', '=', moduleId)
      .where('question_id', '=', questionId)
      .executeTakeFirst();
  }

  /** Unmastered reviews of these questions of a module (those a finished attempt scheduled). */
  async reviewsOf(db: Q, personId: string, moduleId: string, questionIds: readonly string[]): Promise<ReviewRow[]> {
    if (questionIds.length === 0) return [];
    return db
      .selectFrom('learning_reviews')
      .selectAll()
      .where('person_id', '=', personId)
      .where('module_id', '=', moduleId)
      .where('question_id', 'in', [...questionIds])
      .where('mastered', '=', 0)
      .orderBy('due_at')
      .orderBy('question_id')
      .execute();
  }

  /** Unmastered reviews of a person, soonest first (`due`: only those due by now; else only later ones). */
  reviews(db: Q, personId: string, now: string, due: boolean, limit: number): Promise<ReviewRow[]> {
    return db
      .selectFrom('learning_reviews')
      .selectAll()
      .where('person_id', '=', personId)
      .where('mastered', '=', 0)
      .where('due_at', due ? '<=' : '>', now)
      .orderBy('due_at')
      .orderBy('module_id')
      .orderBy('question_id')
      .limit(limit)
      .execute();
  }

  async reviewSummary(db: Q, personId: string, now: string): Promise<{ due: number; nextAt: string | null }> {
    const row = await db
      .selectFrom('learning_reviews')
      .select([
        sql<number>`coalesce(sum(case when due_at <= ${now} then 1 else 0 end), 0)`.as('due'),
        sql<string | null>`min(case when due_at > ${now} then due_at end)`.as('next_at'),
      ])
      .where('person_id', '=', personId)
      .where('mastered', '=', 0)
      .executeTakeFirst();
    return { due: toCount(row?.due), nextAt: row?.next_at ?? null };
  }

  /** Flash alerts this person has not acknowledged yet (expired ones no longer show). */
  openAlerts(db: Q, personId: string, now: string) {
    return db
      .selectFrom('learning_flash_receipts as r')
      .innerJoin('learning_flash_alerts as a', 'a.id', 'r.alert_id')
      .select(['a.id', 'a.module_id', 'a.published_at'])
      .where('r.person_id', '=', personId)
      .where('r.acknowledged_at', 'is', null)
      .where((eb) => eb.or([eb('a.expires_at', 'is', null), eb('a.expires_at', '>', now)]))
      .orderBy('a.published_at', 'desc')
      .execute();
  }

  receipt(db: Q, personId: string, alertId: string) {
    return db
      .selectFrom('learning_flash_receipts')
      .select(['alert_id', 'organization_id', 'acknowledged_at'])
      .where('person_id', '=', personId)
      .where('alert_id', '=', alertId)
      .executeTakeFirst();
  }

  /** Certificate details: the person's name and their organization's name. */
  certificateNames(db: Q, personId: string) {
    return db
      .selectFrom('people')
      .innerJoin('organizations', 'organizations.id', 'people.organization_id')
      .select(['people.first_name', 'people.last_name', 'organizations.name as organization_name'])
      .where('people.id', '=', personId)
      .executeTakeFirst();
  }
}
