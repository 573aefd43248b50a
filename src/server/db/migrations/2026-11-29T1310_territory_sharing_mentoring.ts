import { type Kysely, sql } from 'kysely';

// Issue 6: consent to share belongs to each member organization, per domain of data, and replaces
// the single territory_members.shares_data flag the coordinator used to set. Every membership that
// shared keeps sharing everything (the former flag meant "aggregates", all of them). The old column
// stays as a mirror of the 'training' domain for the views that still read it.
// Mentoring: mentors offered by lead organizations, pairings with a member, and their plan (goals,
// sessions). Instants ISO-8601 UTC text, calendar days YYYY-MM-DD (ADR 0002). Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
type Db = Kysely<any>;

const domains = ['maturity', 'training', 'phishing', 'suppliers', 'exercises', 'actions'];

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('territory_sharing')
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('shared_since', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.references('accounts.id'))
    .addPrimaryKeyConstraint('territory_sharing_pk', ['territory_id', 'domain', 'organization_id'])
    .execute();
  // An organization's own page lists its territories' flags.
  await db.schema.createIndex('territory_sharing_org').on('territory_sharing').columns(['organization_id']).execute();
  for (const domain of domains) {
    await db
      .insertInto('territory_sharing')
      .columns(['territory_id', 'organization_id', 'domain', 'shared_since', 'changed_by'])
      .expression(
        db
          .selectFrom('territory_members')
          .select(['territory_id', 'organization_id', sql.lit(domain).as('domain'), 'joined_at', sql.lit(null).as('changed_by')])
          .where('shares_data', '=', 1),
      )
      .execute();
  }

  await db.schema
    .createTable('mentors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentors_account').unique().on('mentors').columns(['territory_id', 'account_id']).execute();

  await db.schema
    .createTable('mentoring_pairings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('mentor_id', 'text', (c) => c.notNull().references('mentors.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('end_note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One active pairing per mentor and mentee; ended ones stay as history.
  await db.schema
    .createIndex('mentoring_pairings_active')
    .unique()
    .on('mentoring_pairings')
    .columns(['mentor_id', 'organization_id'])
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema.createIndex('mentoring_pairings_territory').on('mentoring_pairings').columns(['territory_id', 'ended_at']).execute();
  await db.schema.createIndex('mentoring_pairings_org').on('mentoring_pairings').columns(['organization_id']).execute();

  await db.schema
    .createTable('mentoring_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('mentoring_pairings.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentoring_goals_pairing').on('mentoring_goals').columns(['pairing_id']).execute();

  await db.schema
    .createTable('mentoring_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('mentoring_pairings.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_steps', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentoring_sessions_pairing').on('mentoring_sessions').columns(['pairing_id', 'held_on']).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('mentoring_sessions').execute();
  await db.schema.dropTable('mentoring_goals').execute();
  await db.schema.dropTable('mentoring_pairings').execute();
  await db.schema.dropTable('mentors').execute();
  await db.schema.dropTable('territory_sharing').execute();
}
