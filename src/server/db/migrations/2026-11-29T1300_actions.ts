import type { Kysely } from 'kysely';

// One action plan per organization (issue 6): actions created by hand or fed by a source
// (diagnostic recommendation, provider audit finding, exercise lesson, incident), their notes and
// evidence files. A sourced action exists once per source: the unique index on
// (organization_id, source_kind, source_id) lets feeds upsert; manual actions keep source_id
// NULL, which both SQLite and PostgreSQL leave out of uniqueness. Calendar dates "YYYY-MM-DD",
// instants ISO-8601 UTC text (ADR 0002). Design: docs/api-actions.md. Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('source_label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_link', 'text')
    .addColumn('owner_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('owner_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due_on', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('reminded_at', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('actions_source').unique().on('actions').columns(['organization_id', 'source_kind', 'source_id']).execute();
  // The list (by status, then due date) and the roll-up (counts per organization and status).
  await db.schema.createIndex('actions_org_status_due').on('actions').columns(['organization_id', 'status', 'due_on']).execute();
  // The reminder job looks for open actions due soon, across organizations.
  await db.schema.createIndex('actions_due').on('actions').columns(['due_on', 'status']).execute();
  await db.schema.createIndex('actions_owner').on('actions').columns(['owner_account_id']).execute();

  await db.schema
    .createTable('action_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id'))
    .addColumn('author_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_notes_action').on('action_notes').columns(['action_id', 'created_at']).execute();

  await db.schema
    .createTable('action_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_evidence_action').on('action_evidence').columns(['action_id']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('action_evidence').execute();
  await db.schema.dropTable('action_notes').execute();
  await db.schema.dropTable('actions').execute();
}
