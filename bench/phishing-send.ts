/**
 * Benchmark: the campaign sender (ADR 0007) sending BENCH_EMAILS (10,000) simulation emails to a
 * local SMTP sink (smtp-server in a child process that reads each message whole and counts it).
 * Measures the launch (recipients, schedule, counters in one transaction), then the sending
 * throughput (target, issue 4: at least 200 emails/s) and the peak RSS of the sending process.
 * The profile's rate is lifted for the run: the API caps a profile at 6,000 a minute, which is
 * politeness towards the relay, not the sender's capacity measured here.
 *
 *   npx tsx bench/phishing-send.ts
 * BENCH_EMAILS (10000), BENCH_CONNECTIONS (PHISHING_SEND_CONNECTIONS, 4), BENCH_DATABASE_URL (postgres://…; default a SQLite file).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../src/server/db/index.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { CampaignService } from '../src/server/modules/phishing/campaign-service.js';
import { CampaignSender } from '../src/server/modules/phishing/sender/worker.js';
import { AuditLog } from '../src/server/platform/audit-log/audit-log.js';
import { systemClock } from '../src/server/platform/clock.js';
import type { AppDeps } from '../src/server/platform/context.js';
import { systemContext } from '../src/server/platform/context.js';
import { LiveHub } from '../src/server/platform/live/hub.js';
import { SecretBox } from '../src/server/platform/secrets.js';
import { makeOrg } from '../test/helpers/factories.js';
import { makeProfile, makeStaff, makeTemplate } from '../test/support/phishing-factory.js';

const emails = Number(process.env.BENCH_EMAILS ?? 10_000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 4);
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(0);

/** The sink: counts complete messages, tells the parent every 100 ms. */
async function sink(): Promise<void> {
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
  const port = (server.server.address() as { port: number }).port;
  process.send?.({ port });
  setInterval(() => process.send?.({ received, rss: process.memoryUsage().rss }), 100).unref();
  process.on('disconnect', () => process.exit(0));
}

async function main(): Promise<void> {
  if (process.argv.includes('--sink')) return sink();
  console.log(
    `Phishing sender: node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} x${availableParallelism()}, ${emails} emails, ${connections} connections`,
  );
  const child = fork(fileURLToPath(import.meta.url), ['--sink'], { execArgv: ['--import', 'tsx'] });
  let received = 0;
  let sinkRss = 0;
  const port = await new Promise<number>((resolve) =>
    child.on('message', (m: { port?: number; received?: number; rss?: number }) => {
      if (m.port) resolve(m.port);
      if (m.received !== undefined) received = m.received;
      if (m.rss) sinkRss = Math.max(sinkRss, m.rss);
    }),
  );

  const dir = mkdtempSync(join(tmpdir(), 'rempart-bench-send-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const url = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'bench.sqlite')}`;
  const dbh = openDatabase(url);
  await migrateToLatest(dbh.db);
  const deps = {
    db: dbh.db,
    dbh,
    clock: systemClock,
    audit: new AuditLog(dbh.dialect, systemClock),
    secrets: new SecretBox('bench-secret-key-bench-secret-key-0123'),
    // Not started: nothing here streams live events.
    live: new LiveHub(dbh),
  };
  const org = await makeOrg(dbh.db, { name: 'CHU Bench (envoi)' });
  await makeStaff(dbh.db, org.id, emails);
  const template = await makeTemplate(dbh.db);
  const profile = await makeProfile(dbh.db, { organizationId: org.id, port, ratePerMinute: 10_000_000 });

  // Only the database, the clock and the audit log are used by the campaign service.
  const service = new CampaignService(deps as unknown as AppDeps);
  const tenant = { kind: 'organization' as const, id: org.id };
  const now = new Date().toISOString();
  const draft = await service.create(systemContext('bench'), tenant, {
    name: 'Bench',
    templateId: template.id,
    sendingProfileId: profile.id,
    targets: { criteria: {} },
    launchAt: now,
    spreadUntil: now,
  });
  let t0 = performance.now();
  await service.launch(systemContext('bench'), tenant, draft.id);
  console.log(`launch: ${emails} recipients in ${(performance.now() - t0).toFixed(0)} ms (${dbh.dialect})`);

  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const sender = new CampaignSender(deps, { baseUrl: 'https://clic.bench.test', reportAddress: 'signalement@bench.test', connections });
  t0 = performance.now();
  const sent = await sender.runUntilIdle();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const deadline = Date.now() + 10_000;
  while (received < emails && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const delivered = await dbh.db
    .selectFrom('phishing_recipients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', draft.id)
    .where('status', '=', 'delivered')
    .executeTakeFirst();
  console.log(`sent: ${sent} emails in ${seconds.toFixed(2)} s = ${(sent / seconds).toFixed(0)} emails/s (target ≥ 200)`);
  console.log(`sink received ${received}; delivered in the database: ${Number(delivered?.n ?? 0)}`);
  console.log(`peak RSS: sender process ${mb(peakRss)} MB (${mb(baseRss)} MB before sending), sink ${mb(sinkRss)} MB`);
  child.disconnect();
  await dbh.close();
}

await main();
