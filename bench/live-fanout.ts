/**
 * Live fan-out (issue 7): 1,000 players connected by Server-Sent Events to one app process, one
 * event published, the delay until each player has it. The server (a child process: Fastify with
 * one SSE route over platform/live, and the LiveHub) publishes on request; this process holds the
 * 1,000 node:http clients, notes the time before asking, and the time each client parses the event.
 * The figure thus includes the request to publish, the write and commit, the wake (NOTIFY on
 * PostgreSQL), the read of the table, 1,000 socket writes and the clients' parsing.
 * BENCH_CLIENTS (default 1000), BENCH_ROUNDS (default 10). SQLite always; PostgreSQL when
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set: a fresh database is created there and dropped,
 * and a second run spreads the clients over two server processes (LISTEN/NOTIFY between them).
 * Target: p99 under 250 ms.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const clients = Math.min(5_000, Math.max(1, Number(process.env.BENCH_CLIENTS ?? 1_000)));
const rounds = Math.min(100, Math.max(1, Number(process.env.BENCH_ROUNDS ?? 10)));
const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const TOPIC = 'exercise:bench:cell';

type ToServer = { publish: number } | { memory: true };
type FromServer = { port: number } | { published: number; id: number } | { memory: NodeJS.MemoryUsage };

async function serve(url: string): Promise<void> {
  const { openDatabase } = await import('../src/server/db/index.js');
  const { migrateToLatest } = await import('../src/server/db/migrate.js');
  const { startLiveServer } = await import('../src/server/platform/live/live-test-kit.js');
  const dbh = openDatabase(url);
  await migrateToLatest(dbh.db);
  const server = await startLiveServer(dbh, dbh.dialect === 'postgres' ? { hub: { listenUrl: url } } : {});
  const port = Number(new URL(server.url([TOPIC])).port);
  const send = (m: FromServer) => process.send?.(m);
  process.on('message', (m: ToServer) => {
    if ('memory' in m) {
      global.gc?.();
      send({ memory: process.memoryUsage() });
      return;
    }
    void server.hub
      .publish(dbh.db, TOPIC, 'stimulus.delivered', { round: m.publish, title: 'Appel du standard : messagerie bloquée' })
      .then((e) => {
        send({ published: m.publish, id: e.id });
      });
  });
  process.on('disconnect', () => {
    void server.close().finally(() => process.exit(0));
  });
  send({ port });
}

function startServer(url: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1] ?? '', ['serve', url], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [...process.execArgv, '--expose-gc'],
    });
    const timer = setTimeout(() => reject(new Error('live server did not start in 60 s')), 60_000);
    child.once('message', (m: FromServer) => {
      clearTimeout(timer);
      if ('port' in m) resolve({ child, port: m.port });
    });
    child.once('exit', (code) => reject(new Error(`live server exited with code ${code}`)));
  });
}

const ask = <T extends FromServer>(child: ChildProcess, m: ToServer, pick: (r: FromServer) => r is T): Promise<T> =>
  new Promise((resolve) => {
    const on = (r: FromServer) => {
      if (!pick(r)) return;
      child.off('message', on);
      resolve(r);
    };
    child.on('message', on);
    child.send(m);
  });

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const mib = (b: number) => (b / 2 ** 20).toFixed(1);

async function stopServer(child: ChildProcess): Promise<void> {
  // Wait for the server to close its database before the PostgreSQL database is dropped.
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

const isMemory = (r: FromServer): r is { memory: NodeJS.MemoryUsage } => 'memory' in r;
const memoryOf = async (child: ChildProcess) => (await ask(child, { memory: true }, isMemory)).memory;

/** `processes` > 1 (PostgreSQL): clients spread over them, the event published by the first one. */
async function run(label: string, url: string, processes = 1): Promise<boolean> {
  const { openSse } = await import('../src/server/platform/live/sse-client.js');
  const servers: Array<{ child: ChildProcess; port: number }> = [];
  try {
    for (let i = 0; i < processes; i++) servers.push(await startServer(url));
    const publisher = servers[0]?.child;
    if (!publisher) throw new Error('no server');
    const before = await Promise.all(servers.map((s) => memoryOf(s.child)));
    const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
    const t0 = performance.now();
    const conns = [];
    for (let i = 0; i < clients; i += 100) {
      const batch = Array.from({ length: Math.min(100, clients - i) }, (_, j) => {
        const port = servers[(i + j) % servers.length]?.port;
        return openSse(`http://127.0.0.1:${port}/live?topics=${TOPIC}`, { agent });
      });
      conns.push(...(await Promise.all(batch)));
    }
    const connectMs = performance.now() - t0;
    const bad = conns.filter((c) => c.status !== 200).length;
    const after = await Promise.all(servers.map((s) => memoryOf(s.child)));
    const all: number[] = [];
    const perRound: string[] = [];
    let missing = 0;
    for (let r = 0; r <= rounds; r++) {
      const counts = conns.map((c) => c.events.length);
      const sent = performance.now();
      publisher.send({ publish: r });
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
        perRound.push(pct(ok, 99).toFixed(0));
      }
      await new Promise((res) => setTimeout(res, 200));
    }
    all.sort((a, b) => a - b);
    const where = processes > 1 ? ` over ${processes} processes (published by the first)` : '';
    console.log(`\n${label}: ${clients} SSE clients${where} connected in ${connectMs.toFixed(0)} ms (${bad} refused)`);
    console.log(
      `  delivery over ${rounds} rounds: p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms, p99 ${pct(all, 99).toFixed(1)} ms, max ${(all.at(-1) ?? Number.NaN).toFixed(1)} ms; missing ${missing}`,
    );
    console.log(`  p99 per round (ms): ${perRound.join(' ')}`);
    servers.forEach((_, i) => {
      const [b, a] = [before[i], after[i]];
      if (!a || !b) return;
      const perClient = (a.rss - b.rss) / (clients / processes) / 1024;
      console.log(
        `  server ${i + 1} memory: rss ${mib(b.rss)} -> ${mib(a.rss)} MiB, heap ${mib(b.heapUsed)} -> ${mib(a.heapUsed)} MiB (${perClient.toFixed(1)} KiB rss per client)`,
      );
    });
    for (const c of conns) c.close();
    agent.destroy();
    return missing === 0 && bad === 0 && pct(all, 99) < 250;
  } finally {
    for (const s of servers) await stopServer(s.child);
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') return serve(process.argv[3] ?? '');
  console.log(
    `live fan-out: ${clients} clients, ${rounds} rounds (+1 warm-up); ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'rempart-bench-live-'));
  let ok = true;
  try {
    ok = (await run('SQLite', `sqlite:${join(dir, 'live.sqlite')}`)) && ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (pgBase?.startsWith('postgres')) {
    const name = `rempart_bench_live_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgBase });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(pgBase);
    url.pathname = `/${name}`;
    try {
      ok = (await run('PostgreSQL', url.toString())) && ok;
      ok = (await run('PostgreSQL', url.toString(), 2)) && ok;
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
