import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedDb } from '../../test/helpers/db.js';
import type { DbHandle } from '../server/db/index.js';
import { verifyAuditChain } from '../server/platform/audit-log/audit-log.js';
import { verifyPassword } from '../server/platform/auth/password.js';
import { DEMO_PASSWORD, demoSignIns, generatePeople, seedDemo, seedDemoIfEmpty, seededRandom } from './demo.js';
import { demoOrgs } from './demo-catalog.js';
import { disposeDb } from './test-support.js';

describe('demo seed', () => {
  let dbh: DbHandle;
  // No timed assertion here: under a loaded CI the seed's duration says nothing about the code.
  beforeAll(async () => {
    dbh = await isolatedDb();
    expect(await seedDemoIfEmpty(dbh, () => {})).toBe(true);
  });
  afterAll(async () => disposeDb(dbh));

  it('builds the GHT and the CPTS with their members and leads', async () => {
    const orgs = await dbh.db.selectFrom('organizations').select(['id', 'name', 'kind']).execute();
    const kinds = orgs.map((o) => o.kind).sort();
    expect(kinds).toEqual(
      [
        'ars',
        'ch',
        'chu',
        'ehpad',
        'gp_practice',
        'gp_practice',
        'lab',
        'nurses_practice',
        'pharmacy',
        'private_clinic',
        'provider',
        'provider',
        'psychiatric_hospital',
      ].sort(),
    );
    const ght = await dbh.db.selectFrom('territories').selectAll().where('name', '=', 'GHT Seine-Estuaire').executeTakeFirstOrThrow();
    const members = await dbh.db
      .selectFrom('territory_members')
      .innerJoin('organizations', 'organizations.id', 'territory_members.organization_id')
      .select(['organizations.kind', 'territory_members.is_lead'])
      .where('territory_id', '=', ght.id)
      .execute();
    expect(members.map((m) => m.kind).sort()).toEqual(['ch', 'chu', 'ehpad', 'private_clinic', 'psychiatric_hospital']);
    expect(members.filter((m) => m.is_lead === 1).map((m) => m.kind)).toEqual(['chu']);
    const cpts = await dbh.db.selectFrom('territories').select('id').where('kind', '=', 'cpts').executeTakeFirstOrThrow();
    const cptsMembers = await dbh.db
      .selectFrom('territory_members')
      .innerJoin('organizations', 'organizations.id', 'territory_members.organization_id')
      .select('organizations.kind')
      .where('territory_id', '=', cpts.id)
      .execute();
    expect(cptsMembers.map((m) => m.kind).sort()).toEqual(['gp_practice', 'gp_practice', 'lab', 'nurses_practice', 'pharmacy']);
  });

  it('writes about 3,000 people with unique .demo emails, sized per establishment', async () => {
    const people = await dbh.db
      .selectFrom('people')
      .innerJoin('organizations', 'organizations.id', 'people.organization_id')
      .select(['email', 'kind', 'role_family'])
      .execute();
    expect(people.length).toBeGreaterThan(2900);
    expect(people.length).toBeLessThan(3200);
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
    expect(people.every((p) => /^[a-z0-9-]+\.[a-z0-9-]+\d*@[a-z0-9-]+\.demo$/.test(p.email))).toBe(true);
    const chu = people.filter((p) => p.kind === 'chu');
    expect(chu.length).toBe(1700);
    expect(new Set(chu.map((p) => p.role_family)).size).toBe(9);
  });

  it('creates the demo accounts with their roles and the demo password', async () => {
    const rows = await dbh.db
      .selectFrom('accounts')
      .leftJoin('role_grants', 'role_grants.account_id', 'accounts.id')
      .select(['accounts.email', 'accounts.password_hash', 'role_grants.role'])
      .execute();
    const roles = (email: string) =>
      rows
        .filter((r) => r.email === email)
        .map((r) => r.role)
        .sort();
    expect(roles('admin@rempart.demo')).toEqual(['platform_admin']);
    expect(roles('claire.morvan@chu-rivemont.demo')).toEqual(['org_admin', 'territory_coordinator']);
    expect(roles('sophie.lebreton@msp-peupliers.demo')).toEqual(['territory_coordinator']);
    expect(roles('julien.carpentier@ch-breval.demo')).toEqual(['org_admin']);
    expect(roles('nadia.benali@chu-rivemont.demo')).toEqual(['manager']);
    expect(roles('lucas.hamel@chu-rivemont.demo')).toEqual(['learner']);
    const admin = rows.find((r) => r.email === 'admin@rempart.demo');
    expect(await verifyPassword(admin?.password_hash ?? '', DEMO_PASSWORD)).toBe(true);
    // The learner signs in by magic link only.
    expect(rows.find((r) => r.email === 'lucas.hamel@chu-rivemont.demo')?.password_hash).toBeNull();
    const learner = await dbh.db
      .selectFrom('accounts')
      .innerJoin('people', 'people.id', 'accounts.person_id')
      .select(['people.job_title', 'people.service'])
      .where('accounts.email', '=', 'lucas.hamel@chu-rivemont.demo')
      .executeTakeFirstOrThrow();
    expect(learner).toEqual({ job_title: 'Infirmier (IDE)', service: 'Urgences' });
  });

  it('audits one entry per organization and territory plus a summary, on an intact chain', async () => {
    const entries = await dbh.db.selectFrom('audit_log').select(['action', 'actor_label']).orderBy('seq').execute();
    expect(entries.filter((e) => e.action === 'organization.created')).toHaveLength(demoOrgs.length);
    expect(entries.filter((e) => e.action === 'territory.created')).toHaveLength(2);
    // The seed's own entries; the modules' demo data (library, actions) is audited after it.
    const seed = entries.filter((e) => /^(organization|territory|demo)\./.test(e.action));
    expect(seed.at(-1)?.action).toBe('demo.seeded');
    expect(seed).toHaveLength(demoOrgs.length + 3);
    expect(await verifyAuditChain(dbh.db)).toMatchObject({ ok: true });
  });

  it('does not seed twice, and prints the sign-ins', async () => {
    expect(await seedDemoIfEmpty(dbh, () => {})).toBe(false);
    await expect(seedDemo(dbh)).rejects.toThrow(/already seeded/);
    const lines = (await demoSignIns(dbh, 'http://127.0.0.1:8080')).join('\n');
    expect(lines).toContain('admin@rempart.demo');
    expect(lines).toContain(DEMO_PASSWORD);
    expect(lines).toContain('lucas.hamel@chu-rivemont.demo');
  });

  it('gives the demo a learning history: rule-based onboarding, scores, counters, a due module for the learner, a patient page', async () => {
    const db = dbh.db;
    const chu = await db.selectFrom('organizations').select('id').where('short_name', '=', 'CHU Rivemont').executeTakeFirstOrThrow();
    const done = await db
      .selectFrom('learning_assignments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', chu.id)
      .where('status', '=', 'completed')
      .executeTakeFirstOrThrow();
    expect(Number(done.n)).toBeGreaterThan(1000);
    const stats = await db
      .selectFrom('learning_person_stats')
      .select(['completed', 'assigned'])
      .where('organization_id', '=', chu.id)
      .execute();
    expect(stats.length).toBeGreaterThan(1000);
    expect(stats.reduce((a, r) => a + Number(r.completed), 0)).toBe(Number(done.n));
    const learner = await db
      .selectFrom('learning_assignments')
      .innerJoin('people', 'people.id', 'learning_assignments.person_id')
      .select(['learning_assignments.status', 'learning_assignments.due_at'])
      .where('people.email', '=', 'lucas.hamel@chu-rivemont.demo')
      .execute();
    expect(learner.length).toBeGreaterThan(2);
    expect(learner.every((a) => a.status === 'assigned' && a.due_at !== null)).toBe(true);
    const lines = (await demoSignIns(dbh, 'http://127.0.0.1:8080')).join('\n');
    expect(lines).toMatch(/\/sensibilisation\/[A-Za-z0-9_-]{16}/);
  });

  it('leaves no past reminder or escalation for the first job run to mail (the learning jobs’ own criteria)', async () => {
    const now = new Date();
    const pending = (column: 'reminder_sent_at' | 'escalated_at', dueBefore: Date) =>
      dbh.db
        .selectFrom('learning_assignments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['assigned', 'in_progress'])
        .where(column, 'is', null)
        .where('due_at', 'is not', null)
        .where('due_at', '<=', dueBefore.toISOString())
        .executeTakeFirstOrThrow();
    // Reminders go out three days before the due date, escalations once it has passed.
    expect(Number((await pending('reminder_sent_at', new Date(now.getTime() + 3 * 86_400_000))).n)).toBe(0);
    expect(Number((await pending('escalated_at', now)).n)).toBe(0);
    // Late learners are still there, for the dashboards.
    const late = await dbh.db
      .selectFrom('learning_assignments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['assigned', 'in_progress'])
      .where('due_at', '<', now.toISOString())
      .executeTakeFirstOrThrow();
    expect(Number(late.n)).toBeGreaterThan(100);
  });

  it('gives the territories diagnostics (none yet for the EHPAD and the GP), actions, a mentoring pair and the starter library', async () => {
    const diags = await dbh.db
      .selectFrom('maturity_diagnostics as d')
      .innerJoin('organizations as o', 'o.id', 'd.organization_id')
      .select(['o.kind', 'd.variant', 'd.status', 'd.overall'])
      .execute();
    const kinds = new Set(diags.map((d) => d.kind));
    expect(kinds.has('chu')).toBe(true);
    expect(kinds.has('pharmacy')).toBe(true);
    expect(kinds.has('ehpad')).toBe(false);
    expect(kinds.has('gp_practice')).toBe(false);
    expect(diags.every((d) => d.status === 'completed' && Number(d.overall) >= 0 && Number(d.overall) <= 100)).toBe(true);
    expect(diags.filter((d) => d.kind === 'pharmacy').every((d) => d.variant === 'short')).toBe(true);
    const actions = await dbh.db.selectFrom('actions').select(['source_kind']).where('source_kind', '=', 'diagnostic').execute();
    expect(actions).toHaveLength(3);
    expect(await dbh.db.selectFrom('mentoring_pairings').select('id').execute()).toHaveLength(1);
    const library = await dbh.db.selectFrom('territory_library_resources').select('territory_id').execute();
    expect(new Set(library.map((r) => r.territory_id)).size).toBe(2);
  });

  it('is deterministic', () => {
    const org = demoOrgs.find((o) => o.key === 'ch');
    if (!org) throw new Error('no CH in the catalog');
    const a = generatePeople(org, 'x', seededRandom(7), 'now').map((p) => [p.row.email, p.row.job_title, p.row.service, p.row.site]);
    const b = generatePeople(org, 'x', seededRandom(7), 'now').map((p) => [p.row.email, p.row.job_title, p.row.service, p.row.site]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(700);
  });
});
