/**
 * Phishing tracking: requests per second of open images (GET /o/<token>.gif) and clicks
 * (GET /c/<token>, 302) on the public tracking listener over SQLite, each answered only once its
 * event is committed (phishing_events row, first-time column, counters), against a bare node:http
 * server answering the same bytes without any database, measured in the same run with autocannon.
 * Target (issue 4): at least 60 % of the bare server. Each server runs in its own child process.
 * Requests spread over BENCH_RECIPIENTS tokens at random (first hits move counters, later ones
 * are replays: an event, no counter). After each run, the events stored are counted against the
 * answers received.
 *
 *   npx tsx bench/phishing-tracking.ts
 * BENCH_SECONDS (5), BENCH_CONNECTIONS (50), BENCH_RECIPIENTS (20000), BENCH_ROUNDS (1), BENCH_PROF=dir (CPU
 * profile of the listener). With several rounds, bare and tracking alternate (other processes on the
 * machine load both alike) and the median ratio and CPU per answer of each kind close the output.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

declare module 'autocannon' {
  interface Options {
    headers?: Record<string, string>;
    requests?: Array<{ setupRequest?: (req: { path: string }) => { path: string } }>;
  }
}

const seconds = Math.min(30, Math.max(1, Number(process.env.BENCH_SECONDS ?? 5)));
const connections = Math.min(500, Math.max(1, Number(process.env.BENCH_CONNECTIONS ?? 50)));
const recipients = Math.max(100, Number(process.env.BENCH_RECIPIENTS ?? 20_000));
const rounds = Math.min(20, Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1)));
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

/** A campaign with `recipients` delivered emails; returns the database URL and the tokens. */
async function seed(): Promise<{ url: string; tokens: string[]; campaignId: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'rempart-bench-tracking-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const url = `sqlite:${join(dir, 'bench.sqlite')}`;
  const { openDatabase } = await import('../src/server/db/index.js');
  const { migrateToLatest } = await import('../src/server/db/migrate.js');
  const { makeTrackedCampaign } = await import('../src/server/modules/phishing/tracking/test-campaign.js');
  const { newId, sha256Hex } = await import('../src/server/platform/ids.js');
  const dbh = openDatabase(url);
  await migrateToLatest(dbh.db);
  const c = await makeTrackedCampaign(dbh.db, { now: new Date(), sentSecondsAgo: 7200 });
  const template = dbh.sqlite!.prepare('select * from phishing_recipients where id = ?').get(c.recipients[0]!.id) as Record<
    string,
    unknown
  >;
  const insert = dbh.sqlite!.prepare(
    `insert into phishing_recipients (${Object.keys(template).join(', ')}) values (${Object.keys(template)
      .map((k) => `@${k}`)
      .join(', ')})`,
  );
  const tokens: string[] = [];
  dbh.sqlite!.transaction(() => {
    for (let i = 0; i < recipients; i++) {
      const token = randomBytes(16).toString('base64url');
      tokens.push(token);
      insert.run({ ...template, id: newId(), token_hash: sha256Hex(token), send_order: i + 1, service: `Service ${i % 40}` });
    }
  })();
  await dbh.close();
  return { url, tokens, campaignId: c.campaignId };
}

async function serveTracking(url: string): Promise<number> {
  const { openDatabase } = await import('../src/server/db/index.js');
  const { systemClock } = await import('../src/server/platform/clock.js');
  const { listenOnEphemeralPort, trackingDeps } = await import('../src/server/modules/phishing/tracking/standalone.js');
  const dbh = openDatabase(url);
  return (await listenOnEphemeralPort(trackingDeps(dbh, systemClock))).port;
}

/** The same answers with no database and no headers beyond the essentials. */
function serveBare(): Promise<number> {
  const pixel = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/o/')) {
      res.writeHead(200, { 'content-type': 'image/gif', 'content-length': pixel.length, 'cache-control': 'no-store' });
      res.end(pixel);
    } else {
      res.writeHead(302, { location: `/l/${url.slice(3)}`, 'content-length': 0 });
      res.end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });
}

function startChild(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const prof = process.env.BENCH_PROF && args[0] === 'tracking' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
    const child = fork(process.argv[1] ?? '', args, {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [...process.execArgv, ...prof],
    });
    const timer = setTimeout(() => reject(new Error(`${args[0]} server did not start in 60 s`)), 60_000);
    child.once('message', (m: { port: number }) => {
      clearTimeout(timer);
      resolve({ child, port: m.port });
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} server exited with code ${code}`)));
  });
}

/** CPU time (µs) the child server has used so far. */
function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m: { cpu: NodeJS.CpuUsage }) => resolve(m.cpu.user + m.cpu.system));
    child.send('cpu');
  });
}

async function measure(child: ChildProcess, port: number, kind: 'open' | 'click', tokens: string[]) {
  const path = () => {
    const t = tokens[Math.floor(Math.random() * tokens.length)];
    return kind === 'open' ? `/o/${t}.gif` : `/c/${t}`;
  };
  const opts = {
    url: `http://127.0.0.1:${port}`,
    connections,
    headers: { 'user-agent': BROWSER },
    requests: [{ setupRequest: (req: { path: string }) => ({ ...req, path: path() }) }],
  };
  await autocannon({ ...opts, duration: 1 }); // warm-up: JIT, page cache
  const cpuBefore = await cpuOf(child);
  const r = (await autocannon({ ...opts, duration: seconds })) as Awaited<ReturnType<typeof autocannon>> &
    Record<'2xx' | '3xx' | '4xx' | '5xx', number>;
  const cpu = (await cpuOf(child)) - cpuBefore;
  return {
    rps: r.requests.average,
    /** Server CPU per answer: what the server itself spends, whatever else runs on the machine. */
    cpuUs: cpu / Math.max(1, r['2xx'] + r['3xx']),
    p50: r.latency.p50,
    p99: r.latency.p99,
    answered: r['2xx'] + r['3xx'],
    bad: r.errors + r.timeouts + r['4xx'] + r['5xx'],
  };
}

async function main(): Promise<void> {
  const role = process.argv[2];
  if (role === 'bare' || role === 'tracking') {
    const port = role === 'bare' ? await serveBare() : await serveTracking(process.argv[3] ?? '');
    process.send?.({ port });
    process.on('message', (m) => {
      if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
    });
    process.on('disconnect', () => process.exit(0));
    process.on('SIGTERM', () => process.exit(0)); // a clean exit writes the CPU profile (BENCH_PROF)
    return;
  }
  console.log(
    `Tracking hits, ${connections} connections, ${seconds} s each, ${recipients} recipients; ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  const { url, tokens, campaignId } = await seed();
  const { openDatabase } = await import('../src/server/db/index.js');
  const dbh = openDatabase(url);
  const events = () =>
    (dbh.sqlite!.prepare('select count(*) as n from phishing_events where campaign_id = ?').get(campaignId) as { n: number }).n;

  const rows: Array<Awaited<ReturnType<typeof measure>> & { name: string; stored: string; ratio: string }> = [];
  let failed = false;
  const ratios: Record<'open' | 'click', number[]> = { open: [], click: [] };
  const cpu: Record<'open' | 'click', number[]> = { open: [], click: [] };
  for (let round = 0; round < rounds; round++)
    for (const kind of ['open', 'click'] as const) {
      const bare = await startChild(['bare']);
      const b = await measure(bare.child, bare.port, kind, tokens).finally(() => bare.child.kill('SIGTERM'));
      const tracking = await startChild(['tracking', url]);
      const before = events();
      const t = await measure(tracking.child, tracking.port, kind, tokens).finally(() => tracking.child.kill('SIGTERM'));
      const stored = events() - before;
      rows.push({ name: `bare node:http, ${kind}`, ...b, stored: '-', ratio: '100 %' });
      // The warm-up's events count too: stored >= answered in the measured run.
      rows.push({ name: `tracking (SQLite), ${kind}`, ...t, stored: String(stored), ratio: `${((t.rps / b.rps) * 100).toFixed(0)} %` });
      ratios[kind].push(t.rps / b.rps);
      cpu[kind].push(t.cpuUs);
      if (b.bad + t.bad > 0 || stored < t.answered) failed = true;
    }
  await dbh.close();
  console.log('');
  console.log(
    `${'server'.padEnd(28)}${'req/s'.padStart(10)}${'CPU µs/req'.padStart(12)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'answered'.padStart(11)}${'events'.padStart(10)}${'errors'.padStart(8)}${'vs bare'.padStart(9)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(28)}${r.rps.toFixed(0).padStart(10)}${r.cpuUs.toFixed(0).padStart(12)}${r.p50.toFixed(0).padStart(9)}${r.p99.toFixed(0).padStart(9)}${String(r.answered).padStart(11)}${r.stored.padStart(10)}${String(r.bad).padStart(8)}${r.ratio.padStart(9)}`,
    );
  }
  if (rounds > 1) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    for (const kind of ['open', 'click'] as const) {
      console.log(
        `${kind}: median ratio ${(median(ratios[kind]) * 100).toFixed(0)} % (${ratios[kind].map((r) => (r * 100).toFixed(0)).join(', ')}), median listener CPU ${median(cpu[kind]).toFixed(0)} µs an answer`,
      );
    }
  }
  if (failed) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
