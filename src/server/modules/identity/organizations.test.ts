import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { normalizeSiret } from './siret.js';
import { auditOf, coordinator, orgAdmin, platformAdmin, tag } from './test-kit.js';

describe('organizations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  it('lets a platform admin create an organization, answered in camelCase and audited', async () => {
    const admin = await platformAdmin(t);
    const res = await admin.client.post('/api/organizations', {
      name: '  CHU de Rouen  ',
      shortName: 'CHU',
      kind: 'chu',
      siret: '732 829 320 00074',
      city: 'Rouen',
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({
      name: 'CHU de Rouen',
      shortName: 'CHU',
      kind: 'chu',
      siret: '73282932000074',
      city: 'Rouen',
      archived: false,
      peopleCount: 0,
    });
    expect(org.id).toBeTruthy();
    expect(org.createdAt).toBe(org.updatedAt);
    const audit = await auditOf(t, org.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'organization.created', organizationId: org.id, actorAccountId: admin.accountId });
    expect(audit[0]?.after).toMatchObject({ name: 'CHU de Rouen', siret: '73282932000074' });
  });

  it('names the field of invalid input: kind, siret, name', async () => {
    const admin = await platformAdmin(t);
    const badKind = await admin.client.post('/api/organizations', { name: 'X', kind: 'hospital' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.field).toMatch(/kind$/);
    for (const siret of ['73282932000075', '1234', 'abcdefghijklmn', '732829320000740']) {
      const bad = await admin.client.post('/api/organizations', { name: 'X', kind: 'ch', siret });
      expect(bad.statusCode, siret).toBe(400);
      expect(bad.json().error).toMatchObject({ code: 'invalid_siret', field: 'siret' });
    }
    const noName = await admin.client.post('/api/organizations', { name: '   ', kind: 'ch' });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.field).toMatch(/name$/);
    const en = await admin.client.request({
      method: 'POST',
      url: '/api/organizations',
      payload: { name: 'X', kind: 'ch', siret: '1' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toMatch(/SIRET/);
  });

  it('checks SIRET check digits, including La Poste establishments', () => {
    expect(normalizeSiret('')).toBeNull();
    expect(normalizeSiret(null)).toBeNull();
    expect(normalizeSiret('732.829.320.00074')).toBe('73282932000074');
    expect(normalizeSiret('35600000000048')).toBe('35600000000048');
    expect(() => normalizeSiret('35600000000049')).toThrow();
  });

  it('refuses creation to anyone but a platform admin', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const res = await admin.client.post('/api/organizations', { name: 'Sneaky', kind: 'ch' });
    expect(res.statusCode).toBe(403);
  });

  it('lists only what the actor may see, with search without accents, kind filter, name order and paging', async () => {
    const k = tag();
    const db = t.dbh.db;
    const admin = await platformAdmin(t);
    const names = [`Hôpital d'Évreux ${k}`, `Clinique Bellevue ${k}`, `Alpha EHPAD ${k}`, `Zeta Labo ${k}`];
    const created = [];
    for (const [i, name] of names.entries()) {
      const res = await admin.client.post('/api/organizations', { name, kind: (['ch', 'private_clinic', 'ehpad', 'lab'] as const)[i] });
      created.push(res.json());
    }
    const all = await admin.client.get(`/api/organizations?q=${k}&pageSize=2&page=1`);
    expect(all.json()).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    const page2 = await admin.client.get(`/api/organizations?q=${k}&pageSize=2&page=2`);
    const ordered = [...all.json().items, ...page2.json().items].map((o: { name: string }) => o.name);
    expect(ordered).toEqual([`Alpha EHPAD ${k}`, `Clinique Bellevue ${k}`, `Hôpital d'Évreux ${k}`, `Zeta Labo ${k}`]);
    const desc = await admin.client.get(`/api/organizations?q=${k}&sort=-name`);
    expect(desc.json().items.map((o: { name: string }) => o.name)).toEqual([...ordered].reverse());
    const accent = await admin.client.get(`/api/organizations?q=${encodeURIComponent(`hopital d'evreux ${k}`)}`);
    expect(accent.json().items.map((o: { name: string }) => o.name)).toEqual([`Hôpital d'Évreux ${k}`]);
    const kind = await admin.client.get(`/api/organizations?q=${k}&kind=lab`);
    expect(kind.json().items).toHaveLength(1);
    expect((await admin.client.get('/api/organizations?kind=hospital')).statusCode).toBe(400);

    // An org admin sees their organization, not the others.
    const home = created[0];
    const orgAdminOfHome = await orgAdmin(t, home.id);
    const seen = await orgAdminOfHome.client.get(`/api/organizations?q=${k}`);
    expect(seen.json().items.map((o: { id: string }) => o.id)).toEqual([home.id]);
    expect(seen.json().items[0].peopleCount).toBe(1);

    // A territory coordinator sees the territory's members.
    const territory = await makeTerritory(db, { members: [{ orgId: created[1].id, lead: true }, { orgId: created[2].id }] });
    const coord = await coordinator(t, territory.id);
    const bySeen = await coord.client.get(`/api/organizations?q=${k}`);
    expect(
      bySeen
        .json()
        .items.map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual([created[1].id, created[2].id].sort());
  });

  it('reads and updates an organization; a foreign one answers 404; only platform admins archive', async () => {
    const db = t.dbh.db;
    const mine = await makeOrg(db);
    const foreign = await makeOrg(db);
    const admin = await orgAdmin(t, mine.id);
    expect((await admin.client.get(`/api/orgs/${mine.id}`)).json()).toMatchObject({ id: mine.id, name: mine.name, peopleCount: 1 });
    expect((await admin.client.get(`/api/orgs/${foreign.id}`)).statusCode).toBe(404);
    expect((await admin.client.patch(`/api/orgs/${foreign.id}`, { name: 'Mine now' })).statusCode).toBe(404);

    const res = await admin.client.patch(`/api/orgs/${mine.id}`, { name: 'CH Renommé', city: '', siret: '73282932000074' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'CH Renommé', city: null, siret: '73282932000074' });
    const bad = await admin.client.patch(`/api/orgs/${mine.id}`, { siret: '12345678901234' });
    expect(bad.json().error.field).toBe('siret');
    const found = await (await platformAdmin(t)).client.get(`/api/organizations?q=renomme`);
    expect(found.json().items.map((o: { id: string }) => o.id)).toContain(mine.id);

    const audit = await auditOf(t, mine.id);
    expect(audit.at(-1)).toMatchObject({ action: 'organization.updated', organizationId: mine.id });
    expect(audit.at(-1)?.before).toMatchObject({ name: mine.name, city: 'Rouen' });
    expect(audit.at(-1)?.after).toMatchObject({ name: 'CH Renommé', city: null });

    const archive = await admin.client.patch(`/api/orgs/${mine.id}`, { archived: true });
    expect(archive.statusCode).toBe(403);
    const platform = await platformAdmin(t);
    const archived = await platform.client.patch(`/api/orgs/${mine.id}`, { archived: true });
    expect(archived.json().archived).toBe(true);
    expect((await auditOf(t, mine.id)).at(-1)?.action).toBe('organization.archived');
    const listed = await platform.client.get(`/api/organizations?q=renomme&archived=false`);
    expect(listed.json().items.map((o: { id: string }) => o.id)).not.toContain(mine.id);
  });
});
