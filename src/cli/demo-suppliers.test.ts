import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../test/helpers/app.js';
import { isolatedDb } from '../../test/helpers/db.js';
import { makeOrg, makeTerritory } from '../../test/helpers/factories.js';
import { orgAdmin } from '../server/modules/identity/test-kit.js';
import { isValidSiren } from '../server/modules/suppliers/siren.js';
import { demoProviders, seedDemoSuppliers } from './demo-suppliers.js';
import { disposeDb } from './test-support.js';

const NOW = new Date('2026-11-29T10:00:00Z');

describe('demo: the provider chain of the GHT’s lead establishment', () => {
  let t: TestApp;
  let leadId = '';
  let seededIn = 0;
  beforeAll(async () => {
    t = await makeTestApp({ dbh: await isolatedDb() });
    const [lead, member] = [await makeOrg(t.dbh.db), await makeOrg(t.dbh.db)];
    leadId = lead.id;
    await makeTerritory(t.dbh.db, { members: [{ orgId: member.id }, { orgId: lead.id, lead: true }] });
    const started = performance.now();
    expect(await seedDemoSuppliers(t.dbh, NOW)).toEqual({ suppliers: demoProviders.length, audits: 2 });
    seededIn = performance.now() - started;
  });
  afterAll(async () => {
    await t.app.close();
    await disposeDb(t.dbh);
  });

  it('writes a register of fictional providers with valid SIRENs, .demo contacts and certificates', async () => {
    const db = t.dbh.db;
    const suppliers = await db.selectFrom('suppliers').selectAll().where('organization_id', '=', leadId).execute();
    expect(suppliers).toHaveLength(12);
    expect(suppliers.every((s) => isValidSiren(s.siren))).toBe(true);
    expect(new Set(suppliers.map((s) => s.siren)).size).toBe(12);
    expect(suppliers.filter((s) => s.handles_health_data === 1).length).toBeGreaterThanOrEqual(6);
    const contacts = await db.selectFrom('supplier_contacts').select('email').execute();
    expect(contacts.length).toBeGreaterThanOrEqual(12);
    expect(contacts.every((c) => /^[a-z.]+@[a-z-]+\.demo$/.test(c.email))).toBe(true);
    const admin = await orgAdmin(t, leadId);
    const base = `/api/orgs/${leadId}/suppliers`;
    const expiring = (await admin.client.get(`${base}?hdsExpiring=true`)).json();
    expect(expiring.items.map((s: { name: string }) => s.name)).toEqual(['Hébergo Santé']);
    expect(expiring.items[0].hdsExpiresOn < '2027-01-28').toBe(true); // within 60 days
    expect(seededIn).toBeLessThan(5000);
  });

  it('gives contracts checklists and audit clauses the gap analysis and the dashboard read alike', async () => {
    const admin = await orgAdmin(t, leadId);
    const base = `/api/orgs/${leadId}/suppliers`;
    const gaps = (await admin.client.get(`${base}/gaps`)).json().items as Array<{ supplierName: string; gaps: Array<{ key: string }> }>;
    const biomed = gaps.find((g) => g.supplierName === 'Biomédis Maintenance');
    expect(biomed?.gaps.map((g) => g.key)).toEqual(['reversibility']);
    expect(gaps.find((g) => g.supplierName === 'Hébergo Santé')).toBeUndefined();
    const contract = (await admin.client.get(`${base}/contracts?pageSize=50`))
      .json()
      .items.find((c: { supplierName: string }) => c.supplierName === 'Hébergo Santé');
    const detail = (await admin.client.get(`${base}/contracts/${contract.id}`)).json();
    expect(detail.auditClause).toMatchObject({ frequencyMonths: 12, noticeDays: 15, payer: 'provider_if_breach', fixDeadlineDays: 30 });
    const dashboard = (await admin.client.get(`${base}/dashboard?fresh=true`)).json();
    expect(dashboard.contracts).toEqual({ active: 12, withoutAuditClause: 3, missingGdpr28: 3 });
    expect(dashboard.hds.expiringIn30Days + dashboard.hds.expiringIn90Days).toBeGreaterThan(0);
  });

  it('has an audit open with the host’s first answers, seen from the portal, and a closed audit with its findings and costs', async () => {
    const db = t.dbh.db;
    const host = await db.selectFrom('suppliers').selectAll().where('name', '=', 'Hébergo Santé').executeTakeFirstOrThrow();
    const contact = await db
      .selectFrom('supplier_contacts')
      .selectAll()
      .where('supplier_id', '=', host.id)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    expect(contact.account_id).not.toBeNull();
    const portal = await clientFor(t, contact.account_id!, { mfa: false });
    const list = (await portal.get('/api/portal/audits')).json().items;
    expect(list).toHaveLength(1);
    const audit = (await portal.get(`/api/portal/audits/${list[0].id}`)).json();
    expect(audit).toMatchObject({ status: 'open', readOnly: false });
    expect(audit.answers.map((a: { questionId: string }) => a.questionId).sort()).toEqual([
      'hds-activities',
      'hds-body',
      'hds-certified',
      'hds-scope-matches',
    ]);
    expect(audit.comments).toHaveLength(1);
    // The contact can carry on answering where the demo left off.
    expect((await portal.put(`/api/portal/audits/${list[0].id}/answers/storage-location`, { value: 'france' })).statusCode).toBe(200);

    const admin = await orgAdmin(t, leadId);
    const base = `/api/orgs/${leadId}/suppliers`;
    const closed = await db
      .selectFrom('supplier_audits')
      .selectAll()
      .where('status', '=', 'closed')
      .where('organization_id', '=', leadId)
      .execute();
    expect(closed).toHaveLength(1);
    const findings = (await admin.client.get(`${base}/audits/${closed[0]!.id}/findings`)).json().items;
    expect(findings.map((f: { severity: string; status: string }) => [f.severity, f.status])).toEqual([
      ['high', 'closed'],
      ['medium', 'closed'],
    ]);
    expect(
      findings.every((f: { steps: Array<{ status: string }> }) => f.steps.length > 0 && f.steps.every((s) => s.status === 'done')),
    ).toBe(true);
    const review = (await admin.client.get(`${base}/audits/${closed[0]!.id}/review`)).json();
    expect(review.score.counts.non_compliant).toBe(2);
    const costs = (await admin.client.get(`${base}/audits/${closed[0]!.id}/costs`)).json();
    // A high finding is a breach: under provider_if_breach the provider pays.
    expect(costs.split).toMatchObject({ payer: 'provider_if_breach', breach: true, totalCents: 240_000, providerCents: 240_000 });
  });

  it('adds nothing on a second run', async () => {
    const before = await t.dbh.db.selectFrom('suppliers').select('id').execute();
    expect(await seedDemoSuppliers(t.dbh, NOW)).toEqual({ suppliers: 0, audits: 0 });
    expect(await t.dbh.db.selectFrom('suppliers').select('id').execute()).toHaveLength(before.length);
  });
});
