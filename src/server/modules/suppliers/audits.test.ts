import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { makeContact, makeContract, makeGrid, makeSupplier } from '../../../../test/support/suppliers-audits-factory.js';
import { auditOf, coordinator, orgAdmin } from '../identity/test-kit.js';

const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('supplier audits, establishment side', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  it('creates an audit by hand with a frozen copy of the grid, naming the field of bad input', async () => {
    const org = await makeOrg(t.dbh.db);
    const other = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const supplier = await makeSupplier(t.dbh.db, org.id);
    const foreign = await makeSupplier(t.dbh.db, other.id);
    const contractOfOther = await makeContract(t.dbh.db, other.id, foreign.id);
    const grid = await makeGrid(t.dbh.db, org.id);
    const url = `/api/orgs/${org.id}/suppliers/audits`;
    const ok = { supplierId: supplier.id, gridId: grid.id, dueOn: '2027-01-31' };
    for (const [body, field] of [
      [{ ...ok, supplierId: foreign.id }, 'supplierId'],
      [{ ...ok, gridId: (await makeGrid(t.dbh.db, other.id)).id }, 'gridId'],
      [{ ...ok, contractId: contractOfOther.id }, 'contractId'],
      [{ ...ok, dueOn: '31/01/2027' }, 'dueOn'],
    ] as const) {
      const res = await admin.client.post(url, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.field).toMatch(new RegExp(`${field}$`));
    }
    const created = await admin.client.post(url, ok);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'planned', kind: 'extra', role: 'lead', dueOn: '2027-01-31', answersVisible: true });
    // Editing the grid afterwards does not reach the audit.
    await t.dbh.db
      .updateTable('supplier_grids')
      .set({ definition: JSON.stringify({ sections: [] }) })
      .where('id', '=', grid.id)
      .execute();
    const read = await admin.client.get(`${url}/${created.json().id}`);
    expect(read.json().grid.definition.sections[0].questions).toHaveLength(6);
    expect((await auditOf(t, created.json().id)).map((e) => e.action)).toEqual(['suppliers.audit.created']);
  });

  it('lists with filters, search and pages; another organization gets 404', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const acme = await makeSupplier(t.dbh.db, org.id, { name: 'Acmé Santé' });
    const other = await makeSupplier(t.dbh.db, org.id, { name: 'Biolab' });
    const grid = await makeGrid(t.dbh.db, org.id);
    const url = `/api/orgs/${org.id}/suppliers/audits`;
    const ids: string[] = [];
    for (const [supplierId, dueOn] of [
      [acme.id, '2027-03-01'],
      [other.id, '2027-01-01'],
      [acme.id, '2027-02-01'],
    ] as const) {
      ids.push((await admin.client.post(url, { supplierId, gridId: grid.id, dueOn })).json().id);
    }
    await admin.client.post(`${url}/${ids[0]}/cancel`);
    const all = await admin.client.get(`${url}?pageSize=2`);
    expect(all.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(all.json().items.map((i: { dueOn: string }) => i.dueOn)).toEqual(['2027-01-01', '2027-02-01']);
    expect((await admin.client.get(`${url}?status=cancelled`)).json().items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    expect((await admin.client.get(`${url}?supplierId=${acme.id}`)).json().total).toBe(2);
    expect((await admin.client.get(`${url}?q=biolab`)).json().items.map((i: { supplierName: string }) => i.supplierName)).toEqual([
      'Biolab',
    ]);
    expect((await admin.client.get(`${url}?dueFrom=2027-01-15&dueTo=2027-02-15`)).json().total).toBe(1);
    expect((await admin.client.get(`${url}?status=done`)).statusCode).toBe(400);
    const stranger = await orgAdmin(t, (await makeOrg(t.dbh.db)).id);
    expect((await stranger.client.get(url)).statusCode).toBe(404);
    expect((await stranger.client.get(`/api/orgs/${stranger.accountId}/suppliers/audits/${ids[1]}`)).statusCode).toBe(404);
  });

  it('opens an audit: provider organization, portal accounts and a sign-in link to the audit by email', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const supplier = await makeSupplier(t.dbh.db, org.id);
    const grid = await makeGrid(t.dbh.db, org.id);
    const url = `/api/orgs/${org.id}/suppliers/audits`;
    const auditId = (await admin.client.post(url, { supplierId: supplier.id, gridId: grid.id, dueOn: '2027-05-31' })).json().id;
    const noContact = await admin.client.post(`${url}/${auditId}/open`);
    expect(noContact.statusCode).toBe(400);
    expect(noContact.json().error).toMatchObject({ code: 'supplier_without_contacts', field: 'contacts' });

    const c1 = await makeContact(t.dbh.db, supplier.id, { name: 'Alix Moreau' });
    const c2 = await makeContact(t.dbh.db, supplier.id);
    t.mailer.sent.length = 0;
    const opened = await admin.client.post(`${url}/${auditId}/open`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'open', noticesSent: 2, noticeFailures: [] });
    expect(t.mailer.sent.map((m) => m.to).sort()).toEqual([c1.email, c2.email].sort());
    const notice = t.mailer.sent.find((m) => m.to === c1.email)!;
    expect(notice.text).toContain(org.name);
    expect(notice.text).toContain('Alix Moreau');

    const linked = await t.dbh.db
      .selectFrom('suppliers')
      .select('provider_organization_id')
      .where('id', '=', supplier.id)
      .executeTakeFirstOrThrow();
    const providerOrg = await t.dbh.db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', linked.provider_organization_id!)
      .executeTakeFirstOrThrow();
    expect(providerOrg.kind).toBe('provider');
    const grants = await t.dbh.db.selectFrom('role_grants').select(['role', 'scope_id']).where('scope_id', '=', providerOrg.id).execute();
    expect(grants).toEqual([
      { role: 'provider_contact', scope_id: providerOrg.id },
      { role: 'provider_contact', scope_id: providerOrg.id },
    ]);

    // The link signs the contact in and leads to the audit in the portal.
    const browser = new Client(t);
    const consumed = await browser.post('/api/auth/magic-link/consume', { token: tokenIn(notice.text) });
    expect(consumed.statusCode).toBe(200);
    expect(consumed.json().returnTo).toBe(`/portal/audits/${auditId}`);
    expect((await browser.get('/api/portal/audits')).json().items.map((i: { id: string }) => i.id)).toEqual([auditId]);

    expect((await admin.client.post(`${url}/${auditId}/open`)).json().error.code).toBe('audit_not_planned');
    // The notice again, to a contact added since: a fresh link each, the spent one stays spent.
    const c3 = await makeContact(t.dbh.db, supplier.id);
    t.mailer.sent.length = 0;
    const again = await admin.client.post(`${url}/${auditId}/notice`);
    expect(again.json()).toMatchObject({ status: 'open', noticesSent: 3 });
    expect(t.mailer.sent.map((m) => m.to)).toContain(c3.email);
    expect((await new Client(t).post('/api/auth/magic-link/consume', { token: tokenIn(notice.text) })).json().error.code).toBe('link_used');
    const fresh = t.mailer.sent.find((m) => m.to === c3.email)!;
    expect((await new Client(t).post('/api/auth/magic-link/consume', { token: tokenIn(fresh.text) })).statusCode).toBe(200);
    const actions = (await auditOf(t, auditId)).map((e) => e.action);
    expect(actions).toEqual(['suppliers.audit.created', 'suppliers.audit.opened', 'suppliers.audit.notice_resent']);

    // Another establishment listing the same company (SIREN) reaches the same provider organization.
    const org2 = await makeOrg(t.dbh.db);
    const admin2 = await orgAdmin(t, org2.id);
    const twin = await makeSupplier(t.dbh.db, org2.id, { siren: supplier.siren });
    await makeContact(t.dbh.db, twin.id, { email: c1.email });
    const grid2 = await makeGrid(t.dbh.db, org2.id);
    const a2 = (
      await admin2.client.post(`/api/orgs/${org2.id}/suppliers/audits`, { supplierId: twin.id, gridId: grid2.id, dueOn: '2027-06-30' })
    ).json().id;
    expect((await admin2.client.post(`/api/orgs/${org2.id}/suppliers/audits/${a2}/open`)).statusCode).toBe(200);
    const twinRow = await t.dbh.db
      .selectFrom('suppliers')
      .select('provider_organization_id')
      .where('id', '=', twin.id)
      .executeTakeFirstOrThrow();
    expect(twinRow.provider_organization_id).toBe(providerOrg.id);
    expect((await browser.get('/api/portal/audits')).json().items).toHaveLength(2);
  });

  it('cancels planned or open audits only', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const supplier = await makeSupplier(t.dbh.db, org.id);
    const grid = await makeGrid(t.dbh.db, org.id);
    const url = `/api/orgs/${org.id}/suppliers/audits`;
    const id = (await admin.client.post(url, { supplierId: supplier.id, gridId: grid.id, dueOn: '2027-05-31' })).json().id;
    expect((await admin.client.post(`${url}/${id}/cancel`)).json().status).toBe('cancelled');
    expect((await admin.client.post(`${url}/${id}/cancel`)).json().error.code).toBe('audit_not_cancellable');
    expect((await admin.client.post(`${url}/${id}/open`)).json().error.code).toBe('audit_not_planned');
    expect((await admin.client.post(`${url}/${id}/notice`)).json().error.code).toBe('audit_not_open');
    const log = await auditOf(t, id);
    expect(log.at(-1)).toMatchObject({
      action: 'suppliers.audit.cancelled',
      before: { status: 'planned' },
      after: { status: 'cancelled' },
    });
  });

  it('shares an audit within a territory with establishments listing the same provider, answers shown once the provider agreed', async () => {
    const lead = await makeOrg(t.dbh.db);
    const member = await makeOrg(t.dbh.db);
    const noSupplier = await makeOrg(t.dbh.db);
    const outsider = await makeOrg(t.dbh.db);
    const late = await makeOrg(t.dbh.db);
    const territory = await makeTerritory(t.dbh.db, {
      members: [{ orgId: lead.id, lead: true }, { orgId: member.id }, { orgId: noSupplier.id }, { orgId: late.id }],
    });
    const admin = await orgAdmin(t, lead.id);
    const memberAdmin = await orgAdmin(t, member.id);
    const supplier = await makeSupplier(t.dbh.db, lead.id);
    await makeSupplier(t.dbh.db, member.id, { siren: supplier.siren });
    await makeSupplier(t.dbh.db, outsider.id, { siren: supplier.siren });
    await makeSupplier(t.dbh.db, late.id, { siren: supplier.siren });
    const contact = await makeContact(t.dbh.db, supplier.id);
    const grid = await makeGrid(t.dbh.db, lead.id);
    const url = `/api/orgs/${lead.id}/suppliers/audits`;
    const id = (await admin.client.post(url, { supplierId: supplier.id, gridId: grid.id, dueOn: '2027-05-31' })).json().id;

    for (const orgId of [outsider.id, noSupplier.id, lead.id]) {
      const refused = await admin.client.post(`${url}/${id}/share`, { organizationIds: [orgId] });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.field).toBe('organizationIds.0');
    }
    const shared = await admin.client.post(`${url}/${id}/share`, { organizationIds: [member.id] });
    expect(shared.statusCode).toBe(200);
    expect(shared.json()).toMatchObject({ shared: true, providerAgreedSharedAt: null });
    expect(shared.json().participants.map((p: { organizationId: string }) => p.organizationId)).toEqual([member.id]);

    await admin.client.post(`${url}/${id}/open`);
    const account = await t.dbh.db
      .selectFrom('supplier_contacts')
      .select('account_id')
      .where('id', '=', contact.id)
      .executeTakeFirstOrThrow();
    const provider = await clientFor(t, account.account_id!, { mfa: false });
    expect((await provider.put(`/api/portal/audits/${id}/answers/q1`, { value: 'yes' })).statusCode).toBe(200);

    const memberUrl = `/api/orgs/${member.id}/suppliers/audits`;
    const listed = await memberAdmin.client.get(memberUrl);
    expect(listed.json().items.map((i: { id: string; role: string }) => [i.id, i.role])).toEqual([[id, 'participant']]);
    const before = await memberAdmin.client.get(`${memberUrl}/${id}`);
    expect(before.json()).toMatchObject({ answersVisible: false, answers: [], comments: [], evidence: [] });
    expect((await memberAdmin.client.post(`${memberUrl}/${id}/cancel`)).json().error.code).toBe('not_audit_lead');

    const portalView = await provider.get(`/api/portal/audits/${id}`);
    expect(portalView.json()).toMatchObject({ shared: true, sharingAgreed: false, sharedWith: [member.name] });
    const agreed = await provider.post(`/api/portal/audits/${id}/agree-sharing`);
    expect(agreed.statusCode).toBe(200);
    expect(agreed.json().sharingAgreed).toBe(true);
    const after = await memberAdmin.client.get(`${memberUrl}/${id}`);
    expect(after.json()).toMatchObject({ answersVisible: true, answers: [{ questionId: 'q1', value: 'yes' }] });

    // A territory coordinator adds a member: the provider is asked again before anyone sees more.
    const coord = await coordinator(t, territory.id);
    const byCoord = await coord.client.post(`/api/territories/${territory.id}/suppliers/audits/${id}/share`, {
      organizationIds: [late.id],
    });
    expect(byCoord.statusCode).toBe(200);
    expect(byCoord.json().providerAgreedSharedAt).toBeNull();
    expect((await memberAdmin.client.get(`${memberUrl}/${id}`)).json().answersVisible).toBe(false);
    const otherTerritory = await makeTerritory(t.dbh.db, { members: [{ orgId: outsider.id }] });
    const foreignCoord = await coordinator(t, otherTerritory.id);
    expect(
      (
        await foreignCoord.client.post(`/api/territories/${otherTerritory.id}/suppliers/audits/${id}/share`, {
          organizationIds: [outsider.id],
        })
      ).statusCode,
    ).toBe(404);
    const actions = (await auditOf(t, id)).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('suppliers.audit.shar'))).toEqual([
      'suppliers.audit.shared',
      'suppliers.audit.sharing_agreed',
      'suppliers.audit.shared',
    ]);
  });
});
