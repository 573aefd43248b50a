import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import {
  makeAuditClause,
  makeContract,
  makeCost,
  makeFinding,
  makeParticipant,
  makeSupplier,
} from '../../../../test/support/suppliers-review-factory.js';
import { FixedClock } from '../../platform/clock.js';
import { orgAdmin } from '../identity/test-kit.js';
import type { AuditCosts, Budget } from './costs-schema.js';
import { evenParts, splitCosts } from './costs-split.js';
import { auditScene } from './review-test-kit.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('suppliers costs: split by the clause', () => {
  const one = [{ organizationId: 'a', capCents: null }];
  const costs = [
    { id: 'c1', amountCents: 100_000, incurredOn: '2026-03-01' },
    { id: 'c2', amountCents: 50_000, incurredOn: '2026-04-01' },
  ];

  it('charges the establishment, the provider, or the provider only after a breach', () => {
    expect(splitCosts('establishment', true, one, costs)).toMatchObject({
      totalCents: 150_000,
      establishmentCents: 150_000,
      providerCents: 0,
    });
    expect(splitCosts('provider', false, one, costs)).toMatchObject({ establishmentCents: 0, providerCents: 150_000 });
    expect(splitCosts('provider_if_breach', false, one, costs)).toMatchObject({ establishmentCents: 150_000, providerCents: 0 });
    expect(splitCosts('provider_if_breach', true, one, costs)).toMatchObject({
      establishmentCents: 0,
      providerCents: 150_000,
      breach: true,
    });
  });

  it('caps what each establishment pays, later costs first, and splits a shared audit evenly', () => {
    const capped = splitCosts('establishment', false, [{ organizationId: 'a', capCents: 120_000 }], costs);
    expect(capped.byOrganization[0]).toMatchObject({ establishmentCents: 120_000, providerCents: 30_000, capped: true });
    expect(capped.shares.map((s) => [s.costId, s.establishmentCents, s.providerCents])).toEqual([
      ['c1', 100_000, 0],
      ['c2', 20_000, 30_000],
    ]);

    const shared = splitCosts(
      'establishment',
      false,
      [
        { organizationId: 'lead', capCents: null },
        { organizationId: 'b', capCents: 40_000 },
        { organizationId: 'c', capCents: null },
      ],
      [{ id: 'c1', amountCents: 100_001, incurredOn: '2026-03-01' }],
    );
    expect(shared.byOrganization.map((o) => [o.organizationId, o.portionCents, o.establishmentCents, o.providerCents])).toEqual([
      ['lead', 33_334, 33_334, 0],
      ['b', 33_334, 33_334, 0],
      ['c', 33_333, 33_333, 0],
    ]);
    expect(evenParts(10, 3)).toEqual([4, 3, 3]);
    const sharedCapped = splitCosts(
      'establishment',
      false,
      [
        { organizationId: 'lead', capCents: null },
        { organizationId: 'b', capCents: 40_000 },
      ],
      costs,
    );
    expect(sharedCapped.byOrganization.map((o) => [o.establishmentCents, o.providerCents])).toEqual([
      [75_000, 0],
      [40_000, 35_000],
    ]);
  });
});

describe('suppliers costs: API and yearly budget', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW) });
  });
  afterAll(async () => t.close());

  it('records costs, applies breach, cap and sharing, and sums the budget per month and provider', async () => {
    const lead = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, lead.id);
    const a = await auditScene(t.dbh.db, lead.id, {
      status: 'in_review',
      payer: 'provider_if_breach',
      capEur: 2000,
      supplierName: 'Hébergeur Beta',
    });
    const path = `/api/orgs/${lead.id}/suppliers/audits/${a.auditId}/costs`;

    const added = await admin.client.post(path, { label: 'Journée d’audit sur site', amountCents: 150_000, incurredOn: '2026-03-10' });
    expect(added.statusCode).toBe(201);
    expect((added.json() as AuditCosts).split).toMatchObject({ payer: 'provider_if_breach', breach: false, establishmentCents: 150_000 });
    const second: AuditCosts = (await admin.client.post(path, { label: 'Rapport', amountCents: 100_000, incurredOn: '2026-04-02' })).json();
    // Cap 2,000 €: the establishment pays 2,000 €, the provider the remaining 500 €.
    expect(second.split).toMatchObject({ totalCents: 250_000, establishmentCents: 200_000, providerCents: 50_000 });
    expect(second.split.shares).toEqual([expect.objectContaining({ organizationId: lead.id, capCents: 200_000, capped: true })]);
    const bad = await admin.client.post(path, { label: 'x', amountCents: -5, incurredOn: '2026-04-31x' });
    expect(bad.statusCode).toBe(400);
    const badDay = await admin.client.post(path, { label: 'x', amountCents: 5, incurredOn: '2026-02-30' });
    expect(badDay.statusCode).toBe(400);
    expect(JSON.stringify(badDay.json())).toContain('incurredOn');

    // A medium finding is no breach; a high one is: the provider pays everything.
    await makeFinding(t.dbh.db, a.auditId, lead.id, { severity: 'medium' });
    expect(((await admin.client.get(path)).json() as AuditCosts).split.breach).toBe(false);
    await makeFinding(t.dbh.db, a.auditId, lead.id, { severity: 'high', status: 'closed' });
    expect(((await admin.client.get(path)).json() as AuditCosts).split).toMatchObject({
      breach: true,
      establishmentCents: 0,
      providerCents: 250_000,
    });

    // A shared audit paid by the establishments: the participant pays half; its own cap (500 €) applies.
    const member = await makeOrg(t.dbh.db);
    const memberAdmin = await orgAdmin(t, member.id);
    const shared = await auditScene(t.dbh.db, lead.id, { status: 'closed', payer: 'establishment', supplierName: 'Éditeur Gamma' });
    const memberSupplier = await makeSupplier(t.dbh.db, member.id);
    const memberContract = await makeContract(t.dbh.db, member.id, memberSupplier.id);
    await makeAuditClause(t.dbh.db, memberContract.id, shared.gridId, { capEur: 500 });
    await makeParticipant(t.dbh.db, shared.auditId, member.id, memberContract.id);
    await makeCost(t.dbh.db, shared.auditId, 120_000, '2026-04-20');
    await makeCost(t.dbh.db, shared.auditId, 30_000, '2025-12-20');

    const seen: AuditCosts = (await memberAdmin.client.get(`/api/orgs/${member.id}/suppliers/audits/${shared.auditId}/costs`)).json();
    expect(seen.split.shares).toEqual([
      expect.objectContaining({ organizationId: member.id, portionCents: 75_000, establishmentCents: 50_000, providerCents: 25_000 }),
    ]);
    const leadView: AuditCosts = (await admin.client.get(`/api/orgs/${lead.id}/suppliers/audits/${shared.auditId}/costs`)).json();
    expect(leadView.split.shares.map((s) => s.establishmentCents)).toEqual([75_000, 50_000]);
    // The participant reads but does not record.
    const refused = await memberAdmin.client.post(`/api/orgs/${member.id}/suppliers/audits/${shared.auditId}/costs`, {
      label: 'x',
      amountCents: 100,
      incurredOn: '2026-05-01',
    });
    expect(refused.statusCode).toBe(404);

    const budget: Budget = (await admin.client.get(`/api/orgs/${lead.id}/suppliers/budget?year=2026`)).json();
    expect(budget.totals).toEqual({ establishmentCents: 60_000, providerCents: 250_000 });
    expect(budget.months[2]).toEqual({ month: 3, establishmentCents: 0, providerCents: 150_000 });
    expect(budget.months[3]).toEqual({ month: 4, establishmentCents: 60_000, providerCents: 100_000 });
    expect(budget.providers.map((p) => [p.supplierName, p.establishmentCents, p.providerCents])).toEqual([
      ['Hébergeur Beta', 0, 250_000],
      ['Éditeur Gamma', 60_000, 0],
    ]);
    // The participant's 2026: its half of April (cap already half used by December 2025's half).
    const memberBudget: Budget = (await memberAdmin.client.get(`/api/orgs/${member.id}/suppliers/budget?year=2026`)).json();
    expect(memberBudget.totals).toEqual({ establishmentCents: 35_000, providerCents: 25_000 });
    expect((await admin.client.get(`/api/orgs/${lead.id}/suppliers/budget?year=1999`)).statusCode).toBe(400);

    const removed: AuditCosts = (await admin.client.delete(`${path}/${second.items[1]?.id}`)).json();
    expect(removed.items).toHaveLength(1);
  });
});
