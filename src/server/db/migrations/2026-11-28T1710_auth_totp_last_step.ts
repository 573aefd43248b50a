import type { Kysely } from 'kysely';

// The last TOTP time step accepted for an account, so the same code cannot be replayed within
// its validity window. Written against Kysely<any> and never importing app code: frozen.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('totp_last_step', 'integer').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('totp_last_step').execute();
}
