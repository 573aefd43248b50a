import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { isolatedDb } from '../../../../test/helpers/db.js';
import { makeAccount, makeOrg } from '../../../../test/helpers/factories.js';
import { makeGrid, makeSupplier } from '../../../../test/support/suppliers-register-factory.js';
import {
  makeAuditClause,
  makeClause,
  makeContract,
  makeGrid as makeReviewGrid,
} from '../../../../test/support/suppliers-review-factory.js';
import { disposeDb } from '../../../cli/test-support.js';
import { down, up } from '../../db/migrations/2026-11-29T1160_suppliers_contract_gaps.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import { clauseKeys } from './contracts-schema.js';
import { reviewGrid } from './review-test-kit.js';

const gdpr = ['gdpr_28_a', 'gdpr_28_b', 'gdpr_28_c', 'gdpr_28_d', 'gdpr_28_e', 'gdpr_28_f', 'gdpr_28_g', 'gdpr_28_h'];

describe('contracts and clauses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(new Date('2026-11-28T09:00:00Z')) });
  });
  afterAll(async () => t.close());

  async function setup() {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const supplier = await makeSupplier(t.dbh.db, org.id, { name: 'Biolab' });
    const grid = await makeGrid(t.dbh.db, org.id);
    return { org, admin, supplier, grid, base: `/api/orgs/${org.id}/suppliers` };
  }

  it('creates a contract with its checklist and structured audit clause; names bad fields', async () => {
    const { org, admin, supplier, grid, base } = await setup();
    const url = `${base}/${supplier.id}/contracts`;
    const body = {
      reference: 'LIS-2026',
      title: 'Maintenance du SGL',
      startsOn: '2026-01-01',
      endsOn: '2028-12-31',
      renewal: 'tacit',
      noticeDays: 90,
      incidentNotificationHours: 24,
      clauses: [{ key: 'gdpr_28_h', present: true, reference: 'art. 12.3' }],
      auditClause: {
        frequencyMonths: 12,
        gridId: grid.id,
        noticeDays: 15,
        payer: 'provider_if_breach',
        costCapEur: 8000,
        fixDeadlineDays: 30,
        triggers: ['incident', 'breach', 'incident'],
        hdsReportDelayDays: 15,
      },
    };
    const res = await admin.client.post(url, body);
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ supplierName: 'Biolab', active: true, renewal: 'tacit', incidentNotificationHours: 24 });
    expect(c.clauses.map((x: { key: string }) => x.key)).toEqual([...clauseKeys]);
    expect(c.clauses.find((x: { key: string }) => x.key === 'gdpr_28_h')).toMatchObject({ present: true, reference: 'art. 12.3' });
    expect(c.clauses.find((x: { key: string }) => x.key === 'audit').present).toBe(true);
    expect(c.auditClause).toMatchObject({
      frequencyMonths: 12,
      payer: 'provider_if_breach',
      costCapEur: 8000,
      triggers: ['incident', 'breach'],
    });
    expect((await auditOf(t, c.id))[0]).toMatchObject({ action: 'suppliers.contract.created', organizationId: org.id });

    const bad = async (over: object, field: string) => {
      const r = await admin.client.post(url, { ...body, reference: 'OTHER', ...over });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.field).toBe(field);
    };
    await bad({ endsOn: '2025-12-31' }, 'endsOn');
    await bad({ endsOn: '2026-01-01' }, 'endsOn');
    await bad({ startsOn: '2026-02-30' }, 'body.startsOn');
    await bad({ auditClause: { ...body.auditClause, payer: 'nobody' } }, 'body.auditClause.payer');
    await bad({ auditClause: { ...body.auditClause, triggers: ['rain'] } }, 'body.auditClause.triggers.0');
    await bad({ auditClause: { ...body.auditClause, gridId: 'no-such-grid' } }, 'auditClause.gridId');
    await bad({ clauses: [{ key: 'gdpr_29', present: true }] }, 'body.clauses.0.key');
    await bad(
      {
        clauses: [
          { key: 'audit', present: true },
          { key: 'audit', present: false },
        ],
      },
      'clauses.1.key',
    );
    // Another organization's grid is not usable.
    const foreignGrid = await makeGrid(t.dbh.db, (await makeOrg(t.dbh.db)).id);
    await bad({ auditClause: { ...body.auditClause, gridId: foreignGrid.id } }, 'auditClause.gridId');
  });

  it('refuses overlapping contracts with the same reference (409 on startsOn), not others', async () => {
    const { admin, supplier, base } = await setup();
    const url = `${base}/${supplier.id}/contracts`;
    const first = (
      await admin.client.post(url, { reference: 'HEB-1', title: 'Hébergement', startsOn: '2026-01-01', endsOn: '2026-12-31' })
    ).json();
    const overlap = await admin.client.post(url, { reference: ' heb-1 ', title: 'Doublon', startsOn: '2026-06-01' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({ code: 'contract_overlap', field: 'startsOn' });
    expect(overlap.json().error.message).toMatch(/2026-01-01/);
    // Same reference afterwards, or another reference over the same period: fine.
    expect((await admin.client.post(url, { reference: 'HEB-1', title: 'Suite', startsOn: '2027-01-01' })).statusCode).toBe(201);
    expect((await admin.client.post(url, { reference: 'TMA-1', title: 'TMA', startsOn: '2026-03-01' })).statusCode).toBe(201);
    // Extending the first one into its successor overlaps; archived, it no longer blocks.
    expect((await admin.client.patch(`${base}/contracts/${first.id}`, { endsOn: null })).statusCode).toBe(409);
    expect((await admin.client.post(`${base}/contracts/${first.id}/archive`)).statusCode).toBe(204);
    expect(
      (await admin.client.post(url, { reference: 'HEB-1', title: 'Refait', startsOn: '2026-02-01', endsOn: '2026-12-31' })).statusCode,
    ).toBe(201);
    expect((await admin.client.post(`${base}/contracts/${first.id}/restore`)).statusCode).toBe(409);
    const list = (await admin.client.get(`${base}/contracts?supplierId=${supplier.id}`)).json();
    expect(list.total).toBe(3);
    expect((await admin.client.get(`${base}/contracts?status=archived`)).json().total).toBe(1);
    const summary = (await admin.client.get(`${base}/${supplier.id}`)).json().contracts;
    expect(summary.map((c: { reference: string; active: boolean }) => [c.reference, c.active]).sort()).toEqual([
      ['HEB-1', false],
      ['HEB-1', true],
      ['HEB-1', true],
      ['TMA-1', true],
    ]);
  });

  it('updates clauses and the audit clause, and lists gaps with the model clause to copy', async () => {
    const { admin, supplier, grid, base } = await setup();
    const contract = (
      await admin.client.post(`${base}/${supplier.id}/contracts`, { reference: 'G-1', title: 'SGL', startsOn: '2026-01-01' })
    ).json();
    const gaps = async () => (await admin.client.get(`${base}/contracts/${contract.id}/gaps`)).json();
    // A health-data provider with remote access and nothing in its contract lacks everything.
    const before = await gaps();
    expect(before.gaps.map((g: { key: string }) => g.key)).toEqual([...clauseKeys]);
    const hds = before.gaps.find((g: { key: string }) => g.key === 'hds_certificate');
    expect(hds.reason).toBe('missing');
    expect(hds.model.text.fr).toMatch(/HDS/);
    expect((await admin.client.get(`${base}/gaps`)).json().items.map((c: { contractId: string }) => c.contractId)).toContain(contract.id);

    const all = clauseKeys.filter((k) => k !== 'audit').map((key) => ({ key, present: true }));
    let upd = await admin.client.patch(`${base}/contracts/${contract.id}`, { clauses: [...all, { key: 'audit', present: true }] });
    expect(upd.statusCode).toBe(200);
    expect((await gaps()).gaps.map((g: { key: string; reason: string }) => [g.key, g.reason])).toEqual([
      ['incident_notification', 'delay_missing'],
      ['audit', 'not_structured'],
    ]);
    upd = await admin.client.patch(`${base}/contracts/${contract.id}`, {
      incidentNotificationHours: 24,
      auditClause: { frequencyMonths: 12, gridId: grid.id, noticeDays: 15, payer: 'establishment', fixDeadlineDays: 30 },
    });
    expect(upd.json().auditClause).toMatchObject({ triggers: [], costCapEur: null, hdsReportDelayDays: null });
    expect((await gaps()).gaps).toEqual([]);
    expect((await admin.client.get(`${base}/gaps`)).json().items.map((c: { contractId: string }) => c.contractId)).not.toContain(
      contract.id,
    );
    const log = await auditOf(t, contract.id);
    expect(log.at(-1)).toMatchObject({ action: 'suppliers.contract.updated' });
    expect(log.at(-1)?.before).toMatchObject({ auditClause: null });

    // A provider without personal data nor access needs none of them.
    const cleaner = await makeSupplier(t.dbh.db, (await admin.client.get(`${base}/${supplier.id}`)).json().organizationId, {
      healthData: false,
    });
    await t.dbh.db.updateTable('suppliers').set({ system_access: 'none', remote_maintenance: 0 }).where('id', '=', cleaner.id).execute();
    const plain = (
      await admin.client.post(`${base}/${cleaner.id}/contracts`, { reference: 'N-1', title: 'Ménage', startsOn: '2026-01-01' })
    ).json();
    expect((await admin.client.get(`${base}/contracts/${plain.id}/gaps`)).json().gaps).toEqual([]);
    // Removing the audit clause.
    expect((await admin.client.patch(`${base}/contracts/${contract.id}`, { auditClause: null })).json().auditClause).toBeNull();
  });

  it('serves the model clauses and guards access', async () => {
    const { org, admin, supplier, base } = await setup();
    const models = (await admin.client.get(`${base}/model-clauses`)).json();
    expect(models).toHaveLength(clauseKeys.length);
    expect(models.filter((m: { key: string }) => gdpr.includes(m.key))).toHaveLength(8);
    const contract = (
      await admin.client.post(`${base}/${supplier.id}/contracts`, { reference: 'A-1', title: 'X', startsOn: '2026-01-01' })
    ).json();
    const mgr = await makeAccount(t.dbh.db, { grants: [{ role: 'manager', scopeKind: 'organization', scopeId: org.id }], totp: true });
    const manager = await clientFor(t, mgr.id);
    expect((await manager.get(`${base}/contracts/${contract.id}`)).statusCode).toBe(403);
    expect((await manager.get(`${base}/model-clauses`)).statusCode).toBe(403);
    const other = await makeOrg(t.dbh.db);
    const foreign = await orgAdmin(t, other.id);
    expect((await foreign.client.get(`${base}/contracts/${contract.id}`)).statusCode).toBe(404);
    const ob = `/api/orgs/${other.id}/suppliers`;
    expect((await foreign.client.get(`${ob}/contracts/${contract.id}`)).statusCode).toBe(404);
    expect((await foreign.client.get(`${ob}/contracts/${contract.id}/gaps`)).statusCode).toBe(404);
    expect((await foreign.client.patch(`${ob}/contracts/${contract.id}`, { title: 'Y' })).statusCode).toBe(404);
    expect(
      (await foreign.client.post(`${ob}/${supplier.id}/contracts`, { reference: 'B', title: 'Y', startsOn: '2026-01-01' })).statusCode,
    ).toBe(404);
  });

  it('keeps the gap summary the dashboard counts in step with the clauses and the audit clause', async () => {
    const { admin, supplier, grid, base } = await setup();
    const summary = async (id: string) =>
      t.dbh.db
        .selectFrom('supplier_contracts')
        .select(['missing_gdpr28_points', 'lacks_audit_clause'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    const created = await admin.client.post(`${base}/${supplier.id}/contracts`, {
      reference: 'GAP-1',
      title: 'Hébergement',
      startsOn: '2026-01-01',
      clauses: [
        { key: 'gdpr_28_a', present: true },
        { key: 'gdpr_28_b', present: false },
        { key: 'reversibility', present: true },
      ],
    });
    expect(created.statusCode).toBe(201);
    const id: string = created.json().id;
    expect(await summary(id)).toEqual({ missing_gdpr28_points: 7, lacks_audit_clause: 1 });
    const auditClause = { frequencyMonths: 12, gridId: grid.id, noticeDays: 15, payer: 'establishment', fixDeadlineDays: 30, triggers: [] };
    await admin.client.patch(`${base}/contracts/${id}`, { clauses: gdpr.map((key) => ({ key, present: true })), auditClause });
    expect(await summary(id)).toEqual({ missing_gdpr28_points: 0, lacks_audit_clause: 0 });
    await admin.client.patch(`${base}/contracts/${id}`, { clauses: [{ key: 'gdpr_28_c', present: false }] });
    expect(await summary(id)).toEqual({ missing_gdpr28_points: 1, lacks_audit_clause: 0 });
    await admin.client.patch(`${base}/contracts/${id}`, { auditClause: null });
    expect(await summary(id)).toEqual({ missing_gdpr28_points: 1, lacks_audit_clause: 1 });
    // A refused change leaves the summary as it was (same transaction).
    const refused = await admin.client.patch(`${base}/contracts/${id}`, {
      clauses: [{ key: 'gdpr_28_c', present: true }],
      auditClause: { ...auditClause, gridId: 'no-such-grid' },
    });
    expect(refused.statusCode).toBe(400);
    expect(await summary(id)).toEqual({ missing_gdpr28_points: 1, lacks_audit_clause: 1 });
    const dashboard = (await admin.client.get(`${base}/dashboard?fresh=true`)).json();
    expect(dashboard.contracts).toEqual({ active: 1, withoutAuditClause: 1, missingGdpr28: 1 });
  });
});

describe('migration 2026-11-29T1160: gap summary of contracts written before it', () => {
  it('fills the summary of existing contracts from their checklists', async () => {
    const dbh = await isolatedDb();
    try {
      const db = dbh.db;
      const org = await makeOrg(db);
      const supplier = await makeSupplier(db, org.id);
      const grid = await makeReviewGrid(db, org.id, reviewGrid);
      await down(db);
      const full = await makeContract(db, org.id, supplier.id);
      for (const p of 'abcdefgh') await makeClause(db, full.id, `gdpr_28_${p}`);
      await makeAuditClause(db, full.id, grid.id);
      const partial = await makeContract(db, org.id, supplier.id);
      await makeClause(db, partial.id, 'gdpr_28_a');
      await makeClause(db, partial.id, 'gdpr_28_b', false);
      await makeClause(db, partial.id, 'reversibility');
      const bare = await makeContract(db, org.id, supplier.id);
      await up(db);
      const rows = await db.selectFrom('supplier_contracts').select(['id', 'missing_gdpr28_points', 'lacks_audit_clause']).execute();
      const of = (id: string) => rows.find((r) => r.id === id);
      expect(of(full.id)).toMatchObject({ missing_gdpr28_points: 0, lacks_audit_clause: 0 });
      expect(of(partial.id)).toMatchObject({ missing_gdpr28_points: 7, lacks_audit_clause: 1 });
      expect(of(bare.id)).toMatchObject({ missing_gdpr28_points: 8, lacks_audit_clause: 1 });
    } finally {
      await disposeDb(dbh);
    }
  });
});
