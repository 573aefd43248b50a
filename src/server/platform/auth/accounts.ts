import type { Transaction } from 'kysely';
import type { Db } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import { newId } from '../ids.js';

type Executor = Db | Transaction<Database>;

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * Returns the account id for an email: the existing account (emails are stored lower-case),
 * else a new one, active, without password or second factor. Callers audit the creation.
 */
export async function provisionAccount(
  db: Executor,
  input: { email: string; displayName: string; personId: string | null; locale?: 'fr' | 'en' },
): Promise<string> {
  const email = normalizeEmail(input.email);
  const existing = await db.selectFrom('accounts').select(['id', 'person_id']).where('email', '=', email).executeTakeFirst();
  if (existing) {
    if (existing.person_id === null && input.personId !== null) {
      await db
        .updateTable('accounts')
        .set({ person_id: input.personId, updated_at: new Date().toISOString() })
        .where('id', '=', existing.id)
        .execute();
    }
    return existing.id;
  }
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('accounts')
    .values({
      id,
      email,
      display_name: input.displayName.trim() || email,
      person_id: input.personId,
      locale: input.locale ?? 'fr',
      password_hash: null,
      password_changed_at: null,
      totp_secret_enc: null,
      totp_pending_enc: null,
      totp_enabled_at: null,
      failed_attempts: 0,
      last_failed_at: null,
      locked_until: null,
      last_sign_in_at: null,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function findAccountByEmail(db: Executor, email: string) {
  return db.selectFrom('accounts').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export async function findAccountById(db: Executor, id: string) {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccountById>>>;

/**
 * The directory entry that may open an account for this email: an active person, the most
 * recently updated one when several organizations list the same address. Directory emails are
 * matched as typed and lower-cased (both use the people_email index).
 */
export async function findActivePersonByEmail(db: Executor, email: string) {
  const lower = normalizeEmail(email);
  const typed = email.trim();
  return db
    .selectFrom('people')
    .select(['id', 'organization_id', 'email', 'first_name', 'last_name'])
    .where((eb) => eb.or([eb('email', '=', lower), eb('email', '=', typed)]))
    .where('active', '=', 1)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The organization of the account's person, to file auth events in that organization's log. */
export async function organizationOfAccount(db: Executor, accountId: string): Promise<string | null> {
  const row = await db
    .selectFrom('accounts')
    .leftJoin('people', 'people.id', 'accounts.person_id')
    .select('people.organization_id')
    .where('accounts.id', '=', accountId)
    .executeTakeFirst();
  return row?.organization_id ?? null;
}
