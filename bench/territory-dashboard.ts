/**
 * Benchmark: the regional dashboard (GET /api/territories/:regionId/regional-dashboard, every GHT and
 * CPTS of the region) and the dashboard of the largest territory, on PostgreSQL, over HTTP against
 * the real app in a child process, as a regional agency account (observer on the region,
 * coordinator of the largest territory). Data: bench/generate-territories.ts. Target: p95 < 300 ms.
 *
 *   BENCH_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres npx tsx bench/territory-dashboard.ts
 * BENCH_REQUESTS (200), BENCH_CONCURRENCY (4), BENCH_PEOPLE_PER_ORG (40), and the generator's variables.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Sessions } from '../src/server/platform/auth/sessions.js';
import { systemClock } from '../src/server/platform/clock.js';
import { newId } from '../src/server/platform/ids.js';
import { f1, http, keepAlive, percentiles, pool, serveIfChild, startServer, stopServer } from './gen-learning-data.js';
import { generateTerritories } from './generate-territories.js';

const requests = Number(process.env.BENCH_REQUESTS ?? 200);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
const TARGET_MS = 300;

async function main(): Promise<void> {
  if (await serveIfChild()) return;
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
  console.log(
    `Territory dashboards: node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} x${availableParallelism()}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const t0 = performance.now();
  const g = await generateTerritories(adminUrl);
  console.log(`data generated in ${f1((performance.now() - t0) / 1000)} s:`, JSON.stringify(g.counts));

  const accountId = newId();
  const at = new Date().toISOString();
  await g.dbh.db
    .insertInto('accounts')
    .values({
      id: accountId,
      email: 'ars@bench.fr',
      display_name: 'ARS',
      person_id: null,
      locale: 'fr',
      password_hash: null,
      password_changed_at: null,
      totp_secret_enc: null,
      totp_pending_enc: null,
      totp_enabled_at: null,
      failed_attempts: 0,
      last_failed_at: null,
      locked_until: null,
      last_sign_in_at: null,
      active: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await g.dbh.db
    .insertInto('role_grants')
    .values([
      {
        id: newId(),
        account_id: accountId,
        role: 'observer',
        scope_kind: 'territory',
        scope_id: g.regionTerritoryId,
        granted_by: null,
        created_at: at,
      },
      {
        id: newId(),
        account_id: accountId,
        role: 'territory_coordinator',
        scope_kind: 'territory',
        scope_id: g.largestTerritoryId,
        granted_by: null,
        created_at: at,
      },
    ])
    .execute();
  const sessions = new Sessions(g.dbh.db, systemClock, { idleMs: 3_600_000, absoluteMs: 12 * 3_600_000 });
  const token = await sessions.create(accountId, 'password', true, '127.0.0.1', 'bench');

  const { child, port } = await startServer(g.url);
  const agent = keepAlive(concurrency);
  const sorts = ['name', '-maturity', 'training', '-phishing', '-overdue', 'members'];
  const runs: Array<{ label: string; path: (i: number) => string }> = [
    {
      label: `regional dashboard (${g.counts.territories! - 1} territories, page of 25, sorts vary)`,
      path: (i) => `/api/territories/${g.regionTerritoryId}/regional-dashboard?sort=${sorts[i % sorts.length]}&page=${1 + (i % 5)}`,
    },
    {
      label: `largest territory dashboard (${g.largestMembers} members)`,
      path: () => `/api/territories/${g.largestTerritoryId}/dashboard`,
    },
  ];
  try {
    for (const run of runs) {
      const first = await http(agent, port, token, 'GET', run.path(0));
      if (first.status !== 200) throw new Error(`${run.label}: ${first.status} ${first.body.slice(0, 300)}`);
      console.log(`${run.label}: first request (nothing kept yet) ${f1(first.ms)} ms`);
      for (const c of [1, concurrency]) {
        const ms: number[] = [];
        await pool(
          Array.from({ length: requests }, (_, i) => i),
          c,
          async (i) => {
            const r = await http(agent, port, token, 'GET', run.path(i));
            if (r.status !== 200) throw new Error(`${r.status} ${r.body.slice(0, 200)}`);
            ms.push(r.ms);
          },
        );
        const p = percentiles(ms);
        const verdict = run.label.startsWith('regional') ? `${p.p95 < TARGET_MS ? 'under' : 'OVER'} the ${TARGET_MS} ms target` : '';
        console.log(
          `${run.label}, ${requests} requests, concurrency ${c}: p50 ${f1(p.p50)} ms, p95 ${f1(p.p95)} ms, p99 ${f1(p.p99)} ms, max ${f1(p.max)} ms ${verdict}`,
        );
      }
    }
  } finally {
    stopServer(child);
    agent.destroy();
    await g.dbh.close();
  }
}

await main();
