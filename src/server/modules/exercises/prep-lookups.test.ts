import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { orgAdmin } from '../identity/test-kit.js';
import { staffMember } from './exercises-test-kit.js';

describe('exercises: scenario preview and the accounts a cell may take', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(new Date('2026-11-29T09:00:00Z')) });
  });
  afterAll(async () => t.close());

  it('shows a whole scenario of the library, objectives and chronogram included', async () => {
    const admin = await orgAdmin(t, (await makeOrg(t.dbh.db)).id);
    const res = await admin.client.get('/api/exercises/scenarios/ransomware-hospital');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.objectives.length).toBeGreaterThanOrEqual(3);
    expect(s.stimuli.length).toBe(24);
    expect((await admin.client.get('/api/exercises/scenarios/no-such-scenario')).statusCode).toBe(404);
  });

  it('lists the staff of a playing organization, roles or not, and nobody else', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const nurse = await staffMember(t, org.id);
    const elsewhere = await staffMember(t, (await makeOrg(t.dbh.db)).id);
    const base = `/api/orgs/${org.id}/exercises`;
    const exercise = (await admin.client.post(base, { scenarioId: 'ransomware-hospital' })).json();
    const list = await admin.client.get(`${base}/${exercise.id}/candidates?organizationId=${org.id}`);
    expect(list.statusCode, list.body).toBe(200);
    const ids = list.json().items.map((c: { accountId: string }) => c.accountId);
    expect(ids).toContain(nurse.accountId);
    expect(ids).toContain(admin.accountId);
    expect(ids).not.toContain(elsewhere.accountId);
    const other = await admin.client.get(`${base}/${exercise.id}/candidates?organizationId=${(await makeOrg(t.dbh.db)).id}`);
    expect(other.statusCode).toBe(400);
    expect(other.json().error).toMatchObject({ code: 'organization_not_in_exercise', field: 'organizationId' });
    const stranger = await orgAdmin(t, (await makeOrg(t.dbh.db)).id);
    expect((await stranger.client.get(`${base}/${exercise.id}/candidates?organizationId=${org.id}`)).statusCode).toBe(404);
  });
});
