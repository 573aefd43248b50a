import type { Kysely } from 'kysely';

// Crisis exercises and incidents (issue 7): an exercise keeps a frozen copy of its scenario
// (JSON text), its cells (one per playing organization), participants, objectives and its own
// chronogram (exercise_stimuli, editable, delivered during play). Instants ISO-8601 UTC text
// (ADR 0002). Design: docs/api-exercises.md. Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('exercises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('territory_id', 'text', (c) => c.references('territories.id'))
    .addColumn('scenario_id', 'text', (c) => c.notNull())
    .addColumn('scenario_version', 'integer', (c) => c.notNull())
    .addColumn('scenario_json', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text')
    .addColumn('started_at', 'text')
    .addColumn('paused_at', 'text')
    .addColumn('paused_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('ended_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The organization's and the territory's lists, newest first, filtered by status.
  await db.schema.createIndex('exercises_org').on('exercises').columns(['organization_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('exercises_territory').on('exercises').columns(['territory_id', 'status', 'created_at']).execute();

  await db.schema
    .createTable('exercise_cells')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exercise_id', 'text', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('scenario_cell_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('exercise_cells_org', ['exercise_id', 'organization_id'])
    .execute();

  await db.schema
    .createTable('exercise_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exercise_id', 'text', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
    .addColumn('cell_id', 'text', (c) => c.references('exercise_cells.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('function', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('exercise_participants_account', ['exercise_id', 'account_id'])
    .execute();
  // The players' space: the exercises an account is placed in.
  await db.schema
    .createIndex('exercise_participants_by_account')
    .on('exercise_participants')
    .columns(['account_id', 'exercise_id'])
    .execute();

  await db.schema
    .createTable('exercise_stimuli')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exercise_id', 'text', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('offset_minutes', 'integer')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('persona_id', 'text', (c) => c.notNull())
    .addColumn('persona_name_fr', 'text', (c) => c.notNull())
    .addColumn('persona_name_en', 'text', (c) => c.notNull())
    .addColumn('persona_function_fr', 'text', (c) => c.notNull())
    .addColumn('persona_function_en', 'text', (c) => c.notNull())
    .addColumn('target_cell', 'text', (c) => c.notNull())
    .addColumn('target_roles', 'text', (c) => c.notNull())
    .addColumn('subject_fr', 'text', (c) => c.notNull())
    .addColumn('subject_en', 'text', (c) => c.notNull())
    .addColumn('content_fr', 'text', (c) => c.notNull())
    .addColumn('content_en', 'text', (c) => c.notNull())
    .addColumn('expected_fr', 'text', (c) => c.notNull())
    .addColumn('expected_en', 'text', (c) => c.notNull())
    .addColumn('spare', 'integer', (c) => c.notNull())
    .addColumn('after_code', 'text')
    .addColumn('after_condition', 'text')
    .addColumn('media', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('exercise_stimuli_code', ['exercise_id', 'code'])
    .execute();
  // The console's timeline (by position) and the players' feed (delivered, by time).
  await db.schema.createIndex('exercise_stimuli_position').on('exercise_stimuli').columns(['exercise_id', 'position']).execute();
  await db.schema
    .createIndex('exercise_stimuli_delivered')
    .on('exercise_stimuli')
    .columns(['exercise_id', 'target_cell', 'status', 'delivered_at'])
    .execute();

  await db.schema
    .createTable('exercise_objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exercise_id', 'text', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('text_fr', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exercise_objectives_exercise').on('exercise_objectives').columns(['exercise_id', 'position']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('exercise_objectives').execute();
  await db.schema.dropTable('exercise_stimuli').execute();
  await db.schema.dropTable('exercise_participants').execute();
  await db.schema.dropTable('exercise_cells').execute();
  await db.schema.dropTable('exercises').execute();
}
