import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type DbHandle, openDatabase } from '../../src/server/db/index.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';

export const onPostgres = (): boolean => Boolean(process.env.TEST_DATABASE_URL?.startsWith('postgres'));

let migrated: Promise<unknown> | null = null;

/**
 * The suite's database. SQLite: a new file per call (cheap). PostgreSQL: the run's shared
 * database, migrated once per worker (the Migrator locks, so workers do not race).
 */
export async function testDb(): Promise<DbHandle> {
  if (onPostgres()) {
    const dbh = openDatabase(inject('pgUrl'));
    migrated ??= migrateToLatest(dbh.db);
    await migrated;
    return dbh;
  }
  const dir = mkdtempSync(join(tmpdir(), 'rempart-test-'));
  const dbh = openDatabase(`sqlite:${join(dir, 'test.sqlite')}`);
  await migrateToLatest(dbh.db);
  return dbh;
}

/**
 * A database of the test's own, for tests that break global invariants (tampering with the
 * audit chain). PostgreSQL: a fresh database created from the run's one.
 */
export async function isolatedDb(): Promise<DbHandle> {
  if (!onPostgres()) return testDb();
  const base = inject('pgUrl');
  const name = `rempart_iso_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const dbh = openDatabase(url.toString());
  await migrateToLatest(dbh.db);
  return dbh;
}
