/**
 * Benchmark: import of 100,000 staff rows (Windows-1252, semicolon, French headers, quoted
 * multi-line cells) through the same service as the API: upload (decode, parse, store) then
 * apply (re-parse, load existing people, validate and plan, write in one transaction).
 * Runs on a fresh SQLite file, and on PostgreSQL when BENCH_DATABASE_URL is set.
 *
 *   npx tsx bench/import-people.ts [rows]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchKey } from '../src/server/db/dialect.js';
import { type DbHandle, openDatabase } from '../src/server/db/index.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { DirectoryImportService } from '../src/server/modules/identity/import/service.js';
import { AuditLog } from '../src/server/platform/audit-log/audit-log.js';
import { systemClock } from '../src/server/platform/clock.js';
import { systemContext } from '../src/server/platform/context.js';
import { newId } from '../src/server/platform/ids.js';
import { generateHrCsv } from './gen-hr-csv.js';

const rows = Number(process.argv[2] ?? 100_000);
const s = (ms: number) => (ms / 1000).toFixed(2);

async function run(label: string, dbh: DbHandle, bytes: Buffer): Promise<void> {
  await migrateToLatest(dbh.db);
  const orgId = newId();
  const now = new Date().toISOString();
  const name = `CHU Bench ${orgId.slice(-6)}`;
  await dbh.db
    .insertInto('organizations')
    .values({
      id: orgId,
      name,
      short_name: null,
      kind: 'chu',
      siret: null,
      city: 'Rouen',
      search_text: searchKey(name),
      archived: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const service = new DirectoryImportService({ dbh, audit: new AuditLog(dbh.dialect, systemClock), clock: systemClock });
  const ctx = systemContext('bench');

  const t0 = performance.now();
  const up = await service.upload(orgId, ctx, { filename: 'sirh-export.csv', bytes });
  const uploadMs = performance.now() - t0;
  const first = await service.apply(orgId, up.id, { mapping: up.suggestedMapping, mode: 'full' }, ctx);
  const totalMs = performance.now() - t0;
  const again = await service.apply(orgId, up.id, { mapping: up.suggestedMapping, mode: 'full' }, ctx);

  const p = first.phases;
  console.log(`\n[${label}] ${rows} rows, ${(bytes.length / 1_048_576).toFixed(1)} MiB`);
  console.log(`  upload (decode + parse + store)   ${s(uploadMs)} s`);
  console.log(`  apply: parse stored text          ${s(p.parseMs)} s`);
  console.log(`  apply: load people + validate     ${s(p.planMs)} s`);
  console.log(`  apply: write (one transaction)    ${s(p.writeMs)} s`);
  console.log(`  total upload + apply              ${s(totalMs)} s  -> ${Math.round(rows / (totalMs / 1000))} rows/s`);
  console.log(`  result: created ${first.summary.toCreate}, updated ${first.summary.toUpdate}, errors ${first.summary.errorCount}`);
  console.log(
    `  re-apply (idempotent)             ${s(again.phases.totalMs)} s  (created ${again.summary.toCreate}, updated ${again.summary.toUpdate}, unchanged ${again.summary.unchanged})`,
  );
  if (first.summary.toCreate !== rows || first.summary.errorCount !== 0) throw new Error('benchmark import did not create every row');
  if (again.summary.toCreate + again.summary.toUpdate !== 0) throw new Error('re-apply was not idempotent');
}

const gen0 = performance.now();
const file = generateHrCsv({ rows, encoding: 'windows-1252', delimiter: ';', language: 'fr', multilineEvery: 100, seed: 2026 });
console.log(`Import benchmark: node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} x${availableParallelism()}`);
console.log(`generated ${rows} rows in ${s(performance.now() - gen0)} s (not counted)`);

const dir = mkdtempSync(join(tmpdir(), 'rempart-bench-'));
const sqlite = openDatabase(`sqlite:${join(dir, 'bench.sqlite')}`);
try {
  await run('SQLite', sqlite, file.bytes);
} finally {
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
}

if (process.env.BENCH_DATABASE_URL) {
  const pg = openDatabase(process.env.BENCH_DATABASE_URL);
  try {
    await run('PostgreSQL', pg, file.bytes);
  } finally {
    await pg.close();
  }
} else {
  console.log('\n(set BENCH_DATABASE_URL=postgres://... to run it on PostgreSQL too)');
}
