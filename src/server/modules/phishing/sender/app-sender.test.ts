import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import { onPostgres, testDb } from '../../../../../test/helpers/db.js';
import { makeOrg } from '../../../../../test/helpers/factories.js';
import { makeProfile, makeStaff, makeTemplate } from '../../../../../test/support/phishing-factory.js';
import { type SmtpSink, startSmtpSink } from '../../../../../test/support/smtp-sink.js';
import { type DbHandle, openDatabase } from '../../../db/index.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { orgAdmin } from '../../identity/test-kit.js';

/** PostgreSQL: a fresh database (its URL, so a second app can share it); SQLite: a fresh file. */
async function ownDatabase(): Promise<{ dbh: DbHandle; url: string | null }> {
  if (!onPostgres()) return { dbh: await testDb(), url: null };
  const base = inject('pgUrl');
  const name = `rempart_sender_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const dbh = openDatabase(url.toString());
  await migrateToLatest(dbh.db);
  return { dbh, url: url.toString() };
}

/**
 * The sender as the app runs it (JOBS on): a campaign launched through the API leaves on its
 * own. A database of its own, since this sender is not limited to one organization.
 */
describe('campaign sender in the app', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let url: string | null;
  const env = { JOBS: 'true', PUBLIC_BASE_URL: 'https://clic.example.test' };
  beforeAll(async () => {
    sink = await startSmtpSink();
    const own = await ownDatabase();
    url = own.url;
    t = await makeTestApp({ dbh: own.dbh, env });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
    if (url) {
      const admin = new pg.Client({ connectionString: inject('pgUrl') });
      await admin.connect();
      // No FORCE: terminating a connection a closing pool still holds crashed the run with an
      // unhandled 57P01; a database left behind (dropped by the next CI's fresh cluster) is harmless.
      await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)}`).catch(() => undefined);
      await admin.end();
    }
  });

  async function launch(count: number) {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const admin = await orgAdmin(t, org.id);
    const template = await makeTemplate(db);
    const profile = await makeProfile(db, { organizationId: org.id, port: sink.port });
    const staff = await makeStaff(db, org.id, count, { services: ['Bloc'] });
    const base = `/api/orgs/${org.id}/phishing/campaigns`;
    const now = new Date().toISOString();
    const draft = await admin.client.post(base, {
      name: 'Envoi automatique',
      templateId: template.id,
      sendingProfileId: profile.id,
      targets: { criteria: { services: ['Bloc'] } },
      launchAt: now,
    });
    expect(draft.statusCode).toBe(201);
    expect((await admin.client.post(`${base}/${draft.json().id}/launch`)).statusCode).toBe(200);
    return { admin, base, id: draft.json().id as string, emails: new Set(staff.map((s) => s.email)) };
  }

  const until = async (check: () => Promise<boolean>, ms = 20_000) => {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('sends a launched campaign once to each person, with links to PUBLIC_BASE_URL, then completes it', async () => {
    const c = await launch(15);
    await until(async () => (await c.admin.client.get(`${c.base}/${c.id}`)).json().status === 'completed');
    const mine = sink.messages.filter((m) => c.emails.has(m.to[0] ?? ''));
    expect(mine).toHaveLength(15);
    expect(new Set(mine.map((m) => m.to[0])).size).toBe(15);
    expect(mine[0]!.html).toMatch(/https:\/\/clic\.example\.test\/c\/[A-Za-z0-9_-]{22}/);
    expect((await c.admin.client.get(`${c.base}/${c.id}`)).json().progress).toMatchObject({ targets: 15, sent: 15, delivered: 15 });
  });

  it.skipIf(!onPostgres())('sends once with two app processes on one PostgreSQL database (one sender leads)', async () => {
    const second = await makeTestApp({ dbh: openDatabase(url ?? ''), env });
    try {
      const c = await launch(30);
      await until(async () => (await c.admin.client.get(`${c.base}/${c.id}`)).json().status === 'completed');
      const mine = sink.messages.filter((m) => c.emails.has(m.to[0] ?? ''));
      expect(mine).toHaveLength(30);
      expect(new Set(mine.map((m) => m.to[0])).size).toBe(30);
    } finally {
      await second.close();
    }
  });
});
