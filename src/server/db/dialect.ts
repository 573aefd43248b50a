/**
 * Cross-dialect conventions, in one place (ADR 0002):
 * - ids are UUIDv7 text; times are ISO-8601 UTC text; booleans are integers 0/1;
 * - JSON is stored as text and parsed here;
 * - counts are cast with Number() because PostgreSQL may return them as strings.
 */
import { sql } from 'kysely';
import { newId } from '../platform/ids.js';
import type { DialectName } from './index.js';

export type Bool01 = 0 | 1;

export const toBool01 = (v: boolean): Bool01 => (v ? 1 : 0);
export const fromBool01 = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;

export const toJson = (v: unknown): string => JSON.stringify(v ?? null);
export function fromJson<T>(v: string | null | undefined, fallback: T): T {
  if (v === null || v === undefined || v === '') return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}

export const toCount = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Lower-cased, accent-free text for portable case-insensitive LIKE searches. */
export function searchKey(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .join(' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Escapes LIKE wildcards in user input; pair with `escape '\\'`. */
export const likePattern = (q: string): string => `%${searchKey(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
export const likeEscape = sql`'\\'`;

/**
 * A UUIDv7-shaped id made by the database for each row of a set-based insert: the time part comes
 * from one id made here (rows of one batch sort together), the random part from the database.
 * Dialect-specific on purpose: neither SQLite nor PostgreSQL makes a UUIDv7 itself.
 */
export function rowIdSql(dialect: DialectName) {
  const prefix = newId().slice(0, 19); // tttttttt-tttt-7rrr-
  const hex = dialect === 'postgres' ? sql`replace(gen_random_uuid()::text, '-', '')` : sql`lower(hex(randomblob(8)))`;
  return sql<string>`cast(${prefix} as text) || '8' || substr(${hex}, 1, 3) || '-' || substr(${hex}, 4, 12)`;
}
