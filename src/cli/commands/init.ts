import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { randomToken } from '../../server/platform/ids.js';

/** The .env template: every setting of src/server/config.ts, commented where the default is fine. */
export function envTemplate(secretKey: string): string {
  return `# Rempart settings (see README.md). Environment variables override this file.
PORT=8080
HOST=127.0.0.1
DATABASE_URL=sqlite:data/rempart.sqlite
# DATABASE_URL=postgres://rempart:password@127.0.0.1:5432/rempart
# Encrypts secrets at rest (TOTP seeds, SMTP and OIDC secrets): keep it safe, never change it.
SECRET_KEY=${secretKey}
# BASE_URL=https://rempart.example-hospital.localhost
# PUBLIC_PORT=8081
# PUBLIC_BASE_URL=https://tracking.example-hospital.localhost
# SMTP_URL=smtp://user:password@smtp.example-hospital.localhost:587
# MAIL_FROM=Rempart <no-reply@rempart.localhost>
# OIDC_ISSUER=https://sso.example-hospital.localhost/realms/staff
# OIDC_CLIENT_ID=rempart
# OIDC_CLIENT_SECRET=
# OIDC_LABEL=SSO
# TRUST_PROXY=false
# TLS=false
# SESSION_IDLE_MINUTES=30
# SESSION_ABSOLUTE_HOURS=12
# BODY_LIMIT_BYTES=1048576
# IMPORT_LIMIT_BYTES=67108864
# LOG_LEVEL=info
# DEMO=false
# WEB_DIST=dist/web
`;
}

/**
 * Writes .env (never over an existing file unless forced) and makes data/. The SECRET_KEY is the
 * key file a first `npm start` made (data/secret.key), so secrets sealed with it stay readable,
 * else a fresh one.
 */
export function runInit(opts: { force?: boolean; dir?: string } = {}): { wrote: boolean; path: string; reusedKey: boolean } {
  const dir = opts.dir ?? '.';
  const path = `${dir}/.env`;
  mkdirSync(`${dir}/data`, { recursive: true });
  const keyFile = `${dir}/data/secret.key`;
  const existingKey = existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : '';
  if (existsSync(path) && !opts.force) return { wrote: false, path, reusedKey: false };
  const reusedKey = existingKey.length >= 32;
  writeFileSync(path, envTemplate(reusedKey ? existingKey : randomToken(32)), { mode: 0o600 });
  return { wrote: true, path, reusedKey };
}

export function register(program: Command): void {
  program
    .command('init')
    .description('write a .env template with a generated SECRET_KEY and create data/ / crée .env et data/')
    .option('--force', 'overwrite an existing .env (a new SECRET_KEY makes stored secrets unreadable)')
    .action((opts: { force?: boolean }) => {
      const r = runInit(opts.force ? { force: true } : {});
      if (r.wrote) {
        const key = r.reusedKey ? 'SECRET_KEY taken from data/secret.key' : 'new SECRET_KEY';
        console.log(`Wrote ${r.path} (${key}) and data/. Edit ${r.path}, then: rempart migrate`);
      } else console.log(`${r.path} already exists: left untouched (use --force to replace it). data/ is ready.`);
    });
}
