/**
 * Benchmark: learners answering quiz questions (POST /api/learning/me/attempts/:id/answers) on
 * the real app (SQLite file, app in a child process). 200 learners of one organization, each with
 * an open attempt on catalogue modules (started through the API), then 50 learners at once
 * answer their questions one after the other, each with their own session cookie: first paced
 * (a pause of about BENCH_THINK_MS between two answers of a learner, as when reading the
 * explanation), then saturated (no pause: 50 requests always in flight, which measures capacity;
 * the latency is then mostly queueing, about 50 / throughput). Target (issue 3): p95 under 20 ms.
 *
 *   npx tsx bench/learning-answer.ts
 * BENCH_LEARNERS (200), BENCH_CONCURRENCY (50), BENCH_MODULES (attempts per learner, 3), BENCH_THINK_MS (1000),
 * BENCH_PROF=dir (CPU profile of the server).
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { recountAfterAssignments } from '../src/server/modules/learning/counters.js';
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

const learners = Number(process.env.BENCH_LEARNERS ?? 200);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const modulesPerLearner = Math.max(2, Number(process.env.BENCH_MODULES ?? 3));
/** Mean pause of a learner between two answers in the paced run (reading the explanation). */
const thinkMs = Number(process.env.BENCH_THINK_MS ?? 1000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Attempt {
  id: string;
  questions: Array<{ id: string; choices: number }>;
}
interface Learner {
  token: string;
  attempts: Attempt[];
}

async function main(): Promise<void> {
  if (await serveIfChild()) return;
  console.log(
    `Learning answers: node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} x${availableParallelism()}, load ${loadavg()[0]?.toFixed(1)}`,
  );
  const random = rng(2026);
  const t0 = performance.now();
  const { url, dbh } = await benchDatabase();
  const orgId = await insertOrg(dbh, 'CHU Bench (réponses)');
  const people = insertPeople(dbh, orgId, learners, random);
  const modules = (
    await dbh.db
      .selectFrom('learning_modules')
      .select('id')
      .where('origin', '=', 'catalogue')
      .where('audience', '=', 'staff')
      .orderBy('id')
      .execute()
  ).map((m) => m.id);
  const now = new Date().toISOString();
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const assignmentsOf = new Map<string, string[]>();
  await dbh.db.transaction().execute(async (trx) => {
    for (const [i, p] of people.entries()) {
      const ids: string[] = [];
      for (let k = 0; k < modulesPerLearner; k++) {
        const id = newId();
        ids.push(id);
        await trx
          .insertInto('learning_assignments')
          .values({
            id,
            organization_id: orgId,
            person_id: p.id,
            module_id: modules[(i + k) % modules.length]!,
            curriculum_id: null,
            rule_id: null,
            source: 'manual',
            cycle: '',
            status: 'assigned',
            assigned_at: now,
            due_at: due,
            completed_at: null,
            attempts: 0,
            first_score: null,
            last_score: null,
            best_score: null,
            reminder_sent_at: null,
            escalated_at: null,
          })
          .execute();
      }
      assignmentsOf.set(p.id, ids);
    }
    await recountAfterAssignments(
      trx,
      orgId,
      people.map((p) => p.id),
      null,
      now,
    );
  });
  const tokens = await signIn(
    dbh,
    people.map((p) => p.id),
  );
  await dbh.close();

  const { child, port } = await startServer(url);
  try {
    const agent = keepAlive(concurrency);
    // Setup through the API (not measured): start an attempt on each assignment and open its quiz.
    const all: Learner[] = tokens.map((token) => ({ token, attempts: [] }));
    await pool(
      all.map((l, i) => ({ l, ids: assignmentsOf.get(people[i]!.id)! })),
      10,
      async ({ l, ids }) => {
        for (const assignmentId of ids) {
          const started = await http(agent, port, l.token, 'POST', `/api/learning/me/assignments/${assignmentId}/attempts`);
          if (started.status !== 200) throw new Error(`start attempt: ${started.status} ${started.body}`);
          const attempt = JSON.parse(started.body).attempt as { id: string; questions: Array<{ id: string; choices: unknown[] }> };
          const quiz = await http(agent, port, l.token, 'PATCH', `/api/learning/me/attempts/${attempt.id}`, { phase: 'quiz' });
          if (quiz.status !== 200) throw new Error(`open quiz: ${quiz.status} ${quiz.body}`);
          l.attempts.push({ id: attempt.id, questions: attempt.questions.map((q) => ({ id: q.id, choices: q.choices.length })) });
        }
        // Warms the session lookup and the JIT, like a learner opening their page first.
        await http(agent, port, l.token, 'GET', '/api/learning/me');
      },
    );
    const setupS = (performance.now() - t0) / 1000;

    console.log(`setup (data, sessions, ${all.length * modulesPerLearner} attempts started through the API): ${setupS.toFixed(1)} s`);

    const bad = new Map<number, number>();
    /** 50 learners at once answer the questions of some of their attempts; `pauseMs` between two answers of one learner. */
    const run = async (label: string, attempts: (l: Learner) => Attempt[], pauseMs: number) => {
      // Each of the 50 learners has a connection open already, as a learner whose page is loaded:
      // without this, the paced run leaves a few connections only (the agent reuses the last freed
      // one), and the saturated run's first 30-odd answers measured connecting to a busy server.
      await Promise.all(all.slice(0, concurrency).map((l) => http(agent, port, l.token, 'GET', '/api/learning/me')));
      const latencies: number[] = [];
      let bytes = 0;
      const start = performance.now();
      await pool(all, concurrency, async (l) => {
        for (const a of attempts(l)) {
          for (const q of a.questions) {
            if (pauseMs > 0) await sleep(pauseMs * (0.5 + random()));
            const r = await http(agent, port, l.token, 'POST', `/api/learning/me/attempts/${a.id}/answers`, {
              questionId: q.id,
              choiceIndex: Math.floor(random() * q.choices),
              kind: 'quiz',
            });
            latencies.push(r.ms);
            bytes += Buffer.byteLength(r.body);
            if (r.status !== 200) bad.set(r.status, (bad.get(r.status) ?? 0) + 1);
          }
        }
      });
      const seconds = (performance.now() - start) / 1000;
      const p = percentiles(latencies);
      console.log(`\n${label}`);
      console.log(`  answers       ${latencies.length} in ${seconds.toFixed(2)} s -> ${Math.round(latencies.length / seconds)} req/s`);
      console.log(`  latency (ms)  p50 ${f1(p.p50)}  p95 ${f1(p.p95)}  p99 ${f1(p.p99)}  max ${f1(p.max)}  mean ${f1(p.mean)}`);
      console.log(`  response      ${Math.round(bytes / Math.max(latencies.length, 1))} bytes per answer (mean)`);
      return p;
    };
    console.log(`\n${learners} learners, ${concurrency} at once, ${modulesPerLearner} open attempts each`);
    const paced = await run(
      `paced: each learner answers about once every ${thinkMs} ms (first attempt)`,
      (l) => l.attempts.slice(0, 1),
      thinkMs,
    );
    const flat = await run('saturated: no pause between answers (other attempts)', (l) => l.attempts.slice(1), 0);
    console.log(`\nerrors          ${[...bad].map(([s, n]) => `${n} x ${s}`).join(', ') || 'none'}`);
    console.log(`target p95 < 20 ms: paced ${paced.p95 < 20 ? 'met' : 'MISSED'}, saturated ${flat.p95 < 20 ? 'met' : 'missed'}`);
    agent.destroy();
    if (bad.size > 0) process.exitCode = 1;
  } finally {
    stopServer(child);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
