import type { Kysely } from 'kysely';

// The register's search ignores accents and case ("elan" finds "Élan") like the staff directory:
// suppliers keep an accent-free, lower-cased copy of their name, written by the register on every
// save. Rows written before (none shipped) keep '' and are still found by their name as typed.
// Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('suppliers')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('suppliers').dropColumn('search_text').execute();
}
