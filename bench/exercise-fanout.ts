/**
 * Exercise fan-out (issue 7): a running territory exercise, 1,000 players connected to their cell's
 * stream (`GET /api/me/exercises/:id/cells/:cellId/stream`, the real route with its session and
 * placement checks) on one app process; the animator plays one spare stimulus to every cell
 * (`POST …/play/stimuli/:id/send`) and we time, per player, from before the request to the moment
 * its client parsed the stimulus. Includes the HTTP request, the guarded claim, the delivery rows,
 * one live event per cell, the commit, the hub's read and the socket writes.
 * The app runs in a child process (the real buildApp); this process holds the node:http clients.
 * BENCH_CLIENTS (default 1000), BENCH_CELLS (default 50), BENCH_ROUNDS (default 10).
 * SQLite always; PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set (a fresh database,
 * dropped afterwards). Target: p99 under 250 ms.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const clients = Math.min(5_000, Math.max(1, Number(process.env.BENCH_CLIENTS ?? 1_000)));
const cellCount = Math.min(400, Math.max(2, Number(process.env.BENCH_CELLS ?? 50)));
const rounds = Math.min(50, Math.max(1, Number(process.env.BENCH_ROUNDS ?? 10)));
const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const CSRF = 'bench-csrf-token-0123456789abcdef';

interface Ready {
  port: number;
  exerciseId: string;
  base: string;
  coordToken: string;
  cells: Array<{ id: string; tokens: string[] }>;
  spareIds: string[];
}

async function serve(url: string): Promise<void> {
  const { buildApp } = await import('../src/server/app.js');
  const { loadConfig } = await import('../src/server/config.js');
  const { openDatabase } = await import('../src/server/db/index.js');
  const { migrateToLatest } = await import('../src/server/db/migrate.js');
  const { OutboxMailer } = await import('../src/server/platform/mail/mailer.js');
  const { newId } = await import('../src/server/platform/ids.js');
  const f = await import('../test/helpers/factories.js');
  const dbh = openDatabase(url);
  await migrateToLatest(dbh.db);
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: 'dist/web', JOBS: 'false', PUBLIC_PORT: '0', REPORT_SMTP_PORT: '0' });
  const built = await buildApp({
    config,
    dbh,
    mailer: new OutboxMailer(),
    secretKey: 'bench-secret-key-bench-secret-key-0123456789',
    logger: false,
  });
  const { app, sessions } = built;
  const db = dbh.db;
  const orgs = [];
  for (let i = 0; i < cellCount; i++) orgs.push(await f.makeOrg(db, { name: `Établissement ${i + 1}` }));
  const territory = await f.makeTerritory(db, { members: orgs.map((o, i) => ({ orgId: o.id, lead: i === 0 })) });
  const coord = await f.makeAccount(db, {
    grants: [{ role: 'territory_coordinator', scopeKind: 'territory', scopeId: territory.id }],
    totp: true,
  });
  const coordToken = await sessions.create(coord.id, 'password', true, '127.0.0.1', 'bench');
  const base = `/api/territories/${territory.id}/exercises`;
  const inject = (method: 'POST', path: string, payload: unknown) =>
    app.inject({
      method,
      url: path,
      payload: payload as object,
      cookies: { rempart_session: coordToken, rempart_csrf: CSRF },
      headers: { 'x-csrf-token': CSRF },
    });
  const created = await inject('POST', base, { scenarioId: 'lab-software-provider', cells: orgs.map((o) => ({ organizationId: o.id })) });
  const e = created.json() as { id: string; cells: Array<{ id: string; organizationId: string }> };
  if (created.statusCode !== 201) throw new Error(`exercise: ${created.body}`);
  const cells: Ready['cells'] = [];
  const at = new Date().toISOString();
  for (const [i, c] of e.cells.entries()) {
    const tokens: string[] = [];
    const n = Math.floor(clients / e.cells.length) + (i < clients % e.cells.length ? 1 : 0);
    for (let j = 0; j < n; j++) {
      const person = await f.makePerson(db, c.organizationId);
      const account = await f.makeAccount(db, { personId: person.id });
      await db
        .insertInto('exercise_participants')
        .values({ id: newId(), exercise_id: e.id, cell_id: c.id, account_id: account.id, function: 'other', joined_at: at })
        .execute();
      tokens.push(await sessions.create(account.id, 'password', true, '127.0.0.1', 'bench'));
    }
    cells.push({ id: c.id, tokens });
  }
  // One spare stimulus per round (and the warm-up), copied from the scenario's first spare.
  const model = await db
    .selectFrom('exercise_stimuli')
    .selectAll()
    .where('exercise_id', '=', e.id)
    .where('spare', '=', 1)
    .executeTakeFirstOrThrow();
  const spareIds: string[] = [];
  for (let r = 0; r <= rounds; r++) {
    const id = newId();
    await db
      .insertInto('exercise_stimuli')
      .values({ ...model, id, code: `b${String(r).padStart(2, '0')}`, position: 1_000 + r })
      .execute();
    spareIds.push(id);
  }
  const started = await inject('POST', `${base}/${e.id}/play/start`, {});
  if (started.statusCode !== 200) throw new Error(`start: ${started.body}`);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  process.on('disconnect', () => {
    void app
      .close()
      .then(() => dbh.close())
      .finally(() => process.exit(0));
  });
  process.send?.({ port, exerciseId: e.id, base, coordToken, cells, spareIds } satisfies Ready);
}

function startServer(url: string): Promise<{ child: ChildProcess; ready: Ready }> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1] ?? '', ['serve', url], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => reject(new Error('app did not start in 180 s')), 180_000);
    child.once('message', (m: Ready) => {
      clearTimeout(timer);
      resolve({ child, ready: m });
    });
    child.once('exit', (code) => reject(new Error(`app exited with code ${code}`)));
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function run(label: string, url: string): Promise<boolean> {
  const { openSse } = await import('../src/server/platform/live/sse-client.js');
  const t0 = performance.now();
  const { child, ready } = await startServer(url);
  try {
    console.log(`\n${label}: ${cellCount} cells, ${clients} players set up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const origin = `http://127.0.0.1:${ready.port}`;
    const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
    const players = ready.cells.flatMap((c) => c.tokens.map((token) => ({ cellId: c.id, token })));
    const t1 = performance.now();
    const conns = [];
    for (let i = 0; i < players.length; i += 100) {
      const batch = players.slice(i, i + 100).map((p) =>
        openSse(`${origin}/api/me/exercises/${ready.exerciseId}/cells/${p.cellId}/stream`, {
          agent,
          headers: { cookie: `rempart_session=${p.token}` },
        }),
      );
      conns.push(...(await Promise.all(batch)));
    }
    const bad = conns.filter((c) => c.status !== 200).length;
    console.log(`  ${conns.length} streams open in ${(performance.now() - t1).toFixed(0)} ms (${bad} refused)`);
    const all: number[] = [];
    const requestMs: number[] = [];
    let missing = 0;
    for (let r = 0; r <= rounds; r++) {
      const counts = conns.map((c) => c.events.length);
      const sent = performance.now();
      const res = await fetch(`${origin}${ready.base}/${ready.exerciseId}/play/stimuli/${ready.spareIds[r]}/send`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `rempart_session=${ready.coordToken}; rempart_csrf=${CSRF}`,
          'x-csrf-token': CSRF,
        },
        body: JSON.stringify({ cellIds: ready.cells.map((c) => c.id) }),
      });
      if (res.status !== 200) throw new Error(`play: ${res.status} ${await res.text()}`);
      const answered = performance.now() - sent;
      const arrivals = await Promise.all(
        conns.map((c, i) =>
          c
            .waitFor((counts[i] ?? 0) + 1, 10_000)
            .then((events) => (events[counts[i] ?? 0]?.at ?? Number.NaN) - sent)
            .catch(() => Number.NaN),
        ),
      );
      const ok = arrivals.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
      missing += arrivals.length - ok.length;
      // Round 0 warms the JIT and the statement caches up; it is not counted.
      if (r > 0) {
        all.push(...ok);
        requestMs.push(answered);
      }
      await new Promise((res) => setTimeout(res, 200));
    }
    all.sort((a, b) => a - b);
    requestMs.sort((a, b) => a - b);
    console.log(
      `  delivery over ${rounds} rounds: p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms, p99 ${pct(all, 99).toFixed(1)} ms, max ${(all.at(-1) ?? Number.NaN).toFixed(1)} ms; missing ${missing}`,
    );
    console.log(`  the animator's request answered in p50 ${pct(requestMs, 50).toFixed(1)} ms`);
    for (const c of conns) c.close();
    agent.destroy();
    return missing === 0 && bad === 0 && pct(all, 99) < 250;
  } finally {
    child.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.disconnect();
    });
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') return serve(process.argv[3] ?? '');
  console.log(
    `exercise fan-out: ${clients} players in ${cellCount} cells, ${rounds} rounds (+1 warm-up); ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'rempart-bench-exercise-'));
  let ok = true;
  try {
    ok = (await run('SQLite', `sqlite:${join(dir, 'exercise.sqlite')}`)) && ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (pgBase?.startsWith('postgres')) {
    const name = `rempart_bench_exercise_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgBase });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(pgBase);
    url.pathname = `/${name}`;
    try {
      ok = (await run('PostgreSQL', url.toString())) && ok;
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  if (!ok) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
