import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { makeContact, makeGrid, makeSupplier } from '../../../../test/support/suppliers-audits-factory.js';
import { insertContract } from '../../../../test/support/suppliers-register-factory.js';
import { coordinator, orgAdmin, tag } from '../identity/test-kit.js';

const ids = (rows: Array<{ organizationId: string }>) => rows.map((r) => r.organizationId);

describe('share candidates and evidence limits of an audit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ env: { EVIDENCE_MAX_BYTES: String(5 * 1_048_576) } });
  });
  afterAll(async () => t.close());

  /** A lead in two territories; members with and without the audited company; one already taking part. */
  async function scene() {
    const k = tag();
    const lead = await makeOrg(t.dbh.db, { name: `Lead ${k}` });
    const withContract = await makeOrg(t.dbh.db, { name: `A clinique ${k}` });
    const noContract = await makeOrg(t.dbh.db, { name: `B hôpital ${k}` });
    const noSupplier = await makeOrg(t.dbh.db, { name: `C EHPAD ${k}` });
    const archived = await makeOrg(t.dbh.db, { name: `D centre ${k}` });
    const participant = await makeOrg(t.dbh.db, { name: `E participant ${k}` });
    const inSecond = await makeOrg(t.dbh.db, { name: `F second ${k}` });
    const outsider = await makeOrg(t.dbh.db, { name: `G outsider ${k}` });
    const first = await makeTerritory(t.dbh.db, {
      name: `A GHT ${k}`,
      members: [lead, withContract, noContract, noSupplier, archived, participant].map((o) => ({ orgId: o.id })),
    });
    // withContract is in both territories: listed once, under the first by name.
    const second = await makeTerritory(t.dbh.db, {
      name: `B GHT ${k}`,
      members: [lead, inSecond, withContract].map((o) => ({ orgId: o.id })),
    });
    const supplier = await makeSupplier(t.dbh.db, lead.id);
    const same = (orgId: string, name: string) => makeSupplier(t.dbh.db, orgId, { siren: supplier.siren, name });
    const theirs = await same(withContract.id, 'Acmé (clinique)');
    await insertContract(t.dbh.db, withContract.id, theirs.id, { starts_on: '2024-01-01', ends_on: '2025-12-31' });
    const latest = await insertContract(t.dbh.db, withContract.id, theirs.id, { starts_on: '2026-01-01', ends_on: '2028-12-31' });
    await same(noContract.id, 'Acmé (hôpital)');
    const gone = await same(archived.id, 'Acmé (archivé)');
    await t.dbh.db.updateTable('suppliers').set({ archived: 1 }).where('id', '=', gone.id).execute();
    await same(participant.id, 'Acmé (participant)');
    await same(inSecond.id, 'Acmé (second)');
    await same(outsider.id, 'Acmé (ailleurs)');
    const admin = await orgAdmin(t, lead.id);
    const url = `/api/orgs/${lead.id}/suppliers/audits`;
    const grid = await makeGrid(t.dbh.db, lead.id);
    const id: string = (await admin.client.post(url, { supplierId: supplier.id, gridId: grid.id, dueOn: '2027-06-30' })).json().id;
    expect((await admin.client.post(`${url}/${id}/share`, { organizationIds: [participant.id] })).statusCode).toBe(200);
    return { lead, withContract, noContract, noSupplier, archived, participant, inSecond, outsider, first, second, latest };
  }

  it('lists, for an organization admin, the members the share accepts and the others with the reason', async () => {
    const s = await scene();
    const admin = await orgAdmin(t, s.lead.id);
    const url = `/api/orgs/${s.lead.id}/suppliers/audits`;
    const id = (await admin.client.get(url)).json().items[0].id as string;
    const res = await admin.client.get(`${url}/${id}/share-candidates`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toEqual([
      {
        organizationId: s.withContract.id,
        name: s.withContract.name,
        territoryId: s.first.id,
        territoryName: expect.stringMatching(/^A GHT/),
        supplierName: 'Acmé (clinique)',
        contractEndsOn: '2028-12-31',
      },
      expect.objectContaining({ organizationId: s.noContract.id, supplierName: 'Acmé (hôpital)', contractEndsOn: null }),
      expect.objectContaining({ organizationId: s.inSecond.id, territoryId: s.second.id, territoryName: expect.stringMatching(/^B GHT/) }),
    ]);
    expect(body.ineligible).toEqual([
      {
        organizationId: s.noSupplier.id,
        name: s.noSupplier.name,
        territoryName: expect.stringMatching(/^A GHT/),
        reason: 'no_same_provider',
      },
      expect.objectContaining({ organizationId: s.archived.id, reason: 'no_same_provider' }),
    ]);

    // The share applies the same rule: a candidate is taken with its latest contract, an ineligible member is refused.
    const refused = await admin.client.post(`${url}/${id}/share`, { organizationIds: [s.withContract.id, s.archived.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'participant_not_eligible', field: 'organizationIds.1' });
    expect((await admin.client.post(`${url}/${id}/share`, { organizationIds: ids(body.items) })).statusCode).toBe(200);
    const joined = await t.dbh.db
      .selectFrom('supplier_audit_participants')
      .select(['organization_id', 'contract_id'])
      .where('audit_id', '=', id)
      .execute();
    expect(joined.find((p) => p.organization_id === s.withContract.id)?.contract_id).toBe(s.latest.id);
    expect(joined.find((p) => p.organization_id === s.noContract.id)?.contract_id).toBeNull();
    const after = (await admin.client.get(`${url}/${id}/share-candidates`)).json();
    expect(after.items).toEqual([]);
    expect(ids(after.ineligible)).toEqual([s.noSupplier.id, s.archived.id]);
  });

  it('lists for a coordinator only the members of their territory; foreign organizations and territories get 404', async () => {
    const s = await scene();
    const admin = await orgAdmin(t, s.lead.id);
    const id = (await admin.client.get(`/api/orgs/${s.lead.id}/suppliers/audits`)).json().items[0].id as string;
    const coord = await coordinator(t, s.second.id);
    const res = await coord.client.get(`/api/territories/${s.second.id}/suppliers/audits/${id}/share-candidates`);
    expect(res.statusCode).toBe(200);
    expect(ids(res.json().items)).toEqual([s.withContract.id, s.inSecond.id]);
    expect(res.json().items[0]).toMatchObject({ territoryId: s.second.id, supplierName: 'Acmé (clinique)' });
    expect(res.json().ineligible).toEqual([]);

    // A territory the lead is not in, even with a member using the same company: 404.
    const foreignTerritory = await makeTerritory(t.dbh.db, { members: [{ orgId: s.outsider.id }] });
    const foreignCoord = await coordinator(t, foreignTerritory.id);
    const foreign = await foreignCoord.client.get(`/api/territories/${foreignTerritory.id}/suppliers/audits/${id}/share-candidates`);
    expect(foreign.statusCode).toBe(404);
    // Another organization reaching the audit through its own path: 404; a coordinator using another territory's path too.
    const stranger = await orgAdmin(t, s.outsider.id);
    expect((await stranger.client.get(`/api/orgs/${s.outsider.id}/suppliers/audits/${id}/share-candidates`)).statusCode).toBe(404);
    expect((await coord.client.get(`/api/territories/${s.first.id}/suppliers/audits/${id}/share-candidates`)).statusCode).toBe(404);
    // A participant reads the audit but does not run it.
    const participant = await orgAdmin(t, s.participant.id);
    const asParticipant = await participant.client.get(`/api/orgs/${s.participant.id}/suppliers/audits/${id}/share-candidates`);
    expect(asParticipant.statusCode).toBe(403);
    expect(asParticipant.json().error.code).toBe('not_audit_lead');
  });

  it('tells both sides the evidence limits from the configuration', async () => {
    const lead = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, lead.id);
    const supplier = await makeSupplier(t.dbh.db, lead.id);
    const contact = await makeContact(t.dbh.db, supplier.id);
    const grid = await makeGrid(t.dbh.db, lead.id);
    const url = `/api/orgs/${lead.id}/suppliers/audits`;
    const created = await admin.client.post(url, { supplierId: supplier.id, gridId: grid.id, dueOn: '2027-06-30' });
    const limits = { evidenceMaxBytes: 5 * 1_048_576, evidenceTypes: ['pdf', 'png', 'jpeg', 'xlsx', 'docx', 'csv', 'txt'] };
    expect(created.json()).toMatchObject(limits);
    const id = created.json().id as string;
    expect((await admin.client.get(`${url}/${id}`)).json()).toMatchObject(limits);
    const opened = await admin.client.post(`${url}/${id}/open`);
    expect(opened.json()).toMatchObject({ status: 'open', ...limits });
    const account = await t.dbh.db
      .selectFrom('supplier_contacts')
      .select('account_id')
      .where('id', '=', contact.id)
      .executeTakeFirstOrThrow();
    const provider = await clientFor(t, account.account_id!, { mfa: false });
    const portal = await provider.get(`/api/portal/audits/${id}`);
    expect(portal.statusCode).toBe(200);
    expect(portal.json()).toMatchObject(limits);
  });
});
