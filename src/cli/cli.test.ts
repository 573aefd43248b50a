import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedDb } from '../../test/helpers/db.js';
import { makeOrg } from '../../test/helpers/factories.js';
import type { DbHandle } from '../server/db/index.js';
import { AuditLog } from '../server/platform/audit-log/audit-log.js';
import { verifyPassword } from '../server/platform/auth/password.js';
import { systemClock } from '../server/platform/clock.js';
import { createAdmin } from './admin.js';
import { runInit } from './commands/init.js';
import { cliActor } from './runtime.js';
import { disposeDb, urlOf } from './test-support.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'rempart.mjs');

/** The test's environment minus what Vitest adds (it sets BASE_URL='/' for Vite). */
function cliEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const { BASE_URL: _vite, ...rest } = process.env;
  return { ...rest, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' };
}

function rempart(args: string[], databaseUrl: string) {
  const res = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: cliEnv(databaseUrl),
    timeout: 60_000,
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

describe('rempart verify-audit (the real CLI)', () => {
  let dbh: DbHandle;
  beforeAll(async () => {
    dbh = await isolatedDb();
    const org = await makeOrg(dbh.db);
    const audit = new AuditLog(dbh.dialect, systemClock);
    for (let i = 1; i <= 4; i++) {
      await dbh.db
        .transaction()
        .execute((trx) =>
          audit.record(trx, cliActor, { action: 'org.updated', entityType: 'organization', organizationId: org.id, after: { i } }),
        );
    }
  });
  afterAll(async () => disposeDb(dbh));

  it('exits 0 with the number of entries, then 1 naming the first broken link', async () => {
    const url = await urlOf(dbh);
    const ok = rempart(['verify-audit'], url);
    expect(ok.out).toContain('OK: 4 audit log entries');
    expect(ok.code).toBe(0);

    if (dbh.dialect === 'postgres') await sql`alter table audit_log disable trigger audit_log_no_change`.execute(dbh.db);
    else await sql`drop trigger audit_log_no_update`.execute(dbh.db);
    await sql`update audit_log set actor_label = 'not the cli' where seq = 2`.execute(dbh.db);
    const broken = rempart(['verify-audit'], url);
    expect(broken.out).toContain('BROKEN at seq 2');
    expect(broken.out).toContain('hash_mismatch');
    expect(broken.code).toBe(1);
  });
});

describe('rempart create-admin', () => {
  let dbh: DbHandle;
  beforeAll(async () => {
    dbh = await isolatedDb();
  });
  afterAll(async () => disposeDb(dbh));

  it('refuses a password that fails the policy, with the field', async () => {
    const audit = new AuditLog(dbh.dialect, systemClock);
    await expect(
      createAdmin(dbh, audit, cliActor, { email: 'root@rempart.localhost', name: 'Root', password: 'short' }),
    ).rejects.toMatchObject({
      code: 'password_too_short',
      field: 'password',
    });
    await expect(
      createAdmin(dbh, audit, cliActor, { email: 'not-an-email', name: 'Root', password: 'une phrase de passe assez longue' }),
    ).rejects.toMatchObject({ field: 'email' });
    expect(await dbh.db.selectFrom('accounts').select('id').execute()).toHaveLength(0);
  });

  it('creates a platform administrator, audited as cli, and is idempotent', async () => {
    const url = await urlOf(dbh);
    const r = rempart(
      ['create-admin', '--email', 'Root@Rempart.localhost', '--name', 'Camille Root', '--password', 'une phrase de passe assez longue'],
      url,
    );
    expect(r.out).toContain('Created platform administrator root@rempart.localhost');
    expect(r.code).toBe(0);
    const account = await dbh.db.selectFrom('accounts').selectAll().where('email', '=', 'root@rempart.localhost').executeTakeFirstOrThrow();
    expect(await verifyPassword(account.password_hash ?? '', 'une phrase de passe assez longue')).toBe(true);
    expect(account.totp_enabled_at).toBeNull();
    const grants = await dbh.db.selectFrom('role_grants').selectAll().where('account_id', '=', account.id).execute();
    expect(grants.map((g) => [g.role, g.scope_kind, g.scope_id])).toEqual([['platform_admin', 'platform', '']]);

    const again = rempart(
      ['create-admin', '--email', 'root@rempart.localhost', '--name', 'Camille Root', '--password', 'une autre phrase assez longue'],
      url,
    );
    expect(again.out).toContain('Updated platform administrator');
    expect(await dbh.db.selectFrom('role_grants').select('id').where('account_id', '=', account.id).execute()).toHaveLength(1);

    const entries = await dbh.db.selectFrom('audit_log').select(['action', 'actor_label']).orderBy('seq').execute();
    expect(entries).toEqual([
      { action: 'account.created', actor_label: 'cli' },
      { action: 'grant.created', actor_label: 'cli' },
      { action: 'account.password_set', actor_label: 'cli' },
    ]);
  });

  it('reads the password from standard input when not given', async () => {
    const url = await urlOf(dbh);
    const res = spawnSync(process.execPath, [bin, 'create-admin', '--email', 'piped@rempart.localhost', '--name', 'Piped Admin'], {
      encoding: 'utf8',
      input: 'mot de passe lu sur stdin\n',
      env: cliEnv(url),
    });
    expect(res.status, res.stderr).toBe(0);
    const account = await dbh.db
      .selectFrom('accounts')
      .selectAll()
      .where('email', '=', 'piped@rempart.localhost')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(account.password_hash ?? '', 'mot de passe lu sur stdin')).toBe(true);
  });
});

describe('rempart init', () => {
  it('writes .env with a fresh SECRET_KEY once, and data/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rempart-init-'));
    const first = runInit({ dir });
    expect(first.wrote).toBe(true);
    const env = readFileSync(join(dir, '.env'), 'utf8');
    expect(env).toMatch(/^SECRET_KEY=[A-Za-z0-9_-]{40,}$/m);
    expect(env).toMatch(/^PORT=8080$/m);
    expect(existsSync(join(dir, 'data'))).toBe(true);
    const second = runInit({ dir });
    expect(second.wrote).toBe(false);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(env);
    // A key made by a first `npm start` is kept, so sealed secrets stay readable.
    const other = mkdtempSync(join(tmpdir(), 'rempart-init-'));
    mkdirSync(join(other, 'data'));
    writeFileSync(join(other, 'data', 'secret.key'), `${'k'.repeat(43)}\n`);
    expect(runInit({ dir: other }).reusedKey).toBe(true);
    expect(readFileSync(join(other, '.env'), 'utf8')).toContain(`SECRET_KEY=${'k'.repeat(43)}\n`);
    const r = rempart(['--help'], 'sqlite::memory:');
    expect(r.out).toContain('import-people');
    expect(r.out).toContain('verify-audit');
  });
});
