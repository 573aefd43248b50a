import { sql, type Transaction } from 'kysely';
import type { Db, DialectName } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import { Conflict, Invalid } from '../../platform/errors.js';

/** A query runner: the database, or the transaction a use case runs in. */
export type Executor = Db | Transaction<Database>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const offsetOf = (page: number, pageSize: number): number => (page - 1) * pageSize;

/**
 * Serialises use cases that check an invariant before writing (last lead, last admin): on
 * PostgreSQL two transactions could otherwise both see "another one is left" and both remove.
 * SQLite transactions already run one at a time.
 */
export async function lockKey(trx: Executor, dialect: DialectName, key: string): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** Unique-constraint violations on both databases (a race the pre-check did not catch). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

// Deliberately simple: one @, no spaces, a dotted domain. Deliverability is the mail server's job.
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]{2,}$/;

/** Lower-cases and validates an email; the error names `field`. */
export function normalizeEmail(raw: string, field = 'email'): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) {
    throw new Invalid(
      'invalid_email',
      { fr: `Adresse e-mail invalide : « ${raw.trim()} ».`, en: `Invalid email address: "${raw.trim()}".` },
      field,
    );
  }
  return email;
}

export const emailTaken = (email: string): Conflict =>
  new Conflict(
    'email_taken',
    { fr: `L'adresse ${email} est déjà utilisée dans cet établissement.`, en: `${email} is already used in this organization.` },
    'email',
  );

/** Trims optional text; empty becomes null (a cleared form field). */
export const cleanText = (v: string | null | undefined): string | null => {
  if (v === undefined || v === null) return null;
  const t = v.trim();
  return t === '' ? null : t;
};
