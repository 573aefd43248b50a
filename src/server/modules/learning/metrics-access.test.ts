import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { orgAdmin } from '../identity/test-kit.js';
import type { OrgMetrics } from './metrics-schema.js';
import { many, seed } from './metrics-test-kit.js';

// Months after the jobs suite's clock: its reminder run (over the shared database) must not see these people.
const NOW = new Date('2027-03-01T10:00:00Z');

describe('learning metrics: who sees what', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW) });
  });
  afterAll(async () => t.close());

  /** A manager: the role on the organization, and a staff record in `service` flagged manager. */
  async function manager(orgId: string, service: string | null) {
    let personId: string | null = null;
    if (service !== null) {
      personId = (await makePerson(t.dbh.db, orgId, { service })).id;
      await t.dbh.db.updateTable('people').set({ is_manager: 1 }).where('id', '=', personId).execute();
    }
    const a = await makeAccount(t.dbh.db, { personId, grants: [{ role: 'manager', scopeKind: 'organization', scopeId: orgId }] });
    return clientFor(t, a.id);
  }

  /** Urgences: 6 people at 50 %; Cardiologie: 7 people at 90 %, each late on a module; Pharmacie: 3 people. */
  async function hospital() {
    const org = await makeOrg(t.dbh.db);
    await seed(t, NOW, org.id, [
      ...many(6, { service: 'Urgences', work: [{ first: 50 }] }),
      ...many(7, { service: 'Cardiologie', work: [{ first: 90 }, { status: 'assigned', dueInDays: -1 }] }),
      ...many(3, { service: 'Pharmacie', work: [{ first: 70 }] }),
    ]);
    await t.dbh.db
      .insertInto('learning_daily')
      .values({ organization_id: org.id, day: '2027-03-01', completions: 16, score_sum: 1200, answers: 100, correct: 80 })
      .execute();
    return org.id;
  }

  it('shows a manager the aggregates of their own service only, never one person', async () => {
    const orgId = await hospital();
    const mgr = await manager(orgId, 'Urgences');
    for (const by of ['service', 'role_family', 'site']) {
      const res = await mgr.get(`/api/orgs/${orgId}/learning/metrics?by=${by}`);
      expect(res.statusCode).toBe(200);
      const m: OrgMetrics = res.json();
      expect(m.totals).toMatchObject({ people: 6, assigned: 6, completed: 6, firstScore: 50, overdue: 0 });
      expect(JSON.stringify(m)).not.toMatch(/Cardiologie|Pharmacie|personId|email|firstName|lastName/);
    }
    const byService: OrgMetrics = (await mgr.get(`/api/orgs/${orgId}/learning/metrics?by=service`)).json();
    expect(byService.groups).toEqual([expect.objectContaining({ key: 'Urgences', people: 6 })]);
    // Module figures are the service's; the daily trend is kept per organization, so there is none.
    expect(byService.modules).toEqual([expect.objectContaining({ moduleId: 'phishing-health-staff', assigned: 6, firstScore: 50 })]);
    expect(byService.trend).toEqual([]);
    const csv = await mgr.get(`/api/orgs/${orgId}/learning/metrics.csv?by=service`);
    expect(csv.body).toContain('Urgences;6;');
    expect(csv.body).not.toContain('Cardiologie');
    expect((await mgr.get(`/api/orgs/${orgId}/learning/report.pdf`)).statusCode).toBe(200);

    // The organization's admin still sees every service (3 hidden people hide the next smallest group too).
    const admin = await orgAdmin(t, orgId);
    const all: OrgMetrics = (await admin.client.get(`/api/orgs/${orgId}/learning/metrics?by=service`)).json();
    expect(all.totals).toMatchObject({ people: 16, overdue: 7 });
    expect(all.groups.map((g) => [g.key, 'suppressed' in g])).toEqual([
      ['Cardiologie', false],
      ['Pharmacie', true],
      ['Urgences', true],
    ]);
    expect(all.trend).toHaveLength(90);
  });

  it('suppresses a manager’s service under 5 people, and refuses a manager with no service', async () => {
    const orgId = await hospital();
    const small: OrgMetrics = (await (await manager(orgId, 'Pharmacie')).get(`/api/orgs/${orgId}/learning/metrics`)).json();
    expect(small.totals).toEqual({ suppressed: true, people: '<5' });
    expect(small.groups.every((g) => 'suppressed' in g)).toBe(true);
    expect(small.modules).toEqual([]);

    const nowhere = await manager(orgId, null);
    const res = await nowhere.get(`/api/orgs/${orgId}/learning/metrics`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('no_service');
    // A manager of another organization gets nothing here either.
    const elsewhere = await manager((await makeOrg(t.dbh.db)).id, 'Urgences');
    expect((await elsewhere.get(`/api/orgs/${orgId}/learning/metrics`)).statusCode).toBeGreaterThanOrEqual(403);
  });

  it('keeps learners out; there is no per-person metrics route', async () => {
    const orgId = await hospital();
    const learnerPerson = await makePerson(t.dbh.db, orgId);
    const learner = await makeAccount(t.dbh.db, { personId: learnerPerson.id });
    expect((await (await clientFor(t, learner.id)).get(`/api/orgs/${orgId}/learning/metrics`)).statusCode).toBe(403);
    const metricsRoutes = t.routes.filter((r) => r.url.includes('/learning/metrics') || r.url.includes('/learning/report'));
    expect(metricsRoutes.length).toBe(5);
    for (const r of metricsRoutes) expect(r.url).not.toMatch(/person|people|account/);
  });
});
