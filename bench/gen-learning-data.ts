/**
 * Shared pieces of the learning benchmarks (learning-answer.ts, learning-dashboard.ts): a fresh
 * SQLite file with the catalogue, bulk inserts of people and accounts with live sessions, the
 * app served from a child process, and a small HTTP load client that keeps one cookie per
 * simulated user and reports latency percentiles. Named gen-* so `npm run bench` skips it.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchKey } from '../src/server/db/dialect.js';
import { type DbHandle, openDatabase } from '../src/server/db/index.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import type { RoleFamily } from '../src/server/modules/identity/domain.js';
import { syncCatalogue } from '../src/server/modules/learning/catalogue-sync.js';
import { Sessions } from '../src/server/platform/auth/sessions.js';
import { systemClock } from '../src/server/platform/clock.js';
import { newId } from '../src/server/platform/ids.js';

export const CSRF = 'bench-csrf-token-0123456789abcdef';

/** Deterministic pseudo-random numbers (mulberry32), so two runs build the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A migrated SQLite file with the learning catalogue loaded; removed at exit unless BENCH_KEEP is set. */
export async function benchDatabase(): Promise<{ url: string; dbh: DbHandle }> {
  const dir = mkdtempSync(join(tmpdir(), 'rempart-bench-'));
  if (process.env.BENCH_KEEP) console.log(`database kept in ${dir}`);
  else process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const url = `sqlite:${join(dir, 'bench.sqlite')}`;
  const dbh = openDatabase(url);
  await migrateToLatest(dbh.db);
  await syncCatalogue(dbh.db, 'content/learning', new Date().toISOString());
  return { url, dbh };
}

export async function insertOrg(dbh: DbHandle, name: string): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await dbh.db
    .insertInto('organizations')
    .values({
      id,
      name,
      short_name: null,
      kind: 'chu',
      siret: null,
      city: 'Rouen',
      search_text: searchKey(name),
      archived: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Role families weighted like a hospital's staff (nurses and care assistants first). */
const FAMILIES: Array<[RoleFamily, number]> = [
  ['nurses_care_assistants', 45],
  ['physicians', 10],
  ['secretaries_reception', 8],
  ['pharmacy_lab', 5],
  ['administration_management', 10],
  ['technical_logistics', 10],
  ['it_biomedical', 3],
  ['students_interns', 7],
  ['external_staff', 2],
];
const SERVICES = Array.from({ length: 60 }, (_, i) => `Service ${String(i + 1).padStart(2, '0')}`);
const SITES = ['Charles-Nicolle', 'Bois-Guillaume', 'Saint-Julien', 'Oissel', 'Belvédère'];

export interface BenchPerson {
  id: string;
  roleFamily: RoleFamily;
  service: string;
}

/** People in one transaction of prepared statements (SQLite only: the benchmarks' database). */
export function insertPeople(dbh: DbHandle, orgId: string, n: number, random: () => number): BenchPerson[] {
  const sqlite = dbh.sqlite;
  if (!sqlite) throw new Error('the learning benchmarks run on SQLite');
  const total = FAMILIES.reduce((s, [, w]) => s + w, 0);
  const pick = (): RoleFamily => {
    let r = random() * total;
    for (const [f, w] of FAMILIES) {
      r -= w;
      if (r < 0) return f;
    }
    return 'nurses_care_assistants';
  };
  const now = new Date().toISOString();
  const insert = sqlite.prepare(
    `insert into people (id, organization_id, email, first_name, last_name, job_title, role_family, service, site, is_manager, active, search_text, created_at, updated_at, deactivated_at)
     values (?, ?, ?, ?, ?, null, ?, ?, ?, 0, 1, ?, ?, ?, null)`,
  );
  const people: BenchPerson[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = newId();
      const roleFamily = pick();
      // Services of uneven sizes, and a few teams of 2 or 3 people whose figures must be suppressed.
      const service = i % 1000 === 999 ? `Équipe mobile ${((i / 1000) % 8) | 0}` : SERVICES[Math.floor(random() ** 2 * SERVICES.length)]!;
      const site = SITES[Math.floor(random() * SITES.length)]!;
      const email = `agent.${i}@chu-bench.fr`;
      insert.run(id, orgId, email, 'Agent', `N${i}`, roleFamily, service, site, searchKey('Agent', `N${i}`, email), now, now);
      people.push({ id, roleFamily, service });
    }
  })();
  return people;
}

/** An account per person and a signed-in session (second factor passed) for each: the cookie tokens. */
export async function signIn(dbh: DbHandle, personIds: string[], grants: Array<{ role: string; orgId: string }> = []): Promise<string[]> {
  const sessions = new Sessions(dbh.db, systemClock, { idleMs: 3_600_000, absoluteMs: 12 * 3_600_000 });
  const now = new Date().toISOString();
  const tokens: string[] = [];
  for (const personId of personIds) {
    const id = newId();
    await dbh.db
      .insertInto('accounts')
      .values({
        id,
        email: `account.${id}@chu-bench.fr`,
        display_name: 'Agent',
        person_id: personId,
        locale: 'fr',
        password_hash: null,
        password_changed_at: null,
        totp_secret_enc: null,
        totp_pending_enc: null,
        totp_enabled_at: null,
        failed_attempts: 0,
        last_failed_at: null,
        locked_until: null,
        last_sign_in_at: null,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const g of grants) {
      await dbh.db
        .insertInto('role_grants')
        .values({
          id: newId(),
          account_id: id,
          role: g.role as 'manager',
          scope_kind: 'organization',
          scope_id: g.orgId,
          granted_by: null,
          created_at: now,
        })
        .execute();
    }
    tokens.push(await sessions.create(id, 'password', true, '127.0.0.1', 'bench'));
  }
  return tokens;
}

/** Child role: serves the app on the given database; the parent gets the port over IPC. */
export async function serveIfChild(): Promise<boolean> {
  if (process.argv[2] !== 'serve') return false;
  const { buildApp } = await import('../src/server/app.js');
  const { loadConfig } = await import('../src/server/config.js');
  const { OutboxMailer } = await import('../src/server/platform/mail/mailer.js');
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    DATABASE_URL: process.argv[3],
    PORT: '0',
    JOBS: 'false',
    // '0' serves every learning dashboard cold (nothing kept between requests).
    LEARNING_METRICS_CACHE_SECONDS: process.argv[4] || undefined,
  });
  const dbh = openDatabase(config.DATABASE_URL);
  const { app } = await buildApp({ config, dbh, mailer: new OutboxMailer(), secretKey: 'bench-secret-key-bench-secret-key-0123456789' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0 });
  // A clean exit on both, so BENCH_PROF's CPU profile gets written.
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
  return true;
}

/**
 * Starts the calling bench file again as the app server (own process, own event loop);
 * `metricsCacheSeconds` sets LEARNING_METRICS_CACHE_SECONDS there (default: the app's).
 */
export function startServer(dbUrl: string, metricsCacheSeconds?: number): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    // BENCH_PROF=dir: the server writes a V8 CPU profile there (open it in Chrome's DevTools).
    const prof = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
    const child = fork(process.argv[1] ?? '', ['serve', dbUrl, String(metricsCacheSeconds ?? '')], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [...process.execArgv, ...prof],
    });
    const timer = setTimeout(() => reject(new Error('app server did not start in 60 s')), 60_000);
    child.once('message', (m: { port: number }) => {
      clearTimeout(timer);
      resolve({ child, port: m.port });
    });
    child.once('exit', (code) => reject(new Error(`app server exited with code ${code}`)));
  });
}

export function stopServer(child: ChildProcess): void {
  child.removeAllListeners('exit');
  child.kill('SIGTERM');
}

export interface HttpResult {
  status: number;
  body: string;
  ms: number;
}

/** One request as a signed-in user (session cookie + CSRF double submit), timed. */
export function http(agent: Agent, port: number, token: string, method: string, path: string, body?: unknown): Promise<HttpResult> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          cookie: `rempart_session=${token}; rempart_csrf=${CSRF}`,
          'x-csrf-token': CSRF,
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export const keepAlive = (sockets: number): Agent => new Agent({ keepAlive: true, maxSockets: sockets });

/** Runs `jobs` with at most `concurrency` at once. */
export async function pool<T>(items: T[], concurrency: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await job(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export function percentiles(ms: number[]): { p50: number; p95: number; p99: number; max: number; mean: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
  return { p50: at(50), p95: at(95), p99: at(99), max: s.at(-1) ?? 0, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
}

export const f1 = (n: number): string => n.toFixed(1);
