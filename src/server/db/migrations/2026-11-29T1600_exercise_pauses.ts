import type { Kysely } from 'kysely';

// Each pause of an exercise, as [{ from, to }] in JSON: measured times (detection, alerts,
// declaration) count played time only, so a pause taken before a milestone must be known by its
// dates, not only by the total kept in paused_ms. Exercises paused before this column existed keep
// '[]' and their times include those pauses, as they did. Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('exercises')
    .addColumn('pauses', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('exercises').dropColumn('pauses').execute();
}
