import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import type { RoleFamily } from '../identity/domain.js';
import { auditOf, coordinator, orgAdmin } from '../identity/test-kit.js';

const DAY = 86_400_000;

describe('assignment rules and enrolment', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-11-28T09:00:00Z'));
  beforeAll(async () => {
    t = await makeTestApp({ clock, env: { JOBS: 'false' } });
  });
  afterAll(async () => t.close());

  const sweep = () => t.app.jobs.runOnce('learning.enrolment', { waitMs: 20_000 });

  async function tenant() {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    // The admin's own directory entry is not part of these scenarios.
    await t.dbh.db.updateTable('people').set({ active: 0 }).where('id', '=', admin.personId!).execute();
    return { orgId: org.id, admin: admin.client, base: `/api/orgs/${org.id}/learning` };
  }

  async function person(orgId: string, roleFamily: RoleFamily, service: string, site: string, active = true) {
    const p = await makePerson(t.dbh.db, orgId, { roleFamily, service, active });
    await t.dbh.db.updateTable('people').set({ site }).where('id', '=', p.id).execute();
    return p.id;
  }

  const assignmentsOf = (personId: string) =>
    t.dbh.db
      .selectFrom('learning_assignments')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('module_id')
      .orderBy('cycle')
      .execute();
  const modulesOf = async (personId: string) => (await assignmentsOf(personId)).map((a) => a.module_id);

  /** A curriculum of two catalogue lessons: one for everyone, one for IT and biomedical staff only. */
  async function curriculum(admin: TenantClient, base: string, over: Record<string, unknown> = {}) {
    const res = await admin.post(`${base}/curricula`, {
      nameFr: 'Socle',
      nameEn: 'Basics',
      moduleIds: ['phishing-health-staff', 'admin-hygiene-it-staff'],
      dueDays: 30,
      recurrenceMonths: null,
      ...over,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }
  type TenantClient = Awaited<ReturnType<typeof tenant>>['admin'];

  it('enrols the people a rule matches (role family, service, site), each with the modules meant for them', async () => {
    const { orgId, admin, base } = await tenant();
    const nurseEr = await person(orgId, 'nurses_care_assistants', 'Urgences', 'Site A');
    const nurseCardio = await person(orgId, 'nurses_care_assistants', 'Cardiologie', 'Site B');
    const itEr = await person(orgId, 'it_biomedical', 'Urgences', 'Site A');
    const doctorEr = await person(orgId, 'physicians', 'Urgences', 'Site A');
    const gone = await person(orgId, 'nurses_care_assistants', 'Urgences', 'Site A', false);
    const curriculumId = await curriculum(admin, base);

    const preview = (q: string) => admin.get(`${base}/rules/preview?curriculumId=${curriculumId}&${q}`).then((r) => r.json().matching);
    expect(await preview('roleFamilies=nurses_care_assistants,it_biomedical')).toBe(3);
    expect(await preview('roleFamilies=nurses_care_assistants,it_biomedical&services=Urgences')).toBe(2);
    expect(await preview('sites=Site%20B')).toBe(1);
    expect(await preview('')).toBe(4);
    expect((await admin.get(`${base}/rules/preview?roleFamilies=wizards`)).statusCode).toBe(400);

    const res = await admin.post(`${base}/rules`, { curriculumId, roleFamilies: ['nurses_care_assistants', 'it_biomedical'], dueDays: 30 });
    expect(res.statusCode).toBe(201);
    const rule = res.json();
    expect(rule).toMatchObject({
      organizationId: orgId,
      territoryId: null,
      curriculumName: 'Socle',
      active: true,
      matching: 3,
      enrolled: 3,
    });
    expect(await modulesOf(nurseEr)).toEqual(['phishing-health-staff']);
    expect(await modulesOf(nurseCardio)).toEqual(['phishing-health-staff']);
    expect(await modulesOf(itEr)).toEqual(['admin-hygiene-it-staff', 'phishing-health-staff']);
    expect(await modulesOf(doctorEr)).toEqual([]);
    expect(await modulesOf(gone)).toEqual([]);
    const [a] = await assignmentsOf(nurseEr);
    expect(a).toMatchObject({
      source: 'rule',
      rule_id: rule.id,
      curriculum_id: curriculumId,
      cycle: '',
      status: 'assigned',
      organization_id: orgId,
    });
    expect(a!.due_at).toBe(new Date(clock.now().getTime() + 30 * DAY).toISOString());
    expect(a!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // A second rule (site and service) adds the doctor; what the first rule assigned is not duplicated.
    const second = (await admin.post(`${base}/rules`, { curriculumId, services: ['Urgences'], sites: ['Site A'], dueDays: 15 })).json();
    expect(second).toMatchObject({ matching: 3, enrolled: 1 });
    expect(await modulesOf(doctorEr)).toEqual(['phishing-health-staff']);
    expect(await modulesOf(itEr)).toEqual(['admin-hygiene-it-staff', 'phishing-health-staff']);

    const stats = await t.dbh.db.selectFrom('learning_person_stats').selectAll().where('person_id', '=', itEr).executeTakeFirstOrThrow();
    expect(stats).toMatchObject({ organization_id: orgId, assigned: 2, completed: 0 });
    const moduleStats = await t.dbh.db
      .selectFrom('learning_module_stats')
      .select(['module_id', 'assigned'])
      .where('organization_id', '=', orgId)
      .orderBy('module_id')
      .execute();
    expect(moduleStats).toEqual([
      { module_id: 'admin-hygiene-it-staff', assigned: 1 },
      { module_id: 'phishing-health-staff', assigned: 4 },
    ]);
    expect((await admin.get(`${base}/rules`)).json().map((r: { id: string; enrolled: number }) => [r.id, r.enrolled])).toEqual([
      [rule.id, 3],
      [second.id, 1],
    ]);
    expect((await auditOf(t, rule.id)).map((e) => e.action)).toEqual(['learning.rule_created']);
  });

  it('enrols a person who joins after the rule at the next sweep, once', async () => {
    const { orgId, admin, base } = await tenant();
    const curriculumId = await curriculum(admin, base);
    const rule = (await admin.post(`${base}/rules`, { curriculumId, roleFamilies: ['nurses_care_assistants'], dueDays: 30 })).json();
    expect(rule.enrolled).toBe(0);

    const res = await admin.post(`/api/orgs/${orgId}/people`, {
      email: `newcomer.${Date.now()}@ch.example.fr`,
      firstName: 'Léa',
      lastName: 'Nouvelle',
      roleFamily: 'nurses_care_assistants',
      service: 'Urgences',
    });
    expect(res.statusCode).toBe(201);
    const newcomer = res.json().id;
    const doctor = await person(orgId, 'physicians', 'Urgences', 'Site A');
    expect(await modulesOf(newcomer)).toEqual([]);

    expect(await sweep()).toEqual({ status: 'ran' });
    expect(await modulesOf(newcomer)).toEqual(['phishing-health-staff']);
    expect(await modulesOf(doctor)).toEqual([]);
    expect(await sweep()).toEqual({ status: 'ran' });
    expect(await assignmentsOf(newcomer)).toHaveLength(1);
    expect((await auditOf(t, rule.id)).map((e) => e.action)).toEqual(['learning.rule_created', 'learning.enrolled']);

    // A paused rule enrols nobody; resumed, it enrols at once.
    expect((await admin.patch(`${base}/rules/${rule.id}`, { active: false })).json().active).toBe(false);
    const late = await person(orgId, 'nurses_care_assistants', 'Urgences', 'Site A');
    await sweep();
    expect(await modulesOf(late)).toEqual([]);
    const resumed = (await admin.patch(`${base}/rules/${rule.id}`, { active: true })).json();
    expect(resumed).toMatchObject({ active: true, enrolled: 2 });
    expect(await modulesOf(late)).toEqual(['phishing-health-staff']);

    expect((await admin.delete(`${base}/rules/${rule.id}`)).statusCode).toBe(204);
    expect((await admin.get(`${base}/rules`)).json()).toEqual([]);
    expect(await modulesOf(late)).toEqual(['phishing-health-staff']);
    expect((await admin.delete(`${base}/rules/${rule.id}`)).statusCode).toBe(404);
  });

  it('opens a new cycle of the yearly refresher each year, except for a module still open', async () => {
    const { orgId, admin, base } = await tenant();
    const nurse = await person(orgId, 'nurses_care_assistants', 'Urgences', 'Site A');
    await admin.post(`${base}/rules`, { curriculumId: 'default-refresher', roleFamilies: ['nurses_care_assistants'], dueDays: 60 });
    const first = await assignmentsOf(nurse);
    expect(first.length).toBeGreaterThan(1);
    expect(new Set(first.map((a) => a.cycle))).toEqual(new Set(['2026']));
    // Last year's modules are done but one: that one stays due and is not given a second time.
    const [unfinished, ...done] = first;
    await t.dbh.db
      .updateTable('learning_assignments')
      .set({ status: 'completed', completed_at: '2026-12-01T09:00:00.000Z' })
      .where(
        'id',
        'in',
        done.map((a) => a.id),
      )
      .execute();

    clock.set(new Date('2027-01-10T08:00:00Z'));
    try {
      await sweep();
      const both = await assignmentsOf(nurse);
      expect(both).toHaveLength(first.length * 2 - 1);
      expect(both.filter((a) => a.cycle === '2027').map((a) => a.module_id)).toEqual(done.map((a) => a.module_id));
      expect(both.filter((a) => a.module_id === unfinished!.module_id)).toHaveLength(1);
      await sweep();
      expect(await assignmentsOf(nurse)).toHaveLength(first.length * 2 - 1);
    } finally {
      clock.set(new Date('2026-11-28T09:00:00Z'));
    }
  });

  it('assigns modules by hand to chosen people or to a filter, once', async () => {
    const { orgId, admin, base } = await tenant();
    const nurse = await person(orgId, 'nurses_care_assistants', 'Urgences', 'Site A');
    const doctor = await person(orgId, 'physicians', 'Cardiologie', 'Site A');
    const body = { moduleIds: ['ransomware-first-hour'], personIds: [nurse, doctor], dueDays: 10 };
    expect((await admin.post(`${base}/assignments`, body)).json()).toEqual({ created: 2, alreadyAssigned: 0 });
    expect((await admin.post(`${base}/assignments`, body)).json()).toEqual({ created: 0, alreadyAssigned: 2 });
    const byFamily = await admin.post(`${base}/assignments`, {
      moduleIds: ['admin-hygiene-it-staff'],
      roleFamilies: ['physicians'],
      dueDays: 10,
    });
    // By hand, the admin decides: the module's own role families do not filter.
    expect(byFamily.json()).toEqual({ created: 1, alreadyAssigned: 0 });
    expect(await modulesOf(doctor)).toEqual(['admin-hygiene-it-staff', 'ransomware-first-hour']);
    expect((await assignmentsOf(nurse))[0]).toMatchObject({ source: 'manual', rule_id: null });

    const other = await tenant();
    const stranger = await person(other.orgId, 'physicians', 'Urgences', 'Site A');
    const foreignModule = (await other.admin.post(`${other.base}/modules/phishing-health-staff/fork`)).json().id as string;
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...body, personIds: [nurse, stranger] }, 'personIds'],
      [{ ...body, moduleIds: [foreignModule] }, 'moduleIds'],
      [{ ...body, moduleIds: [] }, 'body.moduleIds'],
    ];
    for (const [input, field] of bad) {
      const res = await admin.post(`${base}/assignments`, input);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    // A draft (the fork) cannot be assigned by its own organization either.
    const draft = await other.admin.post(`${other.base}/assignments`, { moduleIds: [foreignModule], personIds: [stranger], dueDays: 5 });
    expect(draft.json().error.field).toBe('moduleIds');
  });

  it('lets a territory coordinator enrol the staff of chosen member organizations', async () => {
    const a = await makeOrg(t.dbh.db);
    const b = await makeOrg(t.dbh.db);
    const outsider = await makeOrg(t.dbh.db);
    const territory = await makeTerritory(t.dbh.db, { members: [{ orgId: a.id, lead: true }, { orgId: b.id }] });
    const coord = (await coordinator(t, territory.id)).client;
    const base = `/api/territories/${territory.id}/learning/rules`;
    const nurseA = await person(a.id, 'nurses_care_assistants', 'Urgences', 'Site A');
    const nurseB = await person(b.id, 'nurses_care_assistants', 'Urgences', 'Site A');
    const nurseOut = await person(outsider.id, 'nurses_care_assistants', 'Urgences', 'Site A');

    const refused = await coord.post(base, { curriculumId: 'default-onboarding', organizationIds: [outsider.id], dueDays: 30 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'not_a_member', field: 'organizationIds' });

    const onlyA = (await coord.post(base, { curriculumId: 'default-onboarding', organizationIds: [a.id], dueDays: 30 })).json();
    expect(onlyA).toMatchObject({ territoryId: territory.id, organizationId: null, organizationIds: [a.id], matching: 1, enrolled: 1 });
    expect((await modulesOf(nurseA)).length).toBeGreaterThan(0);
    expect(await modulesOf(nurseB)).toEqual([]);

    const widened = (await coord.patch(`${base}/${onlyA.id}`, { organizationIds: [] })).json();
    expect(widened).toMatchObject({ matching: 2, enrolled: 2 });
    expect((await modulesOf(nurseB)).length).toBeGreaterThan(0);
    expect(await modulesOf(nurseOut)).toEqual([]);
    expect((await coord.get(base)).json()).toHaveLength(1);
    expect((await auditOf(t, onlyA.id)).map((e) => [e.action, e.territoryId])).toEqual([
      ['learning.rule_created', territory.id],
      ['learning.rule_updated', territory.id],
    ]);

    const adminA = (await orgAdmin(t, a.id)).client;
    expect((await adminA.get(base)).statusCode).toBe(403);
    expect((await adminA.get(`/api/orgs/${a.id}/learning/rules`)).json()).toMatchObject([{ id: onlyA.id, editable: false }]);
    expect((await coord.delete(`${base}/${onlyA.id}`)).statusCode).toBe(204);
  });

  it('shows an organization the territory rules reaching its staff, read-only, with its own figures only', async () => {
    const a = await tenant();
    const b = await tenant();
    const outsider = await tenant();
    const territory = await makeTerritory(t.dbh.db, { name: 'GHT Caux', members: [{ orgId: a.orgId, lead: true }, { orgId: b.orgId }] });
    const coord = (await coordinator(t, territory.id)).client;
    const base = `/api/territories/${territory.id}/learning/rules`;
    await person(a.orgId, 'nurses_care_assistants', 'Urgences', 'Site A');
    for (const service of ['Urgences', 'Cardiologie', 'Pédiatrie']) await person(b.orgId, 'nurses_care_assistants', service, 'Site A');
    const everyone = (
      await coord.post(base, { curriculumId: 'default-onboarding', roleFamilies: ['nurses_care_assistants'], dueDays: 30 })
    ).json();
    const onlyB = (await coord.post(base, { curriculumId: 'default-refresher', organizationIds: [b.orgId], dueDays: 60 })).json();
    expect(everyone).toMatchObject({ matching: 4, enrolled: 4 });
    const own = (await a.admin.post(`${a.base}/rules`, { curriculumId: 'default-refresher', dueDays: 20 })).json();

    const listed = (await a.admin.get(`${a.base}/rules`)).json();
    expect(listed.map((r: { id: string }) => r.id)).toEqual([own.id, everyone.id]);
    expect(listed[0]).toMatchObject({ organizationId: a.orgId, territoryName: null, editable: true });
    // Only this organization's people are counted, and no other member is named.
    expect(listed[1]).toMatchObject({ territoryName: 'GHT Caux', editable: false, organizationIds: [], matching: 1, enrolled: 1 });
    const forB = (await b.admin.get(`${b.base}/rules`)).json();
    expect(forB.map((r: { id: string }) => r.id)).toEqual([everyone.id, onlyB.id]);
    expect(forB[1]).toMatchObject({ organizationIds: [b.orgId], matching: 3, enrolled: 3, editable: false });
    expect((await outsider.admin.get(`${outsider.base}/rules`)).json()).toEqual([]);

    // The coordinator's rule is not the organization's: changing it there answers 404 and changes nothing.
    expect((await a.admin.patch(`${a.base}/rules/${everyone.id}`, { active: false })).statusCode).toBe(404);
    expect((await a.admin.delete(`${a.base}/rules/${everyone.id}`)).statusCode).toBe(404);
    expect((await b.admin.patch(`${b.base}/rules/${onlyB.id}`, { dueDays: 1 })).statusCode).toBe(404);
    const still = (await coord.get(base)).json().map((r: { active: boolean; dueDays: number }) => [r.active, r.dueDays]);
    expect(still).toEqual([
      [true, 30],
      [true, 60],
    ]);
    expect((await auditOf(t, everyone.id)).map((e) => e.action)).toEqual(['learning.rule_created']);
  });
});
