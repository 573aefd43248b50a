import type { Kysely } from 'kysely';

// Learning: modules (catalogue from content/learning and each organization's own), curricula,
// assignment rules, assignments, attempts and answers (append-only), spaced-repetition reviews,
// topic mastery, flash alerts, the public patient page, and the counters dashboards read.
// Times are ISO-8601 UTC text, booleans 0/1, JSON as text (ADR 0002). Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('learning_modules')
    // Catalogue modules keep their content id (stable across content updates); others get a UUIDv7.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id')) // null: catalogue, for everyone
    .addColumn('origin', 'text', (c) => c.notNull()) // catalogue | custom | fork
    .addColumn('forked_from', 'text')
    .addColumn('kind', 'text', (c) => c.notNull()) // lesson | flash_alert
    .addColumn('audience', 'text', (c) => c.notNull()) // staff | patients
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('role_families', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('threat_tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // draft | published | archived
    .addColumn('last_reviewed', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_modules_org').on('learning_modules').columns(['organization_id', 'status']).execute();

  await db.schema
    .createTable('learning_module_texts')
    .addColumn('module_id', 'text', (c) => c.notNull().references('learning_modules.id'))
    .addColumn('language', 'text', (c) => c.notNull()) // fr | en
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('screens', 'text', (c) => c.notNull()) // [{title, body}] Markdown bodies
    .addColumn('questions', 'text', (c) => c.notNull()) // [{id, level, prompt, choices:[{text, correct, explanation}]}]
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_module_texts_pk', ['module_id', 'language'])
    .execute();

  await db.schema
    .createTable('learning_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // Base64 text: portable across SQLite and PostgreSQL; images are capped at 1 MiB.
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('learning_curricula')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id')) // null: default curriculum
    .addColumn('kind', 'text', (c) => c.notNull()) // onboarding | refresher | custom
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('module_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('recurrence_months', 'integer') // 12 for the yearly refresher
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('learning_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Exactly one owner scope: an organization, or a territory (then it applies to member organizations).
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('territory_id', 'text', (c) => c.references('territories.id'))
    .addColumn('curriculum_id', 'text', (c) => c.notNull().references('learning_curricula.id'))
    .addColumn('role_families', 'text', (c) => c.notNull().defaultTo('[]')) // empty: any
    .addColumn('services', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sites', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('organization_ids', 'text', (c) => c.notNull().defaultTo('[]')) // territory rules: empty = every member
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('learning_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('module_id', 'text', (c) => c.notNull().references('learning_modules.id'))
    .addColumn('curriculum_id', 'text')
    .addColumn('rule_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull()) // rule | manual | flash_alert | phishing | self
    // '' for a one-off assignment; the year for a yearly refresher, so each cycle is a new row.
    .addColumn('cycle', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull()) // assigned | in_progress | completed
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_score', 'real')
    .addColumn('last_score', 'real')
    .addColumn('best_score', 'real')
    .addColumn('reminder_sent_at', 'text')
    .addColumn('escalated_at', 'text')
    .execute();
  await db.schema
    .createIndex('learning_assignments_unique')
    .on('learning_assignments')
    .columns(['person_id', 'module_id', 'cycle'])
    .unique()
    .execute();
  await db.schema
    .createIndex('learning_assignments_org')
    .on('learning_assignments')
    .columns(['organization_id', 'module_id', 'status'])
    .execute();
  await db.schema.createIndex('learning_assignments_due').on('learning_assignments').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('learning_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('learning_assignments.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('module_version', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    // The questions served in this attempt, chosen for the learner's level (adaptive).
    .addColumn('question_ids', 'text', (c) => c.notNull())
    // Missed questions asked again at the end of the attempt (relearning step).
    .addColumn('relearn_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('phase', 'text', (c) => c.notNull()) // lesson | quiz | relearn | done
    .addColumn('screen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('correct', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('score', 'real')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('learning_attempts_assignment')
    .on('learning_attempts')
    .columns(['assignment_id', 'number'])
    .unique()
    .execute();

  await db.schema
    .createTable('learning_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('attempt_id', 'text') // null for a spaced-repetition review outside an attempt
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // quiz | relearn | review
    .addColumn('choice_index', 'integer', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  // A replayed answer hits this index and is refused with 409; progress stays as it was.
  await db.schema
    .createIndex('learning_answers_once')
    .on('learning_answers')
    .columns(['attempt_id', 'question_id', 'kind'])
    .unique()
    .execute();
  await db.schema.createIndex('learning_answers_person').on('learning_answers').columns(['person_id', 'answered_at']).execute();

  await db.schema
    .createTable('learning_reviews')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('box', 'integer', (c) => c.notNull()) // Leitner box: the interval grows with each success
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('lapses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mastered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_reviews_pk', ['person_id', 'module_id', 'question_id'])
    .execute();
  await db.schema.createIndex('learning_reviews_due').on('learning_reviews').columns(['person_id', 'mastered', 'due_at']).execute();

  await db.schema
    .createTable('learning_mastery')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull()) // moving average of correct answers, 0..1
    .addColumn('level', 'integer', (c) => c.notNull()) // the question level this learner is served, 1..3
    .addColumn('answers', 'integer', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('mastered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_mastery_pk', ['person_id', 'topic'])
    .execute();

  await db.schema
    .createTable('learning_flash_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('module_id', 'text', (c) => c.notNull().references('learning_modules.id'))
    .addColumn('scope_kind', 'text', (c) => c.notNull()) // organization | territory | platform
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('role_families', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('organization_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .execute();
  await db.schema
    .createTable('learning_flash_receipts')
    .addColumn('alert_id', 'text', (c) => c.notNull().references('learning_flash_alerts.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('emailed_at', 'text')
    .addColumn('email_error', 'text')
    .addColumn('acknowledged_at', 'text')
    .addPrimaryKeyConstraint('learning_flash_receipts_pk', ['alert_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('learning_flash_receipts_person')
    .on('learning_flash_receipts')
    .columns(['person_id', 'acknowledged_at'])
    .execute();
  await db.schema.createIndex('learning_flash_receipts_mail').on('learning_flash_receipts').columns(['emailed_at']).execute();

  await db.schema
    .createTable('learning_public_pages')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique()) // random, unguessable: the waiting-room link
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Anonymous counts only: no cookie, no IP, no identifier is kept for patients.
  await db.schema
    .createTable('learning_public_counts')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('completions', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('learning_public_counts_pk', ['organization_id', 'module_id', 'day'])
    .execute();

  // Counters the dashboards read, kept in the same transaction as the change (see counters.ts).
  await db.schema
    .createTable('learning_person_stats')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('assigned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('completed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_score_sum', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('last_score_sum', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('scored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_person_stats_org').on('learning_person_stats').columns(['organization_id']).execute();
  await db.schema
    .createTable('learning_module_stats')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('assigned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('completed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_score_sum', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('last_score_sum', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('scored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_module_stats_pk', ['organization_id', 'module_id'])
    .execute();
  await db.schema
    .createTable('learning_topic_stats')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('learners', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mastered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('score_sum', 'real', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('learning_topic_stats_pk', ['organization_id', 'topic'])
    .execute();
  await db.schema
    .createTable('learning_daily')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('completions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('score_sum', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('answers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('correct', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('learning_daily_pk', ['organization_id', 'day'])
    .execute();

  // Periodic jobs (reminders, enrolment, flash alert mail): one lease row per job so that only one
  // process runs it at a time when several share a PostgreSQL database.
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('lease_until', 'text', (c) => c.notNull())
    .addColumn('last_run_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'job_leases',
    'learning_daily',
    'learning_topic_stats',
    'learning_module_stats',
    'learning_person_stats',
    'learning_public_counts',
    'learning_public_pages',
    'learning_flash_receipts',
    'learning_flash_alerts',
    'learning_mastery',
    'learning_reviews',
    'learning_answers',
    'learning_attempts',
    'learning_assignments',
    'learning_rules',
    'learning_curricula',
    'learning_media',
    'learning_module_texts',
    'learning_modules',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
