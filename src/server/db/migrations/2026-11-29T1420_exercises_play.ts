import type { Kysely } from 'kysely';

// Live play of exercises (issue 7): which cell received which stimulus (a conditional stimulus or
// a spare one reaches only some cells), what the cells write during play (replies, logbook,
// decisions, tasks, chat with the animators: one table, `kind` tells them apart, so the debrief
// reads one timeline) and the observers' notes per objective. Design: docs/api-exercises.md.
// Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('exercise_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exercise_id', 'text', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
    .addColumn('stimulus_id', 'text', (c) => c.notNull().references('exercise_stimuli.id').onDelete('cascade'))
    .addColumn('cell_id', 'text', (c) => c.notNull().references('exercise_cells.id').onDelete('cascade'))
    .addColumn('delivered_at', 'text', (c) => c.notNull())
    .execute();
  // Once per stimulus and cell, whatever the number of processes delivering.
  await db.schema.createIndex('exercise_deliveries_once').unique().on('exercise_deliveries').columns(['stimulus_id', 'cell_id']).execute();
  // A cell's feed and media page, newest first.
  await db.schema.createIndex('exercise_deliveries_cell').on('exercise_deliveries').columns(['cell_id', 'delivered_at']).execute();

  await db.schema
    .createTable('exercise_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exercise_id', 'text', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
    .addColumn('cell_id', 'text', (c) => c.notNull().references('exercise_cells.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('from_animators', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stimulus_id', 'text', (c) => c.references('exercise_stimuli.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('assignee', 'text')
    .addColumn('task_status', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exercise_entries_cell').on('exercise_entries').columns(['cell_id', 'kind', 'created_at']).execute();
  // "Did this cell reply to that stimulus?" for conditional stimuli.
  await db.schema.createIndex('exercise_entries_stimulus').on('exercise_entries').columns(['stimulus_id', 'cell_id']).execute();
  await db.schema.createIndex('exercise_entries_exercise').on('exercise_entries').columns(['exercise_id', 'created_at']).execute();

  await db.schema
    .createTable('exercise_observations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exercise_id', 'text', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
    .addColumn('objective_code', 'text', (c) => c.notNull())
    .addColumn('cell_id', 'text', (c) => c.references('exercise_cells.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('note', 'text')
    .addColumn('rating', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('exercise_observations_grid')
    .on('exercise_observations')
    .columns(['exercise_id', 'objective_code', 'created_at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['exercise_observations', 'exercise_entries', 'exercise_deliveries']) await db.schema.dropTable(t).execute();
}
