import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import { searchKey } from './dialect.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  /** The raw better-sqlite3 handle, for hot write paths and backups (SQLite only). */
  sqlite?: SQLite.Database;
  /** PostgreSQL only: the connection string, for connections outside the pool (LISTEN). */
  url?: string;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*), bigint) as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/** Statements kept compiled; the least recently used one is dropped beyond this. */
const STATEMENT_CACHE_SIZE = 500;
/** Longer SQL (bulk inserts of many rows) is seldom run twice: not worth a place in the cache. */
const CACHEABLE_SQL_LENGTH = 8_000;

/**
 * The database as Kysely's SQLite driver sees it, with compiled statements kept between queries:
 * the driver prepares every query it runs, and compiling the SQL cost about as much as running it.
 * Safe because better-sqlite3 is synchronous and resets a statement after each run; a statement
 * still being iterated (a stream) is busy, so the same SQL then gets a statement of its own.
 * SQLite recompiles a kept statement by itself after a schema change (migrations).
 */
export function withStatementCache(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      const kept = statements.get(sql);
      if (kept) {
        if (kept.busy) return sqlite.prepare(sql);
        // Map order is insertion order: moving a used statement to the end keeps the LRU at the front.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const stmt = sqlite.prepare(sql);
      if (sql.length <= CACHEABLE_SQL_LENGTH) {
        if (statements.size >= size) statements.delete(statements.keys().next().value as string);
        statements.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/** Builds the single Kysely instance from DATABASE_URL (postgres://... or sqlite:path). */
export function openDatabase(url: string): DbHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', url, close: () => db.destroy() };
  }
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Accent-blind search on columns without a search_text (migration 2026-11-29T1200 is the PostgreSQL twin).
  sqlite.function('rempart_fold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? searchKey(v) : v));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}
