import { existsSync, readFileSync } from 'node:fs';
import { type Config, loadConfig } from '../server/config.js';
import { type DbHandle, openDatabase } from '../server/db/index.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { type AuditActor, AuditLog } from '../server/platform/audit-log/audit-log.js';
import { systemClock } from '../server/platform/clock.js';

/** Every change the CLI makes is filed under this actor in the audit log. */
export const cliActor: AuditActor = { accountId: null, label: 'cli', ip: null };

export interface CliEnv {
  config: Config;
  dbh: DbHandle;
  audit: AuditLog;
  out: (line: string) => void;
}

/**
 * Reads KEY=VALUE lines of a .env file into process.env without overriding what the
 * environment already sets (so `PORT=9000 rempart ...` still wins over the file).
 */
export function loadDotEnv(path = '.env'): void {
  if (!existsSync(path)) return;
  for (const raw of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) value = value.slice(1, -1);
    if (process.env[key] === undefined) process.env[key] = value;
  }
}

/** Opens the configured database (migrated unless told otherwise), runs `fn`, always closes. */
export async function withDatabase<T>(fn: (env: CliEnv) => Promise<T>, opts: { migrate?: boolean; databaseUrl?: string } = {}): Promise<T> {
  const config = loadConfig();
  const dbh = openDatabase(opts.databaseUrl ?? config.DATABASE_URL);
  try {
    if (opts.migrate !== false) await migrateToLatest(dbh.db);
    return await fn({ config, dbh, audit: new AuditLog(dbh.dialect, systemClock), out: (line) => console.log(line) });
  } finally {
    await dbh.close();
  }
}

/** A readable message for any thrown value (domain errors carry French and English texts). */
export function describeError(err: unknown): string {
  if (err && typeof err === 'object' && 'text' in err) {
    const text = (err as { text: { fr: string; en: string } }).text;
    return `${text.fr} / ${text.en}`;
  }
  return err instanceof Error ? err.message : String(err);
}
