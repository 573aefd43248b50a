import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';
import { auditOf, coordinator, orgAdmin, platformAdmin, tag } from './test-kit.js';

describe('territories', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  it('creates territories (platform admins only) and names a bad kind', async () => {
    const admin = await platformAdmin(t);
    const res = await admin.client.post('/api/territories', { name: 'GHT Cœur de Seine', kind: 'ght', region: 'Normandie' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'GHT Cœur de Seine',
      kind: 'ght',
      region: 'Normandie',
      memberCount: 0,
      leadCount: 0,
      members: [],
    });
    expect((await auditOf(t, res.json().id))[0]).toMatchObject({ action: 'territory.created', territoryId: res.json().id });
    const bad = await admin.client.post('/api/territories', { name: 'X', kind: 'county' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/kind$/);
    const org = await makeOrg(t.dbh.db);
    const notAdmin = await orgAdmin(t, org.id);
    expect((await notAdmin.client.post('/api/territories', { name: 'X', kind: 'cpts' })).statusCode).toBe(403);
  });

  it('manages members: first member leads, an organization can be in several territories, the last lead stays', async () => {
    const db = t.dbh.db;
    const admin = await platformAdmin(t);
    const chu = await makeOrg(db, { name: 'CHU Pilote', kind: 'chu' });
    const ch = await makeOrg(db, { name: 'CH Membre' });
    const territory = (await admin.client.post('/api/territories', { name: `GHT ${tag()}`, kind: 'ght' })).json();
    const other = (await admin.client.post('/api/territories', { name: `CPTS ${tag()}`, kind: 'cpts' })).json();
    const coord = await coordinator(t, territory.id);
    const base = `/api/territories/${territory.id}/members`;

    // A territory with members needs a lead: an explicit non-lead first member is refused.
    const noLead = await coord.client.put(`${base}/${chu.id}`, { isLead: false });
    expect(noLead.statusCode).toBe(409);
    expect(noLead.json().error.code).toBe('last_lead');

    // Sharing is the member's own choice (territory/sharing.test.ts): the coordinator cannot set it.
    const sharing = await coord.client.put(`${base}/${chu.id}`, { sharesData: true });
    expect(sharing.statusCode).toBe(400);
    expect(sharing.json().error).toMatchObject({ code: 'sharing_is_members_choice', field: 'sharesData' });
    const first = await coord.client.put(`${base}/${chu.id}`, {});
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ organizationId: chu.id, name: 'CHU Pilote', kind: 'chu', isLead: true, sharesData: false });
    expect((await coord.client.put(`${base}/${ch.id}`, {})).json()).toMatchObject({ isLead: false, sharesData: false });
    // Same organization in a second territory.
    expect((await admin.client.put(`/api/territories/${other.id}/members/${ch.id}`, {})).json().isLead).toBe(true);

    const detail = (await coord.client.get(`/api/territories/${territory.id}`)).json();
    expect(detail).toMatchObject({ memberCount: 2, leadCount: 1 });
    expect(detail.members.map((m: { organizationId: string; isLead: boolean }) => [m.organizationId, m.isLead])).toEqual([
      [chu.id, true],
      [ch.id, false],
    ]);

    const unset = await coord.client.put(`${base}/${chu.id}`, { isLead: false });
    expect(unset.statusCode).toBe(409);
    expect(unset.json().error).toMatchObject({ code: 'last_lead' });
    expect(unset.json().error.message).toMatch(/pilote/);
    const unsetEn = await coord.client.request({
      method: 'PUT',
      url: `${base}/${chu.id}`,
      payload: { isLead: false },
      headers: { 'accept-language': 'en' },
    });
    // The session's locale (fr) wins over Accept-Language unless the locale cookie says otherwise.
    const unsetEnCookie = await coord.client.request({
      method: 'PUT',
      url: `${base}/${chu.id}`,
      payload: { isLead: false },
      cookies: { rempart_locale: 'en' },
    });
    expect(unsetEn.statusCode).toBe(409);
    expect(unsetEnCookie.json().error.message).toMatch(/lead/);
    const removeLead = await coord.client.delete(`${base}/${chu.id}`);
    expect(removeLead.statusCode).toBe(409);
    expect(removeLead.json().error.code).toBe('last_lead');

    // Name a second lead, then the first may step down and leave.
    expect((await coord.client.put(`${base}/${ch.id}`, { isLead: true })).json().isLead).toBe(true);
    expect((await coord.client.put(`${base}/${chu.id}`, { isLead: false })).json().isLead).toBe(false);
    expect((await coord.client.delete(`${base}/${chu.id}`)).statusCode).toBe(204);
    expect((await coord.client.delete(`${base}/${chu.id}`)).statusCode).toBe(404);
    // The last member (and lead) may leave: an empty territory needs no lead.
    expect((await coord.client.delete(`${base}/${ch.id}`)).statusCode).toBe(204);
    expect((await coord.client.put(`${base}/${'0'.repeat(8)}`, {})).statusCode).toBe(404);

    const audit = await auditOf(t, `${territory.id}:${chu.id}`);
    expect(audit.map((a) => a.action)).toEqual(['territory.member_added', 'territory.member_updated', 'territory.member_removed']);
    expect(audit[1]).toMatchObject({
      territoryId: territory.id,
      organizationId: chu.id,
      before: { isLead: true },
      after: { isLead: false },
    });
  });

  it('shows a coordinator the member organizations but not their people', async () => {
    const db = t.dbh.db;
    const member = await makeOrg(db);
    const outsider = await makeOrg(db);
    await makePerson(db, member.id);
    const territory = await makeTerritory(db, { members: [{ orgId: member.id, lead: true, shares: true }] });
    const coord = await coordinator(t, territory.id);
    const card = await coord.client.get(`/api/orgs/${member.id}`);
    expect(card.statusCode).toBe(200);
    expect(card.json().territories).toEqual([{ id: territory.id, name: expect.any(String), kind: 'ght', isLead: true }]);
    expect((await coord.client.get(`/api/orgs/${member.id}/people`)).statusCode).toBe(403);
    expect((await coord.client.get(`/api/orgs/${member.id}/people/export.csv`)).statusCode).toBe(403);
    expect((await coord.client.patch(`/api/orgs/${member.id}`, { name: 'X' })).statusCode).toBe(403);
    expect((await coord.client.get(`/api/orgs/${outsider.id}`)).statusCode).toBe(404);
    const patched = await coord.client.patch(`/api/territories/${territory.id}`, { name: 'GHT Renommé', region: '' });
    expect(patched.json()).toMatchObject({ name: 'GHT Renommé', region: null });
    expect((await auditOf(t, territory.id)).at(-1)).toMatchObject({
      action: 'territory.updated',
      before: { region: 'Normandie' },
      after: { region: null },
    });
  });

  it('lists visible territories: via a grant, via a member organization, never others', async () => {
    const db = t.dbh.db;
    const k = tag();
    const org = await makeOrg(db);
    const a = await makeTerritory(db, { name: `GHT Évreux ${k}`, members: [{ orgId: org.id, lead: true }] });
    const b = await makeTerritory(db, { name: `CPTS Avranches ${k}`, kind: 'cpts' });
    await makeTerritory(db, { name: `Région ${k}`, kind: 'region' });
    const admin = await orgAdmin(t, org.id);
    const mine = (await admin.client.get(`/api/territories?q=${k}`)).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect(mine.items[0]).toMatchObject({ memberCount: 1, leadCount: 1 });
    // Member organizations know the territory exists, but its page is for its own roles.
    expect((await admin.client.get(`/api/territories/${a.id}`)).statusCode).toBe(403);
    expect((await admin.client.get(`/api/territories/${b.id}`)).statusCode).toBe(404);
    const coord = await coordinator(t, b.id);
    expect((await coord.client.get(`/api/territories?q=${k}`)).json().items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const platform = await platformAdmin(t);
    const all = (await platform.client.get(`/api/territories?q=${k}&pageSize=2`)).json();
    expect(all.total).toBe(3);
    expect(all.items.map((x: { name: string }) => x.name)).toEqual([`CPTS Avranches ${k}`, `GHT Évreux ${k}`]);
    expect((await platform.client.get(`/api/territories?q=${encodeURIComponent(`ght evreux ${k}`)}`)).json().total).toBe(1);
    expect((await platform.client.get(`/api/territories?q=${k}&kind=region`)).json().items).toHaveLength(1);
  });
});
