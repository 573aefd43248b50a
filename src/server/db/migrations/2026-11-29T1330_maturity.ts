import type { Kysely } from 'kysely';

// Maturity diagnostics (issue 6). maturity_referentials keeps one row per published version of a
// referential, written once at start-up from content/maturity and never rewritten: a diagnostic
// references its row instead of copying 100 kB of JSON into every diagnostic, and that row is its
// frozen copy (a new version adds a row; the old one stays for the diagnostics made with it).
// maturity_diagnostics: answers, their provenance (answered, or pre-filled from Rempart's own
// figures with the figure and its date) and scores as JSON text. Instants ISO-8601 UTC text
// (ADR 0002). Design: docs/api-maturity.md. Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('maturity_referentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('referential_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('last_reviewed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('maturity_referentials_version', ['referential_id', 'version'])
    .execute();

  await db.schema
    .createTable('maturity_diagnostics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('referential_version_id', 'text', (c) => c.notNull().references('maturity_referentials.id'))
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('provenance', 'text', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('overall', 'integer')
    .addColumn('started_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  // The organization's list, newest first.
  await db.schema
    .createIndex('maturity_diagnostics_org_created')
    .on('maturity_diagnostics')
    .columns(['organization_id', 'created_at'])
    .execute();
  // The territory heatmap and trends: the last completed diagnostics of each member.
  await db.schema
    .createIndex('maturity_diagnostics_org_completed')
    .on('maturity_diagnostics')
    .columns(['organization_id', 'status', 'completed_at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('maturity_diagnostics').execute();
  await db.schema.dropTable('maturity_referentials').execute();
}
