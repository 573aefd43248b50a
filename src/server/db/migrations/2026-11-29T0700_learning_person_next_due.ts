import { type Kysely, sql } from 'kysely';

// The earliest due date of each person's unfinished modules, kept in learning_person_stats by
// counters.recountPeople, so that the dashboard counts overdue people from the counters
// (next_due_at before now) instead of reading every late assignment. Filled here from the
// assignments with the same rule as the recount. Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('learning_person_stats').addColumn('next_due_at', 'text').execute();
  await sql`
    update learning_person_stats
    set next_due_at = (
      select min(a.due_at) from learning_assignments a
      where a.person_id = learning_person_stats.person_id and a.status <> 'completed'
    )
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('learning_person_stats').dropColumn('next_due_at').execute();
}
