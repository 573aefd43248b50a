import type { Kysely } from 'kysely';

// The shared library of a territory (issue 6): resources (procedures, reflex sheets, templates...)
// with immutable versions holding Markdown and/or a file kept in the evidence store, and one row
// per tag for the filter. starter_key marks resources copied from our starter set: the unique
// index on (territory_id, starter_key) makes seeding idempotent (NULLs stay out of uniqueness on
// both SQLite and PostgreSQL). Times ISO-8601 UTC text (ADR 0002). Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('territory_library_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('current_version', 'integer')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', 'text')
    .addColumn('starter_key', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('territory_library_starter')
    .unique()
    .on('territory_library_resources')
    .columns(['territory_id', 'starter_key'])
    .execute();
  // The list: a territory's live resources, most recently changed first.
  await db.schema
    .createIndex('territory_library_list')
    .on('territory_library_resources')
    .columns(['territory_id', 'archived', 'updated_at'])
    .execute();

  await db.schema
    .createTable('territory_library_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resource_id', 'text', (c) => c.notNull().references('territory_library_resources.id'))
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body_md', 'text')
    .addColumn('file_name', 'text')
    .addColumn('media_type', 'text')
    .addColumn('size', 'integer')
    .addColumn('sha256', 'text')
    .addColumn('storage_key', 'text')
    .addColumn('change_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('territory_library_versions_number')
    .unique()
    .on('territory_library_versions')
    .columns(['resource_id', 'version'])
    .execute();

  await db.schema
    .createTable('territory_library_tags')
    .addColumn('resource_id', 'text', (c) => c.notNull().references('territory_library_resources.id'))
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('territory_library_tags_pk', ['resource_id', 'tag'])
    .execute();
  await db.schema.createIndex('territory_library_tags_by_tag').on('territory_library_tags').columns(['territory_id', 'tag']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('territory_library_tags').execute();
  await db.schema.dropTable('territory_library_versions').execute();
  await db.schema.dropTable('territory_library_resources').execute();
}
