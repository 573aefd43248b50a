/**
 * Benchmark: the provider risk dashboard of one organization (GET /api/orgs/:orgId/suppliers/dashboard)
 * on the real app (SQLite file, app in a child process, requests over HTTP with a signed-in admin's
 * cookie). 5,000 providers and 20,000 contracts with their clause checklists, audit clauses,
 * certificates, audits and findings (bench/gen-suppliers-data.ts). Cold: `?fresh=true`, every
 * request computes the dashboard (the target: p95 under 200 ms on SQLite, one at a time);
 * warm: the app as shipped, which keeps a computed dashboard 15 s.
 *
 *   npx tsx bench/suppliers-dashboard.ts
 * BENCH_SUPPLIERS (5000), BENCH_CONTRACTS (20000), BENCH_REQUESTS (200), BENCH_CONCURRENCY (10), BENCH_KEEP=1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/server/db/index.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { ContractsRepo } from '../src/server/modules/suppliers/contracts-repo.js';
import {
  f1,
  http,
  insertOrg,
  insertPeople,
  keepAlive,
  percentiles,
  pool,
  rng,
  serveIfChild,
  signIn,
  startServer,
  stopServer,
} from './gen-learning-data.js';
import { insertSuppliersData } from './gen-suppliers-data.js';

const supplierCount = Number(process.env.BENCH_SUPPLIERS ?? 5_000);
const contractCount = Number(process.env.BENCH_CONTRACTS ?? 20_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 200);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);
const TARGET_MS = 200;

async function main(): Promise<void> {
  if (await serveIfChild()) return;
  console.log(
    `Suppliers dashboard: node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} x${availableParallelism()}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'rempart-bench-'));
  if (process.env.BENCH_KEEP) console.log(`database kept in ${dir}`);
  else process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const url = `sqlite:${join(dir, 'bench.sqlite')}`;
  const dbh = openDatabase(url);
  await migrateToLatest(dbh.db);
  const orgId = await insertOrg(dbh, 'CHU Bench (prestataires)');
  let t = performance.now();
  const data = insertSuppliersData(dbh, orgId, { suppliers: supplierCount, contracts: contractCount }, rng(2026));
  // The clauses were written directly: the per-contract gap summary the app keeps is filled here.
  await new ContractsRepo().refreshGaps(dbh.db);
  console.log(
    `data: ${data.suppliers} providers, ${data.contracts} contracts, ${data.clauses} clauses, ${data.auditClauses} audit clauses, ` +
      `${data.certificates} certificates, ${data.audits} audits, ${data.findings} findings in ${f1((performance.now() - t) / 1000)} s`,
  );
  const [person] = insertPeople(dbh, orgId, 1, rng(1));
  const [token] = await signIn(dbh, [person!.id], [{ role: 'org_admin', orgId }]);
  dbh.sqlite!.pragma('optimize');
  await dbh.close();

  const { child, port } = await startServer(url);
  let failed = 0;
  const path = `/api/orgs/${orgId}/suppliers/dashboard`;
  try {
    const first = await http(keepAlive(1), port, token!, 'GET', path);
    if (first.status !== 200) throw new Error(`dashboard answered ${first.status}: ${first.body.slice(0, 300)}`);
    const d = JSON.parse(first.body) as {
      providers: { total: number };
      contracts: { active: number; withoutAuditClause: number };
      audits: unknown;
      findings: unknown;
    };
    console.log(
      `first answer in ${f1(first.ms)} ms: ${d.providers.total} providers, ${d.contracts.active} active contracts (${d.contracts.withoutAuditClause} without audit clause), audits ${JSON.stringify(d.audits)}, findings ${JSON.stringify(d.findings)}`,
    );
    const runs = [
      { what: 'cold', c: 1, url: `${path}?fresh=true` },
      { what: 'cold', c: concurrency, url: `${path}?fresh=true` },
      { what: 'warm', c: concurrency, url: path },
    ];
    for (const { what, c, url: target } of runs) {
      const agent = keepAlive(c);
      const ms: number[] = [];
      t = performance.now();
      await pool(
        Array.from({ length: requests }, (_, i) => i),
        c,
        async () => {
          const r = await http(agent, port, token!, 'GET', target);
          if (r.status !== 200) failed++;
          ms.push(r.ms);
        },
      );
      const p = percentiles(ms);
      const rps = requests / ((performance.now() - t) / 1000);
      console.log(
        `${what}, ${requests} requests, ${c} at once: p50 ${f1(p.p50)} ms, p95 ${f1(p.p95)} ms, p99 ${f1(p.p99)} ms, max ${f1(p.max)} ms, ${f1(rps)} req/s` +
          (what === 'cold' && c === 1 ? ` — target p95 < ${TARGET_MS} ms: ${p.p95 < TARGET_MS ? 'met' : 'MISSED'}` : ''),
      );
      agent.destroy();
    }
  } finally {
    stopServer(child);
  }
  console.log(
    `errors: ${failed}; load after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (failed > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
