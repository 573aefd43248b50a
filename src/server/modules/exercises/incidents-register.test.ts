import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { orgAdmin } from '../identity/test-kit.js';

describe('exercises: the incident register', () => {
  const clock = new FixedClock(new Date('2026-11-29T08:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  it('lists incidents newest detection first, paged, with the next declaration deadline', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const base = `/api/orgs/${org.id}/incidents`;
    const open = async (title: string, detectedAt: string) => (await admin.client.post(base, { title, detectedAt })).json().exerciseId;
    const old = await open('Messagerie compromise', '2026-11-25T08:00:00Z');
    const recent = await open('Rançongiciel sur le PACS', '2026-11-29T07:00:00Z');
    await admin.client.patch(`${base}/${old}/declaration`, { sent: { early_warning: '2026-11-25T20:00:00Z' } });
    // Exercises are not incidents: another organization's incident stays out too.
    const other = await makeOrg(t.dbh.db);
    await (await orgAdmin(t, other.id)).client.post(`/api/orgs/${other.id}/incidents`, { title: 'Ailleurs' });

    const res = await admin.client.get(base);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 25 });
    expect(page.items.map((i: { exerciseId: string }) => i.exerciseId)).toEqual([recent, old]);
    expect(page.items[0]).toMatchObject({
      title: 'Rançongiciel sur le PACS',
      status: 'running',
      detectedAt: '2026-11-29T07:00:00.000Z',
      nextDeadline: { step: 'early_warning', state: 'due', dueInMinutes: 23 * 60 },
    });
    // The early warning was sent; the notification (72 h) is now late.
    expect(page.items[1].nextDeadline).toMatchObject({ step: 'notification', state: 'overdue', dueAt: '2026-11-28T08:00:00.000Z' });

    const second = (await admin.client.get(`${base}?page=2&pageSize=1`)).json();
    expect(second.items.map((i: { exerciseId: string }) => i.exerciseId)).toEqual([old]);
    const bad = await admin.client.get(`${base}?pageSize=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('pageSize');
  });

  it('hides another organization’s register', async () => {
    const org = await makeOrg(t.dbh.db);
    const stranger = await orgAdmin(t, (await makeOrg(t.dbh.db)).id);
    expect((await stranger.client.get(`/api/orgs/${org.id}/incidents`)).statusCode).toBe(404);
    expect((await new Client(t).get(`/api/orgs/${org.id}/incidents`)).statusCode).toBe(401);
  });
});
