/**
 * Benchmark: results of a campaign of 100,000 recipients (issue 4: GET results p95 under 100 ms,
 * peak memory during that campaign under 400 MB), on the real app over a SQLite file.
 *
 * The parent builds an organization of BENCH_RECIPIENTS people (60 services of uneven sizes, role
 * families and sites as in a hospital) and an admin's session. The app runs in a child process
 * which, in turn: launches the campaign through the campaign service (recipients, schedule and
 * counters in one transaction), sends every email with the real sender to a local SMTP sink
 * (another child; BENCH_SEND=0 marks them delivered instead), records the recipients' reactions
 * through the tracking listener's batch writer (gen-phishing-results.ts), then serves
 * GET /api/orgs/:orgId/phishing/campaigns/:id/results (default, ?by=service, ?by=site), measured
 * one request at a time and BENCH_CONCURRENCY at once. The app's process loads only the app: its
 * peak RSS per phase is the kernel's (VmHWM from /proc, reset before each phase).
 *
 *   npx tsx bench/phishing-results.ts
 * BENCH_RECIPIENTS (100000), BENCH_REQUESTS (300 per query), BENCH_CONCURRENCY (10), BENCH_SEND (1),
 * BENCH_CONNECTIONS (4 SMTP connections), BENCH_PROF=dir (CPU profile of the app), BENCH_TRACE=ms
 * (the app's RSS and heap every ms, on stderr).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

// Everything else is imported where it is used: the app's process loads only the app (and the
// few bench lines that drive it), so that its memory is the app's.

const recipients = Number(process.env.BENCH_RECIPIENTS ?? 100_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 300);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);
const send = process.env.BENCH_SEND !== '0';
const smtpConnections = Number(process.env.BENCH_CONNECTIONS ?? 4);
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(0);

interface Setup {
  url: string;
  orgId: string;
  templateId: string;
  profileId: string;
}

type Command = { do: 'launch' | 'send' | 'track' | 'memory' };

/** Child: a sink that reads each message whole and counts it. */
async function sink(): Promise<void> {
  const { SMTPServer } = await import('smtp-server');
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, cb) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  process.send?.({ port: (server.server.address() as { port: number }).port });
  process.on('message', () => process.send?.({ received }));
  process.on('disconnect', () => process.exit(0));
}

/** Child: the app, which also runs the campaign's launch, sending and reactions on command. */
async function app(setup: Setup): Promise<void> {
  if (process.env.BENCH_TRACE) {
    // Where the memory goes over a long phase: resident, JS heap, outside the heap (buffers, SQLite).
    setInterval(() => {
      const m = process.memoryUsage();
      console.error(`[app] rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${mb(m.external)} MB`);
    }, Number(process.env.BENCH_TRACE) || 10_000).unref();
  }
  const { buildApp } = await import('../src/server/app.js');
  const { loadConfig } = await import('../src/server/config.js');
  const { OutboxMailer } = await import('../src/server/platform/mail/mailer.js');
  const { systemContext } = await import('../src/server/platform/context.js');
  const { CampaignService } = await import('../src/server/modules/phishing/campaign-service.js');
  const { CampaignSender } = await import('../src/server/modules/phishing/sender/worker.js');
  const { scannerRules } = await import('../src/server/modules/phishing/tracking/scanner.js');
  const { seeded, trackReactions } = await import('./gen-phishing-results.js');
  const { openDatabase } = await import('../src/server/db/index.js');
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    DATABASE_URL: setup.url,
    PORT: '0',
    JOBS: 'false',
    PUBLIC_PORT: '0',
    REPORT_SMTP_PORT: '0',
  });
  const dbh = openDatabase(config.DATABASE_URL);
  const built = await buildApp({ config, dbh, mailer: new OutboxMailer(), secretKey: 'bench-secret-key-bench-secret-key-0123456789' });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = built.app.server.address();
  const tenant = { kind: 'organization' as const, id: setup.orgId };
  const ctx = systemContext('bench');
  let campaignId = '';
  const phase = async (name: string, job: () => Promise<Record<string, unknown>>) => {
    const t0 = performance.now();
    const out = await job();
    const ms = performance.now() - t0;
    // Peaks come from the kernel (VmHWM, read by the parent): an in-process sampler does not run
    // while a phase keeps the event loop busy. What the JS heap holds once garbage is gone, against what the process keeps resident.
    globalThis.gc?.();
    const m = process.memoryUsage();
    return { name, ms, heapAfterGc: m.heapUsed + m.external, heapTotal: m.heapTotal, rssAfterGc: m.rss, ...out };
  };
  process.on('message', async (m: Command) => {
    const reply = (r: unknown) => process.send?.(r);
    if (m.do === 'launch') {
      const service = new CampaignService(built.deps);
      reply(
        await phase('launch', async () => {
          const now = new Date().toISOString();
          const draft = await service.create(ctx, tenant, {
            name: 'Bench 100 000',
            templateId: setup.templateId,
            sendingProfileId: setup.profileId,
            targets: { criteria: {} },
            launchAt: now,
            spreadUntil: now,
          });
          campaignId = draft.id;
          const t0 = performance.now();
          await service.launch(ctx, tenant, draft.id);
          // The launch alone (docs/api-phishing.md: 20,000 recipients in under 1.5 s), without the draft's creation.
          return { campaignId, launchMs: performance.now() - t0 };
        }),
      );
    } else if (m.do === 'send') {
      reply(
        await phase('send', async () => {
          if (!send) {
            // Without a sink: every email delivered now, counters to match.
            const at = new Date(Date.now() - 60_000).toISOString();
            const s = dbh.sqlite!;
            s.prepare(`update phishing_recipients set status = 'delivered', sent_at = ?, delivered_at = ? where campaign_id = ?`).run(
              at,
              at,
              campaignId,
            );
            s.prepare('update phishing_campaign_stats set sent = targets, delivered = targets where campaign_id = ?').run(campaignId);
            return { sent: 0 };
          }
          const sender = new CampaignSender(built.deps, {
            baseUrl: 'https://clic.bench.test',
            reportAddress: 'signalement@bench.test',
            connections: smtpConnections,
          });
          return { sent: await sender.runUntilIdle() };
        }),
      );
    } else if (m.do === 'track') {
      reply(await phase('track', async () => ({ ...trackReactions(dbh, campaignId, scannerRules(config), seeded(4)) })));
    } else {
      reply({ name: 'memory', rss: process.memoryUsage().rss });
    }
  });
  process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0, rss: process.memoryUsage().rss });
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}

function start(args: string[]): Promise<{ child: ChildProcess; port: number; rss: number }> {
  const prof = process.env.BENCH_PROF && args[0] === 'app' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
  const child = fork(process.argv[1] ?? '', args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // --expose-gc: each phase reports what the heap still holds once its garbage is collected.
    execArgv: [...process.execArgv, ...prof, ...(args[0] === 'app' ? ['--expose-gc'] : [])],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number; rss?: number }) => resolve({ child, port: m.port, rss: m.rss ?? 0 }));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with code ${code}`)));
  });
}

function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m: T) => resolve(m));
    child.send(message as object);
  });
}

async function prepare(sinkPort: number): Promise<Setup & { token: string }> {
  const { openDatabase } = await import('../src/server/db/index.js');
  const { migrateToLatest } = await import('../src/server/db/migrate.js');
  const { makeProfile, makeTemplate } = await import('../test/support/phishing-factory.js');
  const { insertOrg, insertPeople, rng, signIn } = await import('./gen-learning-data.js');
  const dir = mkdtempSync(join(tmpdir(), 'rempart-bench-results-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const url = `sqlite:${join(dir, 'bench.sqlite')}`;
  const dbh = openDatabase(url);
  await migrateToLatest(dbh.db);
  const orgId = await insertOrg(dbh, 'CHU Bench (résultats)');
  const people = insertPeople(dbh, orgId, recipients, rng(2028));
  const template = await makeTemplate(dbh.db, { organizationId: orgId });
  const profile = await makeProfile(dbh.db, { organizationId: orgId, port: sinkPort, ratePerMinute: 10_000_000 });
  const [token] = await signIn(dbh, [people[0]!.id], [{ role: 'org_admin', orgId }]);
  await dbh.close();
  return { url, orgId, templateId: template.id, profileId: profile.id, token: token! };
}

async function main(): Promise<void> {
  const role = process.argv[2];
  if (role === 'sink') return sink();
  if (role === 'app') return app(JSON.parse(process.argv[3] ?? '{}') as Setup);
  console.log(
    `Phishing results: node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} x${availableParallelism()}, load ${loadavg()[0]?.toFixed(1)}, ${recipients} recipients`,
  );
  const sinkChild = await start(['sink']);
  const { token, ...setup } = await prepare(sinkChild.port);
  const server = await start(['app', JSON.stringify(setup)]);
  const { f1, http, keepAlive, percentiles, pool } = await import('./gen-learning-data.js');
  const { procMemory, resetPeakOf } = await import('./gen-phishing-results.js');
  const pid = server.child.pid;
  const resetPeak = () => resetPeakOf(pid);
  let overall = procMemory(pid).hwm;
  const measured = async <T extends Record<string, unknown>>(child: ChildProcess, message: unknown) => {
    resetPeak();
    const out = await ask<T>(child, message);
    const kernel = procMemory(pid);
    overall = Math.max(overall, kernel.hwm);
    return { ...out, hwm: kernel.hwm, anon: kernel.anon };
  };
  try {
    type Phase = {
      name: string;
      ms: number;
      heapTotal: number;
      anon: number;
      heapAfterGc: number;
      rssAfterGc: number;
      hwm: number;
    } & Record<string, unknown>;
    const memo = (p: Phase) =>
      `app peak RSS ${mb(p.hwm)} MB (kernel); after a full GC: JS live ${mb(p.heapAfterGc)} MB, heap reserved ${mb(p.heapTotal)} MB, RSS ${mb(p.rssAfterGc)} MB of which anonymous ${mb(p.anon)} MB`;
    console.log(`app started and idle: RSS ${mb(server.rss)} MB, peak so far ${mb(overall)} MB`);
    const launch = await measured<Phase>(server.child, { do: 'launch' });
    const sent = await measured<Phase>(server.child, { do: 'send' });
    const received = send ? (await ask<{ received: number }>(sinkChild.child, 'count')).received : 0;
    const track = await measured<Phase>(server.child, { do: 'track' });
    const launchS = `${f1(Number(launch.launchMs) / 1000)} s (with the draft's creation ${f1(launch.ms / 1000)} s)`;
    console.log(`launch: ${recipients} recipients in ${launchS}; ${memo(launch)}`);
    if (send) {
      const rate = (Number(sent.sent) / (sent.ms / 1000)).toFixed(0);
      console.log(`send: ${sent.sent} emails in ${f1(sent.ms / 1000)} s = ${rate}/s, sink received ${received}; ${memo(sent)}`);
    } else console.log('send: skipped (BENCH_SEND=0), recipients marked delivered');
    console.log(`reactions: ${track.events} events through the tracking writer in ${f1(track.ms / 1000)} s; ${memo(track)}`);
    resetPeak();

    const agent = keepAlive(concurrency);
    const base = `/api/orgs/${setup.orgId}/phishing/campaigns/${launch.campaignId}/results`;
    let failed = 0;
    let worst = 0;
    console.log(`\n${'query'.padEnd(34)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'max ms'.padStart(8)}`);
    for (const [query, c] of [
      ['', 1],
      ['?by=service', 1],
      ['?by=site', 1],
      ['', concurrency],
      ['?by=service', concurrency],
    ] as const) {
      const ms: number[] = [];
      await pool(
        Array.from({ length: requests + 10 }, (_, i) => i),
        c,
        async (i) => {
          const r = await http(agent, server.port, token, 'GET', base + query);
          if (r.status !== 200) failed++;
          if (i >= 10) ms.push(r.ms); // the first ten warm the app up
        },
      );
      const p = percentiles(ms);
      worst = Math.max(worst, p.p95);
      console.log(
        `${`results${query}, ${c} at once`.padEnd(34)}${f1(p.p50).padStart(8)}${f1(p.p95).padStart(8)}${f1(p.p99).padStart(8)}${f1(p.max).padStart(8)}`,
      );
    }
    agent.destroy();
    const results = procMemory(pid);
    overall = Math.max(overall, results.hwm);
    console.log(`results requests: app peak RSS ${mb(results.hwm)} MB (kernel), ${mb(results.rss)} MB at the end`);
    console.log(`\napp process: peak RSS ${mb(overall)} MB over the whole campaign (kernel VmHWM, highest of the phases)`);
    console.log(
      `errors: ${failed}; p95 < 100 ms: ${worst < 100 ? 'met' : 'MISSED'} (worst ${f1(worst)} ms); peak < 400 MB: ${overall < 400 * 1_048_576 ? 'met' : 'MISSED'}`,
    );
    if (failed > 0 || (send && received < recipients)) process.exitCode = 1;
  } finally {
    server.child.removeAllListeners('exit');
    server.child.kill('SIGTERM');
    sinkChild.child.removeAllListeners('exit');
    sinkChild.child.disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
