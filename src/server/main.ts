import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildApp } from './app.js';
import { baseUrl, type Config, loadConfig } from './config.js';
import { openDatabase } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';
import { randomToken } from './platform/ids.js';
import { type Mailer, OutboxMailer, SmtpMailer } from './platform/mail/mailer.js';

/** SECRET_KEY from the environment; for a single-machine install, a key file made on first run. */
export function resolveSecretKey(config: Config): string {
  if (config.SECRET_KEY) return config.SECRET_KEY;
  const path = 'data/secret.key';
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const key = randomToken(32);
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return key;
}

export function makeMailer(config: Config): Mailer {
  return config.SMTP_URL ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM) : new OutboxMailer((line) => console.log(line));
}

export async function main(): Promise<void> {
  const config = loadConfig();
  const dbh = openDatabase(config.DATABASE_URL);
  await migrateToLatest(dbh.db);
  const { app } = await buildApp({ config, dbh, mailer: makeMailer(config), secretKey: resolveSecretKey(config) });
  const demo = config.DEMO ? await import('../cli/demo.js') : null;
  if (demo) await demo.seedDemoIfEmpty(dbh, (line) => console.log(line));
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`\nRempart is running at ${baseUrl(config)}  (database: ${dbh.dialect})\n`);
  if (demo) for (const line of await demo.demoSignIns(dbh, baseUrl(config))) console.log(line);
  const stop = async () => {
    await app.close();
    await dbh.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
