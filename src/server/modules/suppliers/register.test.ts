import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';

// Today is 2026-11-28 (FixedClock): dates below are relative to it.
const provider = {
  name: 'Biolab Systèmes',
  siren: '732 829 320',
  siret: '732 829 320 00017',
  services: 'Système de gestion de laboratoire',
  handlesHealthData: true,
  dataVolume: 'over_100k',
  storageLocations: ['FR'],
  dependency: 'high',
  systemAccess: 'remote',
  remoteMaintenance: true,
};

describe('provider register', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(new Date('2026-11-28T09:00:00Z')) });
  });
  afterAll(async () => t.close());

  it('creates a provider with its computed tier, names bad fields and audits the change', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const base = `/api/orgs/${org.id}/suppliers`;
    const res = await admin.client.post(base, provider);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      siren: '732829320',
      siret: '73282932000017',
      criticality: { computed: 1, override: null, reason: null, effective: 1 },
      hdsExpiring: false,
      hdsCertificates: [],
      subcontractors: [],
      contacts: [],
      contracts: [],
    });
    expect((await auditOf(t, created.id))[0]).toMatchObject({ action: 'suppliers.supplier.created', organizationId: org.id });

    const bad = async (body: object, field: string, status = 400) => {
      const r = await admin.client.post(base, { ...provider, ...body });
      expect(r.statusCode).toBe(status);
      expect(r.json().error.field).toBe(field);
    };
    await bad({ siren: '732829321' }, 'siren');
    await bad({ siret: '55210055400401' }, 'siret'); // valid SIRET of another company
    await bad({ siret: '73282932000018' }, 'siret');
    await bad({ dataVolume: 'lots' }, 'body.dataVolume');
    await bad({ storageLocations: ['France'] }, 'body.storageLocations.0');
    // PostgreSQL cannot store a NUL character: a 400, not a 500.
    await bad({ name: 'Bio\u0000lab' }, 'body.name');
    expect((await admin.client.get(`${base}/x%00y`)).statusCode).toBe(400);
    await bad({ criticalityOverride: 3 }, 'criticalityReason');
    await bad({ criticalityOverride: 3, criticalityReason: '  ' }, 'criticalityReason');
    expect((await admin.client.get(`${base}?pageSize=50`)).json().total).toBe(1);
  });

  it('keeps an override with its reason beside the computed tier, and recomputes on change', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const base = `/api/orgs/${org.id}/suppliers`;
    const id = (await admin.client.post(base, provider)).json().id;
    const over = await admin.client.patch(`${base}/${id}`, { criticalityOverride: 2, criticalityReason: 'Contrat de secours signé' });
    expect(over.json().criticality).toEqual({ computed: 1, override: 2, reason: 'Contrat de secours signé', effective: 2 });
    const lower = await admin.client.patch(`${base}/${id}`, {
      handlesHealthData: false,
      dataVolume: 'none',
      systemAccess: 'none',
      dependency: 'low',
    });
    expect(lower.json().criticality).toEqual({ computed: 4, override: 2, reason: 'Contrat de secours signé', effective: 2 });
    // A new override without a new reason is refused; clearing the override clears the reason.
    expect((await admin.client.patch(`${base}/${id}`, { criticalityOverride: 3 })).json().error.field).toBe('criticalityReason');
    expect((await admin.client.patch(`${base}/${id}`, { criticalityOverride: null })).json().criticality).toEqual({
      computed: 4,
      override: null,
      reason: null,
      effective: 4,
    });
    const log = await auditOf(t, id);
    expect(log.map((e) => e.action)).toEqual([
      'suppliers.supplier.created',
      'suppliers.supplier.updated',
      'suppliers.supplier.updated',
      'suppliers.supplier.updated',
    ]);
    expect(log[1]?.before).toMatchObject({ criticality: { override: null } });
  });

  it('lists with search, filters, sort and pages; archives (204) out of the default list', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const base = `/api/orgs/${org.id}/suppliers`;
    const lab = (await admin.client.post(base, provider)).json();
    const cleaning = (await admin.client.post(base, { name: 'Nettoyage Élan', siren: '552100554', systemAccess: 'onsite' })).json();
    const payroll = (
      await admin.client.post(base, { name: 'Paie Express', siren: '442306122', dataVolume: '1k_100k', dependency: 'medium' })
    ).json();
    expect([cleaning.criticality.effective, payroll.criticality.effective]).toEqual([4, 3]);
    await admin.client.post(`${base}/${lab.id}/hds-certificates`, {
      activities: [5, 1, 6],
      certifyingBody: 'Organisme certificateur A',
      certificateNumber: 'HDS-2024-001',
      issuedOn: '2024-02-01',
      expiresOn: '2027-01-31',
    });
    const names = async (qs: string) => (await admin.client.get(`${base}?${qs}`)).json().items.map((s: { name: string }) => s.name);
    expect(await names('')).toEqual(['Biolab Systèmes', 'Nettoyage Élan', 'Paie Express']);
    expect(await names('q=biolab')).toEqual(['Biolab Systèmes']);
    expect(await names('q=elan%20NETTOYAGE')).toEqual(['Nettoyage Élan']);
    expect(await names('q=73282932000')).toEqual(['Biolab Systèmes']);
    expect(await names('q=552%20100')).toEqual(['Nettoyage Élan']);
    expect(await names('tier=3')).toEqual(['Paie Express']);
    expect(await names('healthData=true')).toEqual(['Biolab Systèmes']);
    expect(await names('hdsExpiring=true')).toEqual(['Biolab Systèmes']);
    expect(await names('sort=-tier')).toEqual(['Nettoyage Élan', 'Paie Express', 'Biolab Systèmes']);
    const page2 = (await admin.client.get(`${base}?pageSize=2&page=2`)).json();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((s: { name: string }) => s.name)).toEqual(['Paie Express']);
    expect((await admin.client.get(`${base}?tier=9`)).json().error.field).toBe('querystring.tier');

    const detail = (await admin.client.get(`${base}/${lab.id}`)).json();
    expect(detail).toMatchObject({ hdsExpiring: true, hdsExpiresOn: '2027-01-31' });
    expect(detail.hdsCertificates[0]).toMatchObject({ activities: [1, 5, 6], expiring: true });

    expect((await admin.client.post(`${base}/${cleaning.id}/archive`)).statusCode).toBe(204);
    expect(await names('')).toEqual(['Biolab Systèmes', 'Paie Express']);
    expect(await names('archived=true')).toEqual(['Nettoyage Élan']);
    expect((await auditOf(t, cleaning.id)).at(-1)?.action).toBe('suppliers.supplier.archived');
  });

  it('refuses a manager (403) and another organization (404)', async () => {
    const org = await makeOrg(t.dbh.db);
    const other = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const id = (await admin.client.post(`/api/orgs/${org.id}/suppliers`, provider)).json().id;
    const mgr = await makeAccount(t.dbh.db, { grants: [{ role: 'manager', scopeKind: 'organization', scopeId: org.id }], totp: true });
    const manager = await clientFor(t, mgr.id);
    expect((await manager.get(`/api/orgs/${org.id}/suppliers`)).statusCode).toBe(403);
    expect((await manager.post(`/api/orgs/${org.id}/suppliers`, provider)).statusCode).toBe(403);
    const foreign = await orgAdmin(t, other.id);
    expect((await foreign.client.get(`/api/orgs/${org.id}/suppliers/${id}`)).statusCode).toBe(404);
    // Its own organization's URL with someone else's provider: 404 too.
    expect((await foreign.client.get(`/api/orgs/${other.id}/suppliers/${id}`)).statusCode).toBe(404);
    expect((await foreign.client.patch(`/api/orgs/${other.id}/suppliers/${id}`, { name: 'X' })).statusCode).toBe(404);
    expect((await foreign.client.post(`/api/orgs/${other.id}/suppliers/${id}/archive`)).statusCode).toBe(404);
  });

  it('keeps HDS certificates, a subcontractor tree without cycles, and contacts', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const base = `/api/orgs/${org.id}/suppliers`;
    const id = (await admin.client.post(base, provider)).json().id;
    const hds = `${base}/${id}/hds-certificates`;
    const cert = {
      activities: [1, 2],
      certifyingBody: 'Organisme B',
      certificateNumber: 'N-1',
      issuedOn: '2025-01-01',
      expiresOn: '2028-01-01',
    };
    expect((await admin.client.post(hds, { ...cert, expiresOn: '2024-12-31' })).json().error.field).toBe('expiresOn');
    expect((await admin.client.post(hds, { ...cert, activities: [7] })).json().error.field).toBe('body.activities.0');
    expect((await admin.client.post(hds, { ...cert, activities: [1, 1] })).statusCode).toBe(400);
    const made = (await admin.client.post(hds, cert)).json();
    expect(made).toMatchObject({ activities: [1, 2], expiring: false });
    expect((await admin.client.put(`${hds}/${made.id}`, { ...cert, expiresOn: '2027-02-01' })).json().expiring).toBe(true);

    const subs = `${base}/${id}/subcontractors`;
    const host = (
      await admin.client.post(subs, { name: 'Hébergeur HDS', service: 'Hébergement', handlesHealthData: true, location: 'FR' })
    ).json();
    const backup = (await admin.client.post(subs, { name: 'Sauvegarde SA', parentId: host.id, location: 'EEA' })).json();
    const deep = (await admin.client.post(subs, { name: 'Datacentre', parentId: backup.id, siren: '442 306 122' })).json();
    expect(deep.subcontractors).toHaveLength(1);
    expect(deep.subcontractors[0].children[0].children[0]).toMatchObject({ name: 'Datacentre', siren: '442306122', children: [] });
    const cycle = await admin.client.put(`${subs}/${host.id}`, { name: 'Hébergeur HDS', parentId: deep.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error).toMatchObject({ code: 'subcontractor_cycle', field: 'parentId' });
    expect((await admin.client.put(`${subs}/${host.id}`, { name: 'Hébergeur HDS', parentId: host.id })).json().error.field).toBe(
      'parentId',
    );
    expect((await admin.client.post(subs, { name: 'X', parentId: 'nope' })).json().error.field).toBe('parentId');
    expect((await admin.client.post(subs, { name: 'X', siren: '123' })).json().error.field).toBe('siren');
    expect((await admin.client.delete(`${subs}/${backup.id}`)).statusCode).toBe(409);
    expect((await admin.client.delete(`${subs}/${deep.id}`)).statusCode).toBe(204);

    const contacts = `${base}/${id}/contacts`;
    const c = { name: 'Claire Dupuis', email: 'Claire.Dupuis@Biolab.example', phone: '+33 2 35 00 00 00', role: 'security' };
    expect((await admin.client.post(contacts, { ...c, email: 'pas-une-adresse' })).json().error.field).toBe('email');
    expect((await admin.client.post(contacts, { ...c, role: 'boss' })).json().error.field).toBe('body.role');
    expect((await admin.client.post(contacts, c)).json()).toMatchObject({ email: 'claire.dupuis@biolab.example', hasPortalAccount: false });
    expect((await admin.client.post(contacts, c)).statusCode).toBe(409);

    const detail = (await admin.client.get(`${base}/${id}`)).json();
    expect(detail.contacts).toHaveLength(1);
    expect(detail.subcontractors[0].children[0].children).toEqual([]);
    const actions = (await auditOf(t, id)).map((e) => e.action);
    expect(actions).toContain('suppliers.hds.updated');
    expect(actions).toContain('suppliers.subcontractor.deleted');
    expect(actions).toContain('suppliers.contact.created');
  });

  it('answers bad input with a 4xx, never a 500, and loses nothing', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const base = `/api/orgs/${org.id}/suppliers`;
    const id = (await admin.client.post(base, provider)).json().id;
    const anything = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    );
    const body = fc.dictionary(
      fc.constantFrom(...Object.keys(provider), 'criticalityOverride', 'criticalityReason', 'parentId', 'reference', 'startsOn', 'endsOn'),
      anything,
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom('', `/${id}`, `/${id}/contracts`, `/${id}/subcontractors`, `/${id}/contacts`, `/${id}/hds-certificates`),
        async (payload, path) => {
          const res = await (path === `/${id}`
            ? admin.client.patch(`${base}${path}`, payload)
            : admin.client.post(`${base}${path}`, payload));
          expect(res.statusCode, JSON.stringify(res.json())).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    expect((await admin.client.get(`${base}/${id}`)).statusCode).toBe(200);
  });
});
