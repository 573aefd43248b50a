import type { Kysely } from 'kysely';

// After the exercise (issue 7): each cell's hot debrief, written just after the end, and the
// lessons learned (questionnaire answers, possibly anonymous, and the animators' own), each of
// which becomes one action of its organization's plan when the exercise is closed.
// Design: docs/api-exercises.md, "After the exercise". Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('exercise_debriefs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exercise_id', 'text', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
    .addColumn('cell_id', 'text', (c) => c.notNull().references('exercise_cells.id').onDelete('cascade'))
    .addColumn('went_well', 'text', (c) => c.notNull())
    .addColumn('to_improve', 'text', (c) => c.notNull())
    .addColumn('surprises', 'text', (c) => c.notNull())
    .addColumn('written_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One hot debrief per cell: writing it again replaces it.
  await db.schema.createIndex('exercise_debriefs_cell').unique().on('exercise_debriefs').columns(['exercise_id', 'cell_id']).execute();

  await db.schema
    .createTable('exercise_lessons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exercise_id', 'text', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('cell_id', 'text', (c) => c.references('exercise_cells.id').onDelete('set null'))
    // Null for an anonymous answer: nothing links it to its author.
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('realism', 'integer')
    .addColumn('usefulness', 'integer')
    .addColumn('went_well', 'text')
    .addColumn('lesson', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exercise_lessons_exercise').on('exercise_lessons').columns(['exercise_id', 'created_at']).execute();

  // A real incident (an `exercises` row of kind `incident`): its detection time, which starts the
  // three declaration clocks, the declaration's content and when each step was sent.
  await db.schema
    .createTable('exercise_incidents')
    .addColumn('exercise_id', 'text', (c) => c.primaryKey().references('exercises.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('early_warning_at', 'text')
    .addColumn('notification_at', 'text')
    .addColumn('final_report_at', 'text')
    // JSON `{ step: instant }` of the reminders already emailed.
    .addColumn('reminded_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The crisis kit of an organization: its roster and contacts as edited in the kit page, and when
  // the printable kit was last generated (dashboards flag a kit older than three months).
  await db.schema
    .createTable('crisis_kits')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('roster_json', 'text', (c) => c.notNull())
    .addColumn('contacts_json', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'text')
    .addColumn('generated_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exercise_incidents_org').on('exercise_incidents').columns(['organization_id', 'detected_at']).execute();
}

export async function down(db: Db): Promise<void> {
  for (const t of ['crisis_kits', 'exercise_incidents', 'exercise_lessons', 'exercise_debriefs']) await db.schema.dropTable(t).execute();
}
