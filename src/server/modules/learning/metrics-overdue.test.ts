import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Client, clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { onPostgres } from '../../../../test/helpers/db.js';
import { makeAccount, makeOrg, makePerson } from '../../../../test/helpers/factories.js';
import { fromJson } from '../../db/dialect.js';
import { type DbHandle, openDatabase } from '../../db/index.js';
import { FolderMigrationProvider, migrateToLatest } from '../../db/migrate.js';
import { FixedClock } from '../../platform/clock.js';
import { orgAdmin } from '../identity/test-kit.js';
import type { Question } from './content-schema.js';
import type { AttemptState, PlayerState } from './learner-schema.js';
import type { OrgMetrics } from './metrics-schema.js';

const DAY = 86_400_000;
const BASICS = ['phishing-health-staff', 'usb-personal-devices'];

/**
 * Overdue is counted from learning_person_stats.next_due_at (no read of the late assignments), in
 * people: these scenarios go through the real services (rules, the learner's player) and let time
 * pass with a FixedClock, and check the count after every kind of change.
 */
describe('learning metrics: overdue people', () => {
  // Months after the jobs suite's clock: its reminder run (over the shared database) must not see these people.
  const clock = new FixedClock(new Date('2027-06-01T08:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    // Nothing kept between requests: each read below sees the counters as they are.
    t = await makeTestApp({ clock, env: { LEARNING_METRICS_CACHE_SECONDS: '0' } });
  });
  afterAll(async () => t.close());

  const later = (days: number) => clock.advance(days * DAY);
  // Sessions end after hours of FixedClock time: each step signs in again.
  const signed = (accountId: string): Promise<Client> => clientFor(t, accountId);

  async function questionsOf(moduleId: string): Promise<Map<string, Question>> {
    const row = await t.dbh.db
      .selectFrom('learning_module_texts')
      .select('questions')
      .where('module_id', '=', moduleId)
      .where('language', '=', 'fr')
      .executeTakeFirstOrThrow();
    return new Map(fromJson<Question[]>(row.questions, []).map((q) => [q.id, q]));
  }

  /** The learner takes the module through the player and answers every question right. */
  async function complete(accountId: string, personId: string, moduleId: string): Promise<void> {
    const c = await signed(accountId);
    const a = await t.dbh.db
      .selectFrom('learning_assignments')
      .select('id')
      .where('person_id', '=', personId)
      .where('module_id', '=', moduleId)
      .executeTakeFirstOrThrow();
    const started = await c.post(`/api/learning/me/assignments/${a.id}/attempts`);
    expect(started.statusCode).toBe(200);
    const attempt = (started.json() as PlayerState).attempt as AttemptState;
    await c.patch(`/api/learning/me/attempts/${attempt.id}`, { phase: 'quiz' });
    const bank = await questionsOf(moduleId);
    for (const q of attempt.questions) {
      const choiceIndex = bank.get(q.id)!.choices.findIndex((x) => x.correct);
      expect(
        (await c.post(`/api/learning/me/attempts/${attempt.id}/answers`, { questionId: q.id, choiceIndex, kind: 'quiz' })).statusCode,
      ).toBe(200);
    }
    const finished = await c.post(`/api/learning/me/attempts/${attempt.id}/finish`);
    expect(finished.json()).toMatchObject({ passed: true, assignment: { status: 'completed' } });
  }

  it('counts people with a module past due, right after enrolment, time passing, completion and a new assignment', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    await t.dbh.db.updateTable('people').set({ active: 0 }).where('id', '=', admin.personId!).execute();
    const base = `/api/orgs/${org.id}/learning`;
    const nurses = await Promise.all([1, 2, 3, 4, 5, 6].map(() => makePerson(t.dbh.db, org.id, { roleFamily: 'nurses_care_assistants' })));
    const doctors = await Promise.all([1, 2, 3, 4, 5, 6].map(() => makePerson(t.dbh.db, org.id, { roleFamily: 'physicians' })));
    const hers = nurses[0]!;
    const her = (await makeAccount(t.dbh.db, { personId: hers.id })).id;

    const metrics = async (): Promise<OrgMetrics> => {
      const res = await (await signed(admin.accountId)).get(`${base}/metrics?by=role_family`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const overdue = async () => {
      const m = await metrics();
      const of = (key: string) => (m.groups.find((g) => g.key === key) as { overdue?: number }).overdue;
      return { nurses: of('nurses_care_assistants'), doctors: of('physicians'), total: (m.totals as { overdue: number }).overdue };
    };

    // Two modules for the nurses, due in 10 days; one for the doctors, due in 30 days.
    const curriculum = async (moduleIds: string[], dueDays: number) => {
      const res = await (await signed(admin.accountId)).post(`${base}/curricula`, {
        nameFr: 'Socle',
        nameEn: 'Basics',
        moduleIds,
        dueDays,
        recurrenceMonths: null,
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    const rule = async (curriculumId: string, roleFamilies: string[], dueDays: number) =>
      expect((await (await signed(admin.accountId)).post(`${base}/rules`, { curriculumId, roleFamilies, dueDays })).statusCode).toBe(201);
    await rule(await curriculum(BASICS, 10), ['nurses_care_assistants'], 10);
    await rule(await curriculum(['reporting-an-incident'], 30), ['physicians'], 30);
    expect(await overdue()).toEqual({ nurses: 0, doctors: 0, total: 0 });

    // Ten days and a second later: every nurse is late on two modules, and counts once.
    later(10);
    clock.advance(1000);
    expect(await overdue()).toEqual({ nurses: 6, doctors: 0, total: 6 });

    // One module completed late leaves her overdue on the other; both completed, she is not.
    await complete(her, hers.id, BASICS[0]!);
    expect(await overdue()).toMatchObject({ nurses: 6 });
    await complete(her, hers.id, BASICS[1]!);
    expect(await overdue()).toEqual({ nurses: 5, doctors: 0, total: 5 });

    // A new module for all nurses, due in 5 days: she is not late on it yet, then she is.
    await rule(await curriculum(['reporting-an-incident'], 5), ['nurses_care_assistants'], 5);
    expect(await overdue()).toEqual({ nurses: 5, doctors: 0, total: 5 });
    later(5);
    clock.advance(1000);
    expect(await overdue()).toEqual({ nurses: 6, doctors: 0, total: 6 });

    // The doctors' due date passes too; a person who leaves is no longer counted.
    later(15);
    await t.dbh.db.updateTable('people').set({ active: 0 }).where('id', '=', doctors[0]!.id).execute();
    expect(await overdue()).toEqual({ nurses: 6, doctors: 5, total: 11 });

    const stats = await t.dbh.db.selectFrom('learning_person_stats').selectAll().where('person_id', '=', hers.id).executeTakeFirstOrThrow();
    expect(stats).toMatchObject({
      assigned: 3,
      completed: 2,
      next_due_at: new Date(Date.parse('2027-06-11T08:00:01Z') + 5 * DAY).toISOString(),
    });
  });
});

/** A database of its own, migrated up to `migration` only: SQLite file, or a new PostgreSQL database. */
async function databaseAt(migration: string): Promise<{ dbh: DbHandle; drop: () => Promise<void> }> {
  let url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'rempart-test-')), 'test.sqlite')}`;
  let drop = async () => {};
  if (onPostgres()) {
    const base = inject('pgUrl');
    const name = `rempart_next_due_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = async (q: string) => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(q);
      await c.end();
    };
    await admin(`create database ${name}`);
    const u = new URL(base);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = () => admin(`drop database if exists ${name} with (force)`);
  }
  const dbh = openDatabase(url);
  const { error } = await new Migrator({ db: dbh.db, provider: new FolderMigrationProvider() }).migrateTo(migration);
  if (error) throw error;
  return { dbh, drop };
}

describe('migration 2026-11-29T0700_learning_person_next_due', () => {
  it('fills next_due_at of existing counters from the unfinished assignments', async () => {
    const { dbh, drop } = await databaseAt('2026-11-29T0100_learning');
    try {
      const at = '2026-11-01T00:00:00.000Z';
      // biome-ignore lint/suspicious/noExplicitAny: the schema before the migration
      const db = dbh.db as any;
      await db
        .insertInto('organizations')
        .values({
          id: 'o1',
          name: 'CH',
          short_name: null,
          kind: 'chu',
          siret: null,
          city: null,
          search_text: 'ch',
          archived: 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const person = (id: string) => ({
        id,
        organization_id: 'o1',
        email: `${id}@ch.fr`,
        first_name: 'A',
        last_name: id,
        job_title: null,
        role_family: 'physicians',
        service: null,
        site: null,
        is_manager: 0,
        active: 1,
        search_text: id,
        created_at: at,
        updated_at: at,
        deactivated_at: null,
      });
      await db
        .insertInto('people')
        .values([person('late'), person('done'), person('none')])
        .execute();
      const module = (id: string) => ({
        id,
        organization_id: 'o1',
        origin: 'custom',
        forked_from: null,
        kind: 'lesson',
        audience: 'staff',
        level: 1,
        topic: 'phishing',
        role_families: '[]',
        threat_tags: '[]',
        version: 1,
        duration_minutes: 5,
        status: 'published',
        last_reviewed: null,
        content_hash: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      });
      await db
        .insertInto('learning_modules')
        .values([module('m1'), module('m2'), module('m3')])
        .execute();
      const work = [
        ['late', 'm1', 'assigned', '2026-11-20T00:00:00.000Z'],
        ['late', 'm2', 'in_progress', '2026-11-10T00:00:00.000Z'],
        ['late', 'm3', 'completed', '2026-11-05T00:00:00.000Z'],
        ['done', 'm1', 'completed', '2026-11-10T00:00:00.000Z'],
        ['none', 'm1', 'assigned', null],
      ] as const;
      await db
        .insertInto('learning_assignments')
        .values(
          work.map(([p, m, status, due], i) => ({
            id: `a${i}`,
            organization_id: 'o1',
            person_id: p,
            module_id: m,
            source: 'manual',
            cycle: '',
            status,
            assigned_at: at,
            due_at: due,
          })),
        )
        .execute();
      const stats = (id: string) => ({ person_id: id, organization_id: 'o1', assigned: 1, completed: 0, updated_at: at });
      await db
        .insertInto('learning_person_stats')
        .values([stats('late'), stats('done'), stats('none')])
        .execute();

      await migrateToLatest(dbh.db);
      const rows = await dbh.db.selectFrom('learning_person_stats').select(['person_id', 'next_due_at']).orderBy('person_id').execute();
      expect(rows).toEqual([
        { person_id: 'done', next_due_at: null },
        { person_id: 'late', next_due_at: '2026-11-10T00:00:00.000Z' },
        { person_id: 'none', next_due_at: null },
      ]);
    } finally {
      await dbh.close();
      await drop();
    }
  });
});
