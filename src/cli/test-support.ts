import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import type { DbHandle } from '../server/db/index.js';

/** The DATABASE_URL that reaches the same database as `dbh`, for running the real CLI on it. */
export async function urlOf(dbh: DbHandle): Promise<string> {
  if (dbh.dialect === 'sqlite') return `sqlite:${dbh.sqlite?.name ?? ''}`;
  const r = await sql<{ name: string }>`select current_database() as name`.execute(dbh.db);
  const url = new URL(inject('pgUrl'));
  url.pathname = `/${r.rows[0]?.name ?? ''}`;
  return url.toString();
}

/** Closes a database made by isolatedDb() and, on PostgreSQL, drops it so runs leave nothing behind. */
export async function disposeDb(dbh: DbHandle): Promise<void> {
  const name =
    dbh.dialect === 'postgres' ? (await sql<{ name: string }>`select current_database() as name`.execute(dbh.db)).rows[0]?.name : null;
  await dbh.close();
  if (!name?.startsWith('rempart_iso_')) return;
  const c = new pg.Client({ connectionString: inject('pgUrl') });
  await c.connect();
  try {
    await c.query(`drop database if exists ${name} with (force)`);
  } finally {
    await c.end();
  }
}
