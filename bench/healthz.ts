/**
 * Requests per second of GET /healthz on the real app (SQLite) against a bare node:http server
 * answering the same JSON, measured in the same run with autocannon. Each server runs in its own
 * child process, so the load generator does not share their event loop.
 * BENCH_SECONDS (default 5) sets the duration of each measurement, BENCH_CONNECTIONS (default 50)
 * the concurrent connections.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const seconds = Math.min(30, Math.max(1, Number(process.env.BENCH_SECONDS ?? 5)));
const connections = Math.min(500, Math.max(1, Number(process.env.BENCH_CONNECTIONS ?? 50)));

async function serveApp(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'rempart-bench-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const { buildApp } = await import('../src/server/app.js');
  const { loadConfig } = await import('../src/server/config.js');
  const { openDatabase } = await import('../src/server/db/index.js');
  const { migrateToLatest } = await import('../src/server/db/migrate.js');
  const { OutboxMailer } = await import('../src/server/platform/mail/mailer.js');
  const config = loadConfig({ LOG_LEVEL: 'warn', DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`, PORT: '0' });
  const dbh = openDatabase(config.DATABASE_URL);
  await migrateToLatest(dbh.db);
  const { app } = await buildApp({ config, dbh, mailer: new OutboxMailer(), secretKey: 'bench-secret-key-bench-secret-key-0123456789' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
}

function serveBare(): Promise<number> {
  const server = createServer((_req, res) => {
    const body = JSON.stringify({ status: 'ok', database: 'sqlite', version: '0.1.0', time: new Date().toISOString() });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });
}

/** Starts this very file as a child in the given role; resolves with the child and its port. */
function startChild(role: 'app' | 'bare'): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1] ?? '', [role], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => reject(new Error(`${role} server did not start in 60 s`)), 60_000);
    child.once('message', (m: { port: number }) => {
      clearTimeout(timer);
      resolve({ child, port: m.port });
    });
    child.once('exit', (code) => reject(new Error(`${role} server exited with code ${code}`)));
  });
}

async function measure(name: string, port: number) {
  const url = `http://127.0.0.1:${port}/healthz`;
  // A short warm-up so the JIT has compiled the hot paths before the measured run.
  await autocannon({ url, connections, duration: 1 });
  const r = await autocannon({ url, connections, duration: seconds });
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    bad: r.errors + r.timeouts + r.non2xx,
  };
}

async function main(): Promise<void> {
  const role = process.argv[2];
  if (role === 'app' || role === 'bare') {
    const port = role === 'app' ? await serveApp() : await serveBare();
    process.send?.({ port });
    process.on('disconnect', () => process.exit(0));
    return;
  }
  console.log(
    `GET /healthz, ${connections} connections, ${seconds} s each; ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  const rows = [];
  for (const r of ['bare', 'app'] as const) {
    const { child, port } = await startChild(r);
    try {
      rows.push(await measure(r === 'app' ? 'Rempart (Fastify, SQLite)' : 'bare node:http', port));
    } finally {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
    }
  }
  const bare = rows[0]?.rps ?? 1;
  console.log('');
  console.log(
    `${'server'.padEnd(28)}${'req/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'requests'.padStart(11)}${'errors'.padStart(8)}${'vs bare'.padStart(9)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(28)}${row.rps.toFixed(0).padStart(10)}${row.p50.toFixed(0).padStart(9)}${row.p99.toFixed(0).padStart(9)}${String(row.total).padStart(11)}${String(row.bad).padStart(8)}${`${((row.rps / bare) * 100).toFixed(0)} %`.padStart(9)}`,
    );
  }
  if (rows.some((r) => r.bad > 0)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
