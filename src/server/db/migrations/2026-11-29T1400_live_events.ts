import { type Kysely, PostgresAdapter } from 'kysely';

// live_events: the durable log behind live pages (exercise console, players' space). The id is a
// database counter, not a UUIDv7: it must follow commit order (see platform/live/hub.ts and ADR
// 0008), which a clock read in several processes cannot promise. Readers ask for
// "the events of these topics after id N", hence (topic, id). Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('live_events')
    .addColumn('id', postgres ? 'bigint' : 'integer', (c) =>
      postgres ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_events_topic').on('live_events').columns(['topic', 'id']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('live_events').execute();
}
