/**
 * Benchmark: the learning dashboard of a large organization (GET /api/orgs/:orgId/learning/metrics)
 * on the real app (SQLite file, app in a child process). 20,000 people x 30 modules = 600,000
 * assignments with realistic completion and scores, counters recomputed with counters.ts, 90 days
 * of daily counters; then a manager asks for the metrics by role family, service and site,
 * 200 requests each, 10 at once. Before that, each query of the page is timed and explained
 * (EXPLAIN QUERY PLAN) in-process. Target (issue 3): p95 under 150 ms.
 *
 *   npx tsx bench/learning-dashboard.ts
 * BENCH_PEOPLE (20000), BENCH_REQUESTS (200 per dimension), BENCH_CONCURRENCY (10), BENCH_PROF=dir,
 * BENCH_INDEX=1 (adds the covering index proposed for the overdue count), BENCH_KEEP=1 (keeps the file).
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import type { DbHandle } from '../src/server/db/index.js';
import type { Database } from '../src/server/db/schema.js';
import { recountModules, recountPeople } from '../src/server/modules/learning/counters.js';
import { daysBefore, MetricsRepo } from '../src/server/modules/learning/metrics-repo.js';
import { groupDimensions } from '../src/server/modules/learning/metrics-schema.js';
import { newId } from '../src/server/platform/ids.js';
import {
  benchDatabase,
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

const peopleCount = Number(process.env.BENCH_PEOPLE ?? 20_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 200);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);
const MODULES = 30;
const DAY = 86_400_000;
const s = (ms: number) => (ms / 1000).toFixed(1);

/** The catalogue's staff modules, plus custom modules of the organization up to 30. */
async function modulesFor(dbh: DbHandle, orgId: string): Promise<Array<{ id: string; topic: string }>> {
  const db = dbh.db;
  const catalogue = await db.selectFrom('learning_modules').select(['id', 'topic']).where('audience', '=', 'staff').orderBy('id').execute();
  const out = catalogue.slice(0, MODULES);
  const model = await db
    .selectFrom('learning_module_texts')
    .selectAll()
    .where('module_id', '=', out[0]!.id)
    .where('language', '=', 'fr')
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  for (let i = out.length; i < MODULES; i++) {
    const id = newId();
    const topic = catalogue[i % catalogue.length]!.topic;
    await db
      .insertInto('learning_modules')
      .values({
        id,
        organization_id: orgId,
        origin: 'custom',
        forked_from: null,
        kind: 'lesson',
        audience: 'staff',
        level: 1 + (i % 3),
        topic,
        role_families: '[]',
        threat_tags: '["phishing"]',
        version: 1,
        duration_minutes: 5,
        status: 'published',
        last_reviewed: null,
        content_hash: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('learning_module_texts')
      .values({ ...model, module_id: id, title: `Procédure interne n° ${i + 1}` })
      .execute();
    out.push({ id, topic });
  }
  return out;
}

/** 600,000 assignments in one transaction of prepared statements; each person has a steadiness of their own. */
function insertAssignments(dbh: DbHandle, orgId: string, personIds: string[], modules: Array<{ id: string }>, random: () => number): void {
  const sqlite = dbh.sqlite!;
  const insert = sqlite.prepare(
    `insert into learning_assignments (id, organization_id, person_id, module_id, curriculum_id, rule_id, source, cycle, status,
       assigned_at, due_at, completed_at, attempts, first_score, last_score, best_score, reminder_sent_at, escalated_at)
     values (?, ?, ?, ?, null, null, 'rule', '', ?, ?, ?, ?, ?, ?, ?, ?, null, null)`,
  );
  const now = Date.now();
  const iso = (t: number) => new Date(t).toISOString();
  sqlite.transaction(() => {
    for (const personId of personIds) {
      const steadiness = random();
      for (const m of modules) {
        const assignedAt = now - Math.floor(random() * 365) * DAY;
        const dueAt = assignedAt + (random() < 0.5 ? 30 : 60) * DAY;
        const r = random();
        let status = 'assigned';
        let attempts = 0;
        let first: number | null = null;
        let last: number | null = null;
        let completedAt: string | null = null;
        if (r < 0.3 + 0.55 * steadiness) {
          status = 'completed';
          attempts = random() < 0.7 ? 1 : 2;
          first = Math.round(45 + random() * 55);
          // A second attempt after a first one under 70 ends at 70 or more.
          last = attempts === 1 ? Math.max(first, 70) : Math.round(70 + random() * 30);
          if (attempts === 1) first = last;
          completedAt = iso(Math.min(now, assignedAt + Math.floor(random() * 60) * DAY));
        } else if (r < 0.4 + 0.55 * steadiness) {
          status = 'in_progress';
          if (random() < 0.5) {
            attempts = 1;
            first = Math.round(20 + random() * 49);
            last = first;
          }
        }
        insert.run(newId(), orgId, personId, m.id, status, iso(assignedAt), iso(dueAt), completedAt, attempts, first, last, last);
      }
    }
  })();
}

/** 90 days of daily counters and topic counters, shaped like the assignments above. */
function insertCounters(dbh: DbHandle, orgId: string, topics: string[], people: number, random: () => number): void {
  const sqlite = dbh.sqlite!;
  const daily = sqlite.prepare(
    'insert into learning_daily (organization_id, day, completions, score_sum, answers, correct) values (?, ?, ?, ?, ?, ?)',
  );
  const topic = sqlite.prepare(
    'insert into learning_topic_stats (organization_id, topic, learners, mastered, score_sum) values (?, ?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (let i = 0; i < 120; i++) {
      const completions = Math.round(500 + random() * 1000);
      const answers = completions * 12;
      daily.run(
        orgId,
        daysBefore(new Date(), i),
        completions,
        completions * (70 + random() * 15),
        answers,
        Math.round(answers * (0.6 + random() * 0.2)),
      );
    }
    for (const t of new Set(topics)) {
      const learners = Math.round(people * (0.5 + random() * 0.5));
      topic.run(orgId, t, learners, Math.round(learners * random() * 0.6), learners * (0.5 + random() * 0.3));
    }
  })();
}

/** Times each query of the metrics page in-process and prints its SQLite plan. */
async function explain(dbh: DbHandle, orgId: string): Promise<void> {
  const captured: Array<{ query: CompiledQuery; ms: number }> = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: dbh.sqlite! }),
    log: (e) => {
      if (e.level === 'query') captured.push({ query: e.query, ms: e.queryDurationMillis });
    },
  });
  const repo = new MetricsRepo(db);
  const now = new Date();
  await repo.personGroups(orgId, 'service');
  await repo.overdueGroups(orgId, 'service', now.toISOString());
  await repo.modules(orgId, 'fr');
  await repo.topics(orgId);
  await repo.daily(orgId, daysBefore(now, 89));
  console.log('\nqueries of one metrics page (by=service), in-process:');
  for (const { query, ms } of captured) {
    const plan = dbh.sqlite!.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{
      detail: string;
    }>;
    console.log(`  ${f1(ms).padStart(6)} ms  ${query.sql.replace(/\s+/g, ' ').slice(0, 110)}…`);
    for (const p of plan) console.log(`             plan: ${p.detail}`);
  }
}

async function main(): Promise<void> {
  if (await serveIfChild()) return;
  console.log(
    `Learning dashboard: node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} x${availableParallelism()}, load ${loadavg()[0]?.toFixed(1)}`,
  );
  const random = rng(2027);
  const { url, dbh } = await benchDatabase();
  const orgId = await insertOrg(dbh, 'CHU Bench (tableau de bord)');
  let t = performance.now();
  const people = insertPeople(dbh, orgId, peopleCount, random);
  const modules = await modulesFor(dbh, orgId);
  insertAssignments(
    dbh,
    orgId,
    people.map((p) => p.id),
    modules,
    random,
  );
  console.log(
    `data: ${people.length} people, ${modules.length} modules, ${people.length * modules.length} assignments in ${s(performance.now() - t)} s`,
  );
  t = performance.now();
  const now = new Date().toISOString();
  await dbh.db.transaction().execute(async (trx) => {
    await recountPeople(
      trx,
      people.map((p) => p.id),
      now,
    );
    await recountModules(trx, orgId, null, now);
  });
  insertCounters(
    dbh,
    orgId,
    modules.map((m) => m.topic),
    people.length,
    random,
  );
  console.log(`counters: recountPeople + recountModules in ${s(performance.now() - t)} s`);
  const [token] = await signIn(dbh, [people[0]!.id], [{ role: 'manager', orgId }]);
  if (process.env.BENCH_INDEX) {
    // The index proposed for the overdue count (not in the migrations yet): covers the whole count.
    dbh.sqlite!.exec('create index learning_assignments_overdue on learning_assignments (organization_id, status, due_at, person_id)');
    console.log('BENCH_INDEX: with learning_assignments_overdue (organization_id, status, due_at, person_id)');
  }
  dbh.sqlite!.pragma('optimize');
  await explain(dbh, orgId);
  await dbh.close();

  const { child, port } = await startServer(url);
  try {
    const agent = keepAlive(concurrency);
    console.log(`\nGET /api/orgs/:orgId/learning/metrics as a manager, ${requests} requests per dimension, ${concurrency} at once`);
    console.log(
      `${'by'.padEnd(14)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'groups'.padStart(8)}${'hidden'.padStart(8)}`,
    );
    const all: number[] = [];
    let failed = 0;
    for (const by of groupDimensions) {
      const path = `/api/orgs/${orgId}/learning/metrics?by=${by}`;
      const first = await http(agent, port, token!, 'GET', path);
      if (first.status !== 200) throw new Error(`metrics: ${first.status} ${first.body}`);
      const groups = JSON.parse(first.body).groups as Array<{ suppressed?: true }>;
      for (let i = 0; i < 10; i++) await http(agent, port, token!, 'GET', path); // warm-up
      const latencies: number[] = [];
      const start = performance.now();
      await pool(Array.from({ length: requests }), concurrency, async () => {
        const r = await http(agent, port, token!, 'GET', path);
        if (r.status !== 200) failed++;
        latencies.push(r.ms);
      });
      const secs = (performance.now() - start) / 1000;
      const p = percentiles(latencies);
      all.push(...latencies);
      console.log(
        `${by.padEnd(14)}${String(Math.round(requests / secs)).padStart(8)}${f1(p.p50).padStart(9)}${f1(p.p95).padStart(9)}${f1(p.p99).padStart(9)}${f1(p.max).padStart(9)}${String(groups.length).padStart(8)}${String(groups.filter((g) => g.suppressed).length).padStart(8)}${f1(first.ms).padStart(10)}`,
      );
    }
    const p = percentiles(all);
    console.log(
      `${'all'.padEnd(14)}${''.padStart(8)}${f1(p.p50).padStart(9)}${f1(p.p95).padStart(9)}${f1(p.p99).padStart(9)}${f1(p.max).padStart(9)}`,
    );
    console.log(`errors: ${failed}; target p95 < 150 ms: ${p.p95 < 150 ? 'met' : 'MISSED'}`);
    agent.destroy();
    if (failed > 0) process.exitCode = 1;
  } finally {
    stopServer(child);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
