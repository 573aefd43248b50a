import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import { makeOrg } from '../../../../../test/helpers/factories.js';
import { makeProfile, makeStaff, makeTemplate, SAMPLE_HTML } from '../../../../../test/support/phishing-factory.js';
import { type SmtpSink, startSmtpSink } from '../../../../../test/support/smtp-sink.js';
import { openDatabase } from '../../../db/index.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { systemContext } from '../../../platform/context.js';
import { CampaignService } from '../campaign-service.js';

/**
 * ADR 0007, the check: a real sender process on a SQLite file, killed with SIGKILL at
 * random moments while it sends, started again each time; in the end every recipient has received
 * exactly one email and none is missing. Runs on its own SQLite file whatever TEST_DATABASE_URL says.
 */
const CHILD = fileURLToPath(new URL('./kill-nine-child.ts', import.meta.url));
const RECIPIENTS = 300;
const KILLS = 3;

type Child = ChildProcessByStdio<null, Readable, Readable>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sender killed with SIGKILL while sending', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let file: string;
  let child: Child | null = null;
  beforeAll(async () => {
    sink = await startSmtpSink();
    file = join(mkdtempSync(join(tmpdir(), 'rempart-kill9-')), 'kill9.sqlite');
    const dbh = openDatabase(`sqlite:${file}`);
    await migrateToLatest(dbh.db);
    t = await makeTestApp({ dbh });
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await t?.close();
    await sink?.stop();
  });

  /** Starts the sender process (node with the tsx loader, so SIGKILL reaches the sender itself). */
  async function startSender(log: string[]): Promise<Child> {
    const c = spawn(process.execPath, ['--import', 'tsx', CHILD, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SENDER_CONNECTIONS: '2' },
    });
    child = c;
    c.stderr.on('data', (d: Buffer) => log.push(d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sender did not start: ${log.join('')}`)), 30_000);
      c.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      c.once('exit', (code) => reject(new Error(`sender exited (${code}): ${log.join('')}`)));
    });
    return c;
  }
  const exited = (c: Child) =>
    c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once('exit', () => r()));

  it('delivers exactly one email to each recipient across three kills', { timeout: 180_000 }, async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    // A heavier body (about 60 kB) keeps each DATA long enough for kills to land inside one.
    const template = await makeTemplate(db, { html: `${SAMPLE_HTML}<p>${'Merci de vérifier votre quota. '.repeat(2000)}</p>` });
    const profile = await makeProfile(db, { organizationId: org.id, port: sink.port, ratePerMinute: 6000 });
    const staff = await makeStaff(db, org.id, RECIPIENTS);
    const emails = new Set(staff.map((s) => s.email));
    const service = new CampaignService(t.deps);
    const tenant = { kind: 'organization' as const, id: org.id };
    const now = new Date().toISOString();
    const draft = await service.create(systemContext(), tenant, {
      name: 'kill -9',
      templateId: template.id,
      sendingProfileId: profile.id,
      targets: { criteria: {} },
      launchAt: now,
      spreadUntil: now,
    });
    await service.launch(systemContext(), tenant, draft.id);
    const received = () => sink.messages.filter((m) => emails.has(m.to[0] ?? '')).length;
    const open = async () =>
      (
        await db
          .selectFrom('phishing_recipients')
          .select('id')
          .where('campaign_id', '=', draft.id)
          .where('status', 'in', ['pending', 'sending', 'retry'])
          .execute()
      ).length;

    const log: string[] = [];
    const progress: Array<[number, number]> = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const c = await startSender(log);
      const before = received();
      // A random moment while it sends: after 1 to 40 more emails arrived, plus 0 to 30 ms.
      const target = before + 1 + Math.floor(Math.random() * 40);
      const until = Date.now() + 60_000;
      while (received() < target && Date.now() < until) await sleep(2);
      await sleep(Math.floor(Math.random() * 30));
      c.kill('SIGKILL');
      await exited(c);
      await sleep(300); // what the sink had in full before the kill is now parsed
      progress.push([before, received()]);
    }
    // Each run was killed while it was sending, before the campaign was over.
    for (const [before, after] of progress) expect(after, JSON.stringify(progress)).toBeGreaterThan(before);
    expect(received()).toBeLessThan(RECIPIENTS);

    const last = await startSender(log);
    const deadline = Date.now() + 120_000;
    while ((await open()) > 0 && Date.now() < deadline) await sleep(100);
    last.kill('SIGTERM');
    await exited(last);
    await sleep(300);

    const perAddress = new Map<string, number>();
    for (const m of sink.messages) for (const to of m.to) if (emails.has(to)) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    const duplicates = [...perAddress].filter(([, n]) => n > 1);
    const missing = [...emails].filter((e) => !perAddress.has(e));
    expect({ duplicates, missing }).toEqual({ duplicates: [], missing: [] });
    const statuses = await db.selectFrom('phishing_recipients').select('status').where('campaign_id', '=', draft.id).execute();
    expect(statuses.every((s) => s.status === 'delivered' || s.status === 'sent')).toBe(true);
    const recovered = log.join('').match(/recovered \d+ interrupted, \d+ unconfirmed/g) ?? [];
    console.info(`kill -9: received per run ${JSON.stringify(progress)}; ${recovered.join(', ') || 'no claim interrupted'}`);
  });
});
