import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makePerson } from '../../../../test/helpers/factories.js';
import { auditOf } from '../identity/test-kit.js';
import type { GroupDto } from './groups-schema.js';
import { tenant } from './library-test-kit.js';

describe('phishing target groups and exclusion lists', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  /** An organization with a small directory: 3 nurses in A&E, 2 physicians in A&E, 1 nurse in surgery, 1 inactive nurse. */
  async function staffed() {
    const tn = await tenant(t);
    const db = t.dbh.db;
    // The admin's own directory entry is not part of these scenarios.
    await db.updateTable('people').set({ active: 0 }).where('id', '=', tn.admin.personId!).execute();
    const nurse = (lastName: string, service = 'Urgences') =>
      makePerson(db, tn.orgId, { lastName, service, roleFamily: 'nurses_care_assistants' });
    const people = {
      a: await nurse('Arnaud'),
      b: await nurse('Bernard'),
      c: await nurse('Caron'),
      d: await makePerson(db, tn.orgId, { lastName: 'Dubois', service: 'Urgences', roleFamily: 'physicians' }),
      e: await makePerson(db, tn.orgId, { lastName: 'Evrard', service: 'Urgences', roleFamily: 'physicians' }),
      f: await nurse('Fabre', 'Chirurgie'),
      g: await makePerson(db, tn.orgId, { lastName: 'Gautier', service: 'Urgences', active: false }),
    };
    return { ...tn, people };
  }

  it('previews criteria: AND across keys, OR within a key, people added by id, only active staff, five by name', async () => {
    const { base, admin, people } = await staffed();
    const preview = (criteria: unknown) => admin.client.post(`${base}/groups/preview`, { criteria });
    expect((await preview({})).json().count).toBe(6);
    const nursesInAe = (await preview({ services: ['Urgences'], roleFamilies: ['nurses_care_assistants'] })).json();
    expect(nursesInAe.count).toBe(3);
    expect(nursesInAe.sample.map((p: { lastName: string }) => p.lastName)).toEqual(['Arnaud', 'Bernard', 'Caron']);
    expect((await preview({ services: ['Urgences', 'Chirurgie'], roleFamilies: ['physicians'] })).json().count).toBe(2);
    const plus = (await preview({ roleFamilies: ['physicians'], personIds: [people.f.id] })).json();
    expect(plus.count).toBe(3);
    expect(plus.sample.map((p: { lastName: string }) => p.lastName)).toEqual(['Dubois', 'Evrard', 'Fabre']);
    const everyone = (await preview({ services: ['Urgences', 'Chirurgie'] })).json();
    expect(everyone.count).toBe(6);
    expect(everyone.sample).toHaveLength(5);
    expect(everyone.sample[0]).toMatchObject({ lastName: 'Arnaud', email: people.a.email, active: true });
    expect((await preview({ sites: ['Ailleurs'] })).json()).toEqual({ count: 0, sample: [] });
  });

  it('creates, renames and deletes groups; refuses a foreign person or a taken name; audited; hidden from others', async () => {
    const { orgId, base, admin, people } = await staffed();
    const res = await admin.client.post(`${base}/groups`, {
      kind: 'exclusion',
      name: 'Urgences de garde',
      criteria: { services: ['Urgences', 'Urgences'], roleFamilies: [], personIds: [people.f.id] },
    });
    expect(res.statusCode).toBe(201);
    const group: GroupDto = res.json();
    expect(group).toMatchObject({
      kind: 'exclusion',
      name: 'Urgences de garde',
      criteria: { services: ['Urgences'], personIds: [people.f.id] },
    });

    const taken = await admin.client.post(`${base}/groups`, { kind: 'exclusion', name: 'Urgences de garde', criteria: {} });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.field).toBe('name');
    // The same name is fine for the other kind.
    expect((await admin.client.post(`${base}/groups`, { kind: 'target', name: 'Urgences de garde', criteria: {} })).statusCode).toBe(201);

    const other = await staffed();
    const foreign = await admin.client.post(`${base}/groups`, {
      kind: 'target',
      name: 'Mélange',
      criteria: { personIds: [people.a.id, other.people.a.id] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({ code: 'unknown_person', field: 'criteria.personIds.1' });
    expect((await other.admin.client.get(`${other.base}/groups/${group.id}`)).statusCode).toBe(404);
    expect((await other.admin.client.delete(`${other.base}/groups/${group.id}`)).statusCode).toBe(404);
    const badFamily = await admin.client.post(`${base}/groups`, { kind: 'target', name: 'x', criteria: { roleFamilies: ['pilots'] } });
    expect(badFamily.json().error.field).toBe('body.criteria.roleFamilies.0');

    const renamed = await admin.client.put(`${base}/groups/${group.id}`, {
      kind: 'exclusion',
      name: 'Garde de nuit',
      criteria: { services: ['Urgences'] },
    });
    expect(renamed.json()).toMatchObject({ name: 'Garde de nuit', criteria: { services: ['Urgences'] } });
    const list = await admin.client.get(`${base}/groups?kind=exclusion`);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: group.id, name: 'Garde de nuit' }] });
    expect((await admin.client.get(`${base}/groups?q=nuit`)).json().total).toBe(1);

    expect((await admin.client.delete(`${base}/groups/${group.id}`)).statusCode).toBe(204);
    expect((await admin.client.get(`${base}/groups/${group.id}`)).statusCode).toBe(404);
    const audit = await auditOf(t, group.id);
    expect(audit.map((a) => a.action)).toEqual(['phishing.group.create', 'phishing.group.update', 'phishing.group.delete']);
    expect(audit.every((a) => a.organizationId === orgId)).toBe(true);
  });
});
