import type { Kysely } from 'kysely';

// Uploaded staff directory files, kept so the admin can map columns, preview (dry run) and
// apply in separate requests, and so past imports stay listed with their summaries.
// Written against Kysely<any> and never importing app code: migrations are frozen.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('people_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('delimiter', 'text', (c) => c.notNull())
    // The decoded text (not the raw bytes): every later step re-parses it the same way.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull()) // uploaded | applied
    .addColumn('mode', 'text') // partial | full, once applied
    .addColumn('mapping', 'text')
    .addColumn('summary', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .execute();
  await db.schema.createIndex('people_imports_org_created').on('people_imports').columns(['organization_id', 'created_at']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('people_imports').ifExists().execute();
}
