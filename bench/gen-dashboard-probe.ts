/**
 * The measuring half of bench/learning-dashboard.ts: each query of the metrics page timed and
 * explained in-process, then the real app (child process) asked for the page under load.
 * Named gen-* so `npm run bench` skips it.
 */
import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import type { DbHandle } from '../src/server/db/index.js';
import type { Database } from '../src/server/db/schema.js';
import { daysBefore, MetricsRepo } from '../src/server/modules/learning/metrics-repo.js';
import { groupDimensions } from '../src/server/modules/learning/metrics-schema.js';
import { f1, http, keepAlive, percentiles, pool, startServer, stopServer } from './gen-learning-data.js';

/** Times each query of the metrics page (by=service) in-process and prints its SQLite plan. */
export async function explain(dbh: DbHandle, orgId: string, services: string[] | null): Promise<void> {
  const captured: Array<{ query: CompiledQuery; ms: number }> = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: dbh.sqlite! }),
    log: (e) => {
      if (e.level === 'query') captured.push({ query: e.query, ms: e.queryDurationMillis });
    },
  });
  const repo = new MetricsRepo(db);
  const now = new Date();
  await repo.personGroups(orgId, 'service', now.toISOString(), services);
  await repo.modules(orgId, 'fr', services);
  await repo.topics(orgId, services);
  if (!services) await repo.daily(orgId, daysBefore(now, 89));
  console.log(
    `\nqueries of one metrics page (by=service, ${services ? `service ${services.join(', ')}` : 'whole organization'}), in-process:`,
  );
  for (const { query, ms } of captured) {
    const plan = dbh.sqlite!.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{
      detail: string;
    }>;
    console.log(`  ${f1(ms).padStart(6)} ms  ${query.sql.replace(/\s+/g, ' ').slice(0, 110)}…`);
    for (const p of plan) console.log(`             plan: ${p.detail}`);
  }
}

const header = () =>
  console.log(
    `${'by'.padEnd(14)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'groups'.padStart(8)}${'hidden'.padStart(8)}${'first ms'.padStart(10)}`,
  );

export interface LoadRun {
  who: string;
  /** Session cookie of the reader. */
  token: string;
  concurrency: number;
  /** Requests per dimension. */
  n: number;
  warmup: number;
}

/**
 * One app server, then each run: `n` requests per dimension, `concurrency` at once. cacheSeconds 0
 * serves every request cold (the page computed from the counters each time); undefined keeps the
 * app's 60 s, so after the warm-up every request is served from memory.
 */
export async function load(
  url: string,
  orgId: string,
  cacheSeconds: number | undefined,
  runs: LoadRun[],
): Promise<{ p95: number[]; failed: number }> {
  const { child, port } = await startServer(url, cacheSeconds);
  const out = { p95: [] as number[], failed: 0 };
  try {
    for (const run of runs) {
      const agent = keepAlive(run.concurrency);
      const kind = cacheSeconds === 0 ? 'COLD (LEARNING_METRICS_CACHE_SECONDS=0)' : 'WARM (page kept 60 s)';
      console.log(
        `\n${kind}, ${run.who}: GET /api/orgs/:orgId/learning/metrics, ${run.n} requests per dimension, ${run.concurrency} at once`,
      );
      header();
      const all: number[] = [];
      for (const by of groupDimensions) {
        const path = `/api/orgs/${orgId}/learning/metrics?by=${by}`;
        const first = await http(agent, port, run.token, 'GET', path);
        if (first.status !== 200) throw new Error(`metrics: ${first.status} ${first.body}`);
        const groups = JSON.parse(first.body).groups as Array<{ suppressed?: true }>;
        for (let i = 0; i < run.warmup; i++) await http(agent, port, run.token, 'GET', path);
        const latencies: number[] = [];
        const start = performance.now();
        await pool(Array.from({ length: run.n }), run.concurrency, async () => {
          const r = await http(agent, port, run.token, 'GET', path);
          if (r.status !== 200) out.failed++;
          latencies.push(r.ms);
        });
        const secs = (performance.now() - start) / 1000;
        const p = percentiles(latencies);
        all.push(...latencies);
        console.log(
          `${by.padEnd(14)}${String(Math.round(run.n / secs)).padStart(8)}${f1(p.p50).padStart(9)}${f1(p.p95).padStart(9)}${f1(p.p99).padStart(9)}${f1(p.max).padStart(9)}${String(groups.length).padStart(8)}${String(groups.filter((g) => g.suppressed).length).padStart(8)}${f1(first.ms).padStart(10)}`,
        );
      }
      const p = percentiles(all);
      out.p95.push(p.p95);
      console.log(
        `${'all'.padEnd(14)}${''.padStart(8)}${f1(p.p50).padStart(9)}${f1(p.p95).padStart(9)}${f1(p.p99).padStart(9)}${f1(p.max).padStart(9)}`,
      );
      agent.destroy();
    }
  } finally {
    stopServer(child);
  }
  return out;
}
