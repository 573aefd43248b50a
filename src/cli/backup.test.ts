import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedDb } from '../../test/helpers/db.js';
import { type DbHandle, openDatabase } from '../server/db/index.js';
import { verifyAuditChain } from '../server/platform/audit-log/audit-log.js';
import { backupDatabase, isDatabaseEmpty, RestoreRefused, restoreDatabase, tablesInDependencyOrder } from './backup.js';
import { seedDemo } from './demo.js';
import { cliActor } from './runtime.js';
import { disposeDb } from './test-support.js';

async function counts(dbh: DbHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tablesInDependencyOrder(dbh.db, dbh.dialect)) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(dbh.db);
    out[t] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

describe('portable backup and restore', () => {
  let source: DbHandle;
  const dir = mkdtempSync(join(tmpdir(), 'rempart-backup-'));
  const file = join(dir, 'backup.jsonl.gz');
  const handles: DbHandle[] = [];

  beforeAll(async () => {
    source = await isolatedDb();
    await seedDemo(source, cliActor);
    // Accents, quotes, line breaks and JSON text survive the trip.
    await source.db
      .updateTable('organizations')
      .set({ city: 'Saint-Étienne-du-Rouvray "Nord"\nbâtiment B' })
      .where('kind', '=', 'ehpad')
      .execute();
  });
  afterAll(async () => {
    for (const h of handles) await disposeDb(h);
    await disposeDb(source);
  });

  it('orders tables after the tables they reference', async () => {
    const order = await tablesInDependencyOrder(source.db, source.dialect);
    const precedes = (a: string, b: string) => expect(order.indexOf(a), `${a} before ${b}`).toBeLessThan(order.indexOf(b));
    precedes('organizations', 'people');
    precedes('people', 'accounts');
    precedes('accounts', 'role_grants');
    precedes('territories', 'territory_members');
    expect(order).not.toContain('kysely_migration');
  });

  it('restores every row into an empty database, keeps the audit chain verifiable, and audits the restore', async () => {
    const backup = await backupDatabase(source, file, { pageSize: 700 });
    expect(backup.rows).toBeGreaterThan(3000);
    const target = await isolatedDb();
    handles.push(target);
    expect(await isDatabaseEmpty(target)).toBe(true);
    const result = await restoreDatabase(target, file, cliActor);
    expect(result.rows).toBe(backup.rows);
    expect(result.verify.ok).toBe(true);

    const want = await counts(source);
    const got = await counts(target);
    expect({ ...got, audit_log: got.audit_log ?? 0 }).toEqual({ ...want, audit_log: (want.audit_log ?? 0) + 1 });
    const city = await target.db.selectFrom('organizations').select('city').where('kind', '=', 'ehpad').executeTakeFirstOrThrow();
    expect(city.city).toBe('Saint-Étienne-du-Rouvray "Nord"\nbâtiment B');
    const last = await target.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'backup.restored', actor_label: 'cli' });
    // The append-only guard is in place after the restore.
    await expect(sql`update audit_log set actor_label = 'x' where seq = 1`.execute(target.db)).rejects.toThrow(/append-only/);

    // Refuses a database that holds data; --force replaces it.
    await expect(restoreDatabase(target, file, cliActor)).rejects.toBeInstanceOf(RestoreRefused);
    const forced = await restoreDatabase(target, file, cliActor, { force: true });
    expect(forced.verify).toMatchObject({ ok: true });
    expect(await counts(target)).toEqual(got);
    await expect(sql`delete from audit_log where seq = 1`.execute(target.db)).rejects.toThrow(/append-only/);
  });

  it('restores into a brand-new, unmigrated SQLite file (from either database)', async () => {
    const target = openDatabase(`sqlite:${join(dir, 'fresh.sqlite')}`);
    handles.push(target);
    const result = await restoreDatabase(target, file, cliActor);
    expect(result.verify.ok).toBe(true);
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    const people = await target.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(people.n)).toBeGreaterThan(2900);
  });

  it('refuses a truncated or foreign file and restores nothing', async () => {
    const target = await isolatedDb();
    handles.push(target);
    const lines = gzipSync(
      `${JSON.stringify({ format: 'rempart-backup', version: 1, createdAt: 'x', dialect: 'sqlite', migrations: ['2026-11-28T1700_foundation'], tables: ['organizations'] })}\n` +
        `${JSON.stringify({ table: 'organizations', columns: ['id', 'name', 'kind', 'search_text', 'archived', 'created_at', 'updated_at'] })}\n` +
        `${JSON.stringify(['o1', 'Org', 'ch', 'org', 0, 'now', 'now'])}\n`,
    );
    const truncated = join(dir, 'truncated.jsonl.gz');
    writeFileSync(truncated, lines);
    await expect(restoreDatabase(target, truncated, cliActor)).rejects.toThrow(/truncated/);
    expect(await isDatabaseEmpty(target)).toBe(true);
    // The schema is back at the latest level after the failed attempt.
    expect(await tablesInDependencyOrder(target.db, target.dialect)).toContain('people_imports');

    const foreign = join(dir, 'foreign.gz');
    writeFileSync(foreign, gzipSync('{"hello":"world"}\n'));
    await expect(restoreDatabase(target, foreign, cliActor)).rejects.toThrow(/not a Rempart backup/);
  });
});
