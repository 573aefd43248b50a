import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import {
  makeAudit,
  makeAuditClause,
  makeCertificate,
  makeClause,
  makeContract,
  makeFinding,
  makeGrid,
  makeSupplier,
} from '../../../../test/support/suppliers-review-factory.js';
import { FixedClock } from '../../platform/clock.js';
import { coordinator, orgAdmin } from '../identity/test-kit.js';
import { ContractsRepo } from './contracts-repo.js';
import type { OrgDashboard, TerritoryDashboard } from './dashboard-schema.js';
import { reviewGrid } from './review-test-kit.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('suppliers risk dashboard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW) });
  });
  afterAll(async () => t.close());

  /** Four live providers (and an archived one) with certificates, contracts, audits and findings of every kind. */
  async function register(orgId: string) {
    const db = t.dbh.db;
    const grid = await makeGrid(db, orgId, reviewGrid);
    const s1 = await makeSupplier(db, orgId, { name: 'Alpha Santé', siren: '111111111', tier: 1 });
    const s2 = await makeSupplier(db, orgId, { name: 'Beta Cloud', siren: '222222222', tier: 3, override: 2 });
    const s3 = await makeSupplier(db, orgId, { name: 'Gamma Logistique', siren: '333333333', tier: 4, health: false });
    const s4 = await makeSupplier(db, orgId, { name: 'Delta Imagerie', siren: '444444444', tier: 3 });
    await makeSupplier(db, orgId, { name: 'Epsilon (archivé)', siren: '555555555', tier: 1, archived: true });
    await makeCertificate(db, s1.id, '2025-10-01');
    await makeCertificate(db, s1.id, '2026-10-01');
    await makeCertificate(db, s2.id, '2026-12-10');
    await makeCertificate(db, s3.id, '2027-01-30');
    const c1 = await makeContract(db, orgId, s1.id);
    await makeAuditClause(db, c1.id, grid.id);
    for (const p of 'abcdefgh') await makeClause(db, c1.id, `gdpr_28_${p}`);
    const c2 = await makeContract(db, orgId, s2.id, { endsOn: '2027-06-30' });
    await makeClause(db, c2.id, 'gdpr_28_a');
    await makeContract(db, orgId, s3.id, { endsOn: '2025-12-31' });
    const audit = (supplierId: string, status: 'planned' | 'in_review' | 'remediation', due: string) =>
      makeAudit(db, { orgId, supplierId, gridId: grid.id, status, due_on: due, grid: reviewGrid });
    await audit(s1.id, 'planned', '2026-11-01');
    const a1 = await audit(s1.id, 'remediation', '2026-06-01');
    const a2 = await audit(s2.id, 'planned', '2026-12-05');
    const a3 = await audit(s3.id, 'in_review', '2026-10-01');
    await makeFinding(db, a1.id, orgId, { severity: 'critical' });
    await makeFinding(db, a1.id, orgId, { severity: 'critical' });
    await makeFinding(db, a2.id, orgId, { severity: 'high', dueOn: '2026-11-01' });
    await makeFinding(db, a3.id, orgId, { severity: 'critical', status: 'closed' });
    // The factory writes clauses directly: summarise them as the contracts service would.
    await new ContractsRepo().refreshGaps(db, [c1.id, c2.id]);
    return { s1, s2, s3, s4 };
  }

  it('counts tiers, certificates, clauses, audits and findings, and ranks the riskiest providers', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const { s1, s2, s3, s4 } = await register(org.id);
    const res = await admin.client.get(`/api/orgs/${org.id}/suppliers/dashboard`);
    expect(res.statusCode).toBe(200);
    const d: OrgDashboard = res.json();
    expect(d.providers).toEqual({ total: 4, byTier: { 1: 1, 2: 1, 3: 1, 4: 1 }, healthData: 3 });
    expect(d.hds).toEqual({ expired: 1, expiringIn30Days: 1, expiringIn90Days: 2, healthDataWithoutCertificate: 1 });
    expect(d.contracts).toEqual({ active: 2, withoutAuditClause: 1, missingGdpr28: 1 });
    expect(d.audits).toEqual({ overdue: 1, dueIn30Days: 1, open: 1, inRemediation: 1 });
    expect(d.findings).toEqual({ open: { low: 0, medium: 0, high: 1, critical: 2 }, overdue: 1 });
    expect(d.riskiest.map((r) => [r.supplierId, r.riskScore])).toEqual([
      [s1.id, 95],
      [s2.id, 30],
      [s4.id, 20],
      [s3.id, 10],
    ]);
    expect(d.riskiest[0]).toMatchObject({ name: 'Alpha Santé', tier: 1, openCriticalFindings: 2, overdueAudit: true });

    // Kept 15 s: a new provider shows on the next computation, or at once with fresh=true.
    await makeSupplier(t.dbh.db, org.id, { tier: 1 });
    expect((await admin.client.get(`/api/orgs/${org.id}/suppliers/dashboard`)).json().providers.total).toBe(4);
    expect((await admin.client.get(`/api/orgs/${org.id}/suppliers/dashboard?fresh=true`)).json().providers.total).toBe(5);
    expect((await admin.client.get(`/api/orgs/${org.id}/suppliers/dashboard?fresh=yes`)).statusCode).toBe(400);
  });

  it('aggregates a territory over its sharing members and finds providers shared by SIREN', async () => {
    const a = await makeOrg(t.dbh.db, { name: 'CH Amont' });
    const b = await makeOrg(t.dbh.db, { name: 'CH Bocage' });
    const c = await makeOrg(t.dbh.db, { name: 'Clinique Côte' });
    await register(a.id);
    await makeSupplier(t.dbh.db, b.id, { name: 'Alpha Santé SAS', siren: '111111111', tier: 1 });
    await makeSupplier(t.dbh.db, b.id, { name: 'Zeta', siren: '999999999', tier: 4, health: false });
    await makeSupplier(t.dbh.db, c.id, { name: 'Alpha Santé', siren: '111111111', tier: 2 });
    await makeSupplier(t.dbh.db, c.id, { name: 'Zeta', siren: '999999999', tier: 4 });
    const territory = await makeTerritory(t.dbh.db, {
      members: [
        { orgId: a.id, shares: true },
        { orgId: b.id, shares: true },
        { orgId: c.id, shares: false },
      ],
    });
    const coord = await coordinator(t, territory.id);
    const res = await coord.client.get(`/api/territories/${territory.id}/suppliers/dashboard`);
    expect(res.statusCode).toBe(200);
    const d: TerritoryDashboard = res.json();
    expect(d.members.map((m) => [m.name, m.sharing, m.figures?.providers ?? null])).toEqual([
      ['CH Amont', true, 4],
      ['CH Bocage', true, 2],
      ['Clinique Côte', false, null],
    ]);
    expect(d.totals).toMatchObject({
      providers: 6,
      tier1: 2,
      healthData: 4,
      hdsExpired: 1,
      auditsOverdue: 1,
      openFindings: { critical: 2, high: 1 },
    });
    expect(d.sharedProviders).toEqual([
      {
        siren: '111111111',
        name: 'Alpha Santé',
        members: [
          { organizationId: a.id, name: 'CH Amont' },
          { organizationId: b.id, name: 'CH Bocage' },
        ],
      },
    ]);

    const other = await makeTerritory(t.dbh.db);
    expect((await (await coordinator(t, other.id)).client.get(`/api/territories/${territory.id}/suppliers/dashboard`)).statusCode).toBe(
      404,
    );
    const memberAdmin = await orgAdmin(t, a.id);
    expect([403, 404]).toContain((await memberAdmin.client.get(`/api/territories/${territory.id}/suppliers/dashboard`)).statusCode);
  });
});
