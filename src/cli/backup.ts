import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, Migrator, sql, type Transaction } from 'kysely';
import type { DbHandle, DialectName } from '../server/db/index.js';
import { FolderMigrationProvider, migrateToLatest } from '../server/db/migrate.js';
import { type AuditActor, AuditLog, type VerifyResult, verifyAuditChain } from '../server/platform/audit-log/audit-log.js';
import { systemClock } from '../server/platform/clock.js';

/**
 * Portable backup (ADR 0006): a gzip file of JSON lines. Line 1 is the header (format, the
 * migrations the data was written under, the tables), then for each table in dependency order
 * a `{ "table", "columns" }` line followed by one JSON array per row, then a trailer with the
 * row counts (a truncated file is detected). Values are the stored ones (text, numbers, null),
 * so the same file restores on SQLite and PostgreSQL, and the audit chain, whose hashes cover
 * the stored values, stays verifiable.
 */

export const BACKUP_FORMAT = 'rempart-backup';
export const BACKUP_VERSION = 1;

// biome-ignore lint/suspicious/noExplicitAny: backup and restore work on whatever tables exist.
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyExec = AnyDb | Transaction<any>;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  dialect: DialectName;
  migrations: string[];
  tables: string[];
}

interface TableSection {
  table: string;
  columns: string[];
}

interface Trailer {
  end: true;
  rows: Record<string, number>;
}

const INTERNAL = new Set(['kysely_migration', 'kysely_migration_lock']);

async function tableNames(db: AnyExec, dialect: DialectName): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.rows.map((r) => r.name).filter((n) => !INTERNAL.has(n));
}

async function foreignKeys(db: AnyExec, dialect: DialectName, tables: string[]): Promise<Array<{ from: string; to: string }>> {
  if (dialect === 'sqlite') {
    const out: Array<{ from: string; to: string }> = [];
    for (const t of tables) {
      const r = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${t})`.execute(db);
      for (const fk of r.rows) out.push({ from: t, to: fk.table });
    }
    return out;
  }
  const r = await sql<{ from: string; to: string }>`select distinct tc.table_name as "from", ccu.table_name as "to"
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu
        on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
  return r.rows;
}

/** Tables ordered so that every table comes after the tables it references. */
export async function tablesInDependencyOrder(db: AnyExec, dialect: DialectName): Promise<string[]> {
  const tables = (await tableNames(db, dialect)).sort();
  const deps = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of await foreignKeys(db, dialect, tables)) {
    if (fk.from !== fk.to && deps.has(fk.to)) deps.get(fk.from)?.add(fk.to);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...(deps.get(t) ?? [])].every((d) => placed.has(d)));
    // A reference cycle (none today): place the rest alphabetically rather than loop forever.
    const next = ready.length > 0 ? ready : tables.filter((t) => !placed.has(t)).slice(0, 1);
    for (const t of next) {
      placed.add(t);
      ordered.push(t);
    }
  }
  return ordered;
}

async function columnsOf(db: AnyExec, dialect: DialectName, table: string): Promise<{ columns: string[]; primaryKey: string[] }> {
  if (dialect === 'sqlite') {
    const r = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table}) order by cid`.execute(db);
    return {
      columns: r.rows.map((c) => c.name),
      primaryKey: r.rows
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
    };
  }
  const cols = await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  const pk = await sql<{ name: string }>`select kcu.column_name as name
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.constraint_schema = tc.constraint_schema
      where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema() and tc.table_name = ${table}
      order by kcu.ordinal_position`.execute(db);
  return { columns: cols.rows.map((c) => c.name), primaryKey: pk.rows.map((c) => c.name) };
}

function encodeValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return { $bytes: Buffer.from(v).toString('base64') };
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return Number(v);
  return v;
}

function decodeValue(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { $bytes?: unknown }).$bytes === 'string') {
    return Buffer.from((v as { $bytes: string }).$bytes, 'base64');
  }
  return v;
}

async function executedMigrations(dbh: DbHandle): Promise<string[]> {
  const migrator = new Migrator({ db: dbh.db, provider: new FolderMigrationProvider() });
  const infos = await migrator.getMigrations();
  return infos.filter((m) => m.executedAt !== undefined).map((m) => m.name);
}

export interface BackupResult {
  file: string;
  tables: number;
  rows: number;
}

/** Writes every table of the database to `file` (gzip JSON lines), from one consistent snapshot. */
export async function backupDatabase(dbh: DbHandle, file: string, opts: { pageSize?: number } = {}): Promise<BackupResult> {
  const pageSize = opts.pageSize ?? 5000;
  const migrations = await executedMigrations(dbh);
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (chunk: string) => {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  const db = dbh.db as unknown as AnyDb;
  const dump = async (trx: Transaction<unknown>) => {
    const tx = trx as unknown as AnyExec;
    const tables = await tablesInDependencyOrder(tx, dbh.dialect);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      dialect: dbh.dialect,
      migrations,
      tables,
    };
    await write(`${JSON.stringify(header)}\n`);
    for (const table of tables) {
      const { columns, primaryKey } = await columnsOf(tx, dbh.dialect, table);
      const section: TableSection = { table, columns };
      await write(`${JSON.stringify(section)}\n`);
      const orderBy = primaryKey.length > 0 ? primaryKey : columns;
      let n = 0;
      for (let offset = 0; ; offset += pageSize) {
        let q = tx.selectFrom(table).select(columns);
        for (const c of orderBy) q = q.orderBy(c);
        const rows = (await q.limit(pageSize).offset(offset).execute()) as Array<Record<string, unknown>>;
        let chunk = '';
        for (const r of rows) chunk += `${JSON.stringify(columns.map((c) => encodeValue(r[c])))}\n`;
        if (chunk) await write(chunk);
        n += rows.length;
        if (rows.length < pageSize) break;
      }
      counts[table] = n;
    }
    const trailer: Trailer = { end: true, rows: counts };
    await write(`${JSON.stringify(trailer)}\n`);
  };
  try {
    if (dbh.dialect === 'postgres') await db.transaction().setIsolationLevel('repeatable read').execute(dump);
    else await db.transaction().execute(dump);
  } finally {
    gzip.end();
    await finished(out);
  }
  return { file, tables: Object.keys(counts).length, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
}

/** True when no table (other than the migration bookkeeping) holds a row. */
export async function isDatabaseEmpty(dbh: DbHandle): Promise<boolean> {
  const db = dbh.db as unknown as AnyDb;
  for (const t of await tableNames(db, dbh.dialect)) {
    const row = await db.selectFrom(t).select(sql`1`.as('one')).limit(1).executeTakeFirst();
    if (row) return false;
  }
  return true;
}

/** Empties every table, the append-only audit log included (its guard triggers are lifted for this only). */
async function emptyDatabase(dbh: DbHandle): Promise<void> {
  const db = dbh.db as unknown as AnyDb;
  await db.transaction().execute(async (trx) => {
    const tables = (await tablesInDependencyOrder(trx, dbh.dialect)).reverse();
    if (dbh.dialect === 'postgres') {
      for (const t of tables) await sql`alter table ${sql.table(t)} disable trigger user`.execute(trx);
      for (const t of tables) await trx.deleteFrom(t).execute();
      for (const t of tables) await sql`alter table ${sql.table(t)} enable trigger user`.execute(trx);
      return;
    }
    const triggers = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger'`.execute(trx);
    for (const tr of triggers.rows) await sql`drop trigger ${sql.id(tr.name)}`.execute(trx);
    for (const t of tables) await trx.deleteFrom(t).execute();
    for (const tr of triggers.rows) await sql.raw(tr.sql).execute(trx);
  });
}

async function* readLines(file: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) if (line.length > 0) yield line;
}

export interface RestoreResult {
  tables: number;
  rows: number;
  from: BackupHeader;
  verify: VerifyResult;
}

export class RestoreRefused extends Error {}

/**
 * Loads a backup into this database: migrates it to the backup's schema level, inserts every
 * row as stored, then migrates to the latest schema (so an older backup restores into a newer
 * Rempart) and appends a `backup.restored` entry to the audit chain it restored.
 * Refuses a database that holds data unless `force`, which empties it first.
 */
export async function restoreDatabase(
  dbh: DbHandle,
  file: string,
  actor: AuditActor,
  opts: { force?: boolean } = {},
): Promise<RestoreResult> {
  const lines = readLines(file);
  const first = await lines.next();
  let header: BackupHeader;
  try {
    header = JSON.parse(first.done ? '' : first.value) as BackupHeader;
  } catch {
    throw new RestoreRefused(`${file} is not a Rempart backup (unreadable header).`);
  }
  if (header.format !== BACKUP_FORMAT) throw new RestoreRefused(`${file} is not a Rempart backup.`);
  if (header.version > BACKUP_VERSION) throw new RestoreRefused(`Backup format ${header.version} is newer than this Rempart understands.`);

  const provider = new FolderMigrationProvider();
  const available = await provider.getMigrations();
  const unknown = header.migrations.filter((m) => !(m in available));
  if (unknown.length > 0)
    throw new RestoreRefused(`The backup comes from a newer Rempart (unknown migrations: ${unknown.join(', ')}). Upgrade first.`);
  const target = header.migrations[header.migrations.length - 1];
  if (!target) throw new RestoreRefused('The backup lists no migration.');

  const executed = await executedMigrations(dbh);
  const behind = executed.every((m, i) => header.migrations[i] === m);
  const ahead = !behind && header.migrations.every((m, i) => executed[i] === m);
  if (!behind && !ahead) throw new RestoreRefused('The database and the backup have diverging migration histories.');
  if (ahead) {
    const undo = executed.slice(header.migrations.length);
    const missingDown = undo.filter((m) => !available[m]?.down);
    if (missingDown.length > 0) {
      throw new RestoreRefused(
        `The database is at a newer schema and ${missingDown.join(', ')} cannot be undone: restore into a new database.`,
      );
    }
  }

  if (!(await isDatabaseEmpty(dbh))) {
    if (!opts.force)
      throw new RestoreRefused('The database is not empty: restore into an empty database, or pass --force to replace its content.');
    await emptyDatabase(dbh);
  }

  const migrator = new Migrator({ db: dbh.db, provider });
  const moved = await migrator.migrateTo(target);
  if (moved.error) throw moved.error instanceof Error ? moved.error : new Error(String(moved.error));

  const db = dbh.db as unknown as AnyDb;
  const counts: Record<string, number> = {};
  let trailer: Trailer | null = null;
  try {
    await loadRows();
  } catch (err) {
    // Nothing was loaded (one transaction): bring the schema back to the latest level.
    await migrateToLatest(dbh.db);
    throw err;
  }

  async function loadRows(): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const known = new Set(await tableNames(trx, dbh.dialect));
      let section: TableSection | null = null;
      let batch: Array<Record<string, unknown>> = [];
      let batchSize = 500;
      const flush = async () => {
        if (section && batch.length > 0) await trx.insertInto(section.table).values(batch).execute();
        batch = [];
      };
      for await (const line of lines) {
        const value = JSON.parse(line) as unknown;
        if (Array.isArray(value)) {
          if (!section) throw new RestoreRefused('Corrupt backup: a row before any table.');
          const cols = section.columns;
          const row: Record<string, unknown> = {};
          for (let i = 0; i < cols.length; i++) row[cols[i] as string] = decodeValue(value[i]);
          batch.push(row);
          counts[section.table] = (counts[section.table] ?? 0) + 1;
          if (batch.length >= batchSize) await flush();
          continue;
        }
        const obj = value as Partial<TableSection & Trailer>;
        await flush();
        if (obj.end) {
          trailer = obj as Trailer;
          break;
        }
        if (!obj.table || !Array.isArray(obj.columns)) throw new RestoreRefused('Corrupt backup: unexpected line.');
        if (!known.has(obj.table)) throw new RestoreRefused(`The backup holds table ${obj.table}, which this schema lacks.`);
        section = { table: obj.table, columns: obj.columns };
        counts[obj.table] = 0;
        // Stay far below the bound-parameter limits (SQLite 32,766; PostgreSQL 65,535).
        batchSize = Math.max(1, Math.min(1000, Math.floor(20_000 / Math.max(1, obj.columns.length))));
      }
      const end = trailer as Trailer | null;
      if (!end) throw new RestoreRefused('The backup is truncated (no trailer): nothing was restored.');
      for (const [t, n] of Object.entries(end.rows)) {
        if ((counts[t] ?? 0) !== n) throw new RestoreRefused(`The backup is inconsistent: ${t} has ${counts[t] ?? 0} rows, ${n} expected.`);
      }
    });
  }

  await migrateToLatest(dbh.db);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  const audit = new AuditLog(dbh.dialect, systemClock);
  await dbh.db.transaction().execute((trx) =>
    audit.record(trx, actor, {
      action: 'backup.restored',
      entityType: 'database',
      after: {
        file: basename(file),
        backupCreatedAt: header.createdAt,
        fromDialect: header.dialect,
        tables: Object.keys(counts).length,
        rows,
      },
    }),
  );
  return { tables: Object.keys(counts).length, rows, from: header, verify: await verifyAuditChain(dbh.db) };
}
