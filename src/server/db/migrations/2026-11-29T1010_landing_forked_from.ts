import type { Kysely } from 'kysely';

// Landing pages remember the page they were forked from, like templates do, so that the library
// can show where an organization's copy came from. Older forks stay null. Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('phishing_landing_pages').addColumn('forked_from', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('phishing_landing_pages').dropColumn('forked_from').execute();
}
