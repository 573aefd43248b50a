import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { makeContact, makeGrid, makeSupplier, sampleFiles } from '../../../../test/support/suppliers-audits-factory.js';
import { makeFinding } from '../../../../test/support/suppliers-review-factory.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import type { ProviderFinding } from './portal-service.js';

/** An audit opened to a provider's contact (signed in), then moved to remediation with two findings. */
async function remediation(t: TestApp) {
  const org = await makeOrg(t.dbh.db);
  const admin = await orgAdmin(t, org.id);
  const supplier = await makeSupplier(t.dbh.db, org.id);
  const contact = await makeContact(t.dbh.db, supplier.id);
  const grid = await makeGrid(t.dbh.db, org.id);
  const created = await admin.client.post(`/api/orgs/${org.id}/suppliers/audits`, {
    supplierId: supplier.id,
    gridId: grid.id,
    dueOn: '2027-03-31',
  });
  const auditId: string = created.json().id;
  expect((await admin.client.post(`/api/orgs/${org.id}/suppliers/audits/${auditId}/open`)).statusCode).toBe(200);
  const row = await t.dbh.db.selectFrom('supplier_contacts').select('account_id').where('id', '=', contact.id).executeTakeFirstOrThrow();
  const provider = await clientFor(t, row.account_id!, { mfa: false });
  // The review itself is the review part's business: the audit is put straight into remediation.
  await t.dbh.db
    .updateTable('supplier_audits')
    .set({ status: 'remediation', submitted_at: '2026-11-01T09:00:00.000Z', reviewed_at: '2026-11-02T09:00:00.000Z' })
    .where('id', '=', auditId)
    .execute();
  const backups = await makeFinding(t.dbh.db, auditId, org.id, {
    severity: 'high',
    title: 'Sauvegardes jamais restaurées',
    dueOn: '2026-12-31',
  });
  const access = await makeFinding(t.dbh.db, auditId, org.id, { severity: 'medium', title: 'Comptes partagés', dueOn: '2027-01-31' });
  await t.dbh.db
    .updateTable('supplier_findings')
    .set({ root_cause: 'Équipe interne en sous-effectif' })
    .where('audit_id', '=', auditId)
    .execute();
  return { org, admin, provider, auditId, backups: backups.id, access: access.id, base: `/api/portal/audits/${auditId}/findings` };
}

const plan = { steps: [{ description: 'Tester une restauration complète', dueOn: '2026-12-15' }] };

describe('provider portal: remediation plans', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ env: { FILES_DIR: mkdtempSync(join(tmpdir(), 'rempart-files-')) } });
  });
  afterAll(async () => t.close());

  it('shows the provider its findings without the establishment’s analysis, and nothing of another provider', async () => {
    const a = await remediation(t);
    const b = await remediation(t);
    const list = await a.provider.get(a.base);
    expect(list.statusCode).toBe(200);
    const items: ProviderFinding[] = list.json().items;
    expect(items.map((f) => f.title)).toEqual(['Sauvegardes jamais restaurées', 'Comptes partagés']);
    expect(Object.keys(items[0]!).sort()).toEqual(
      [
        'closedAt',
        'description',
        'dueOn',
        'evidence',
        'id',
        'overdue',
        'planProposedBy',
        'questionId',
        'severity',
        'status',
        'steps',
        'title',
      ].sort(),
    );
    expect(list.body).not.toContain('sous-effectif');
    expect((await a.provider.get(`${a.base}/${a.backups}`)).json()).toMatchObject({
      severity: 'high',
      status: 'open',
      planProposedBy: null,
    });

    // Provider A on provider B's findings, whatever the verb; and B's finding through A's audit.
    expect((await a.provider.get(b.base)).statusCode).toBe(404);
    expect((await a.provider.get(`${b.base}/${b.backups}`)).statusCode).toBe(404);
    expect((await a.provider.put(`${b.base}/${b.backups}/plan`, plan)).statusCode).toBe(404);
    expect((await a.provider.post(`${b.base}/${b.backups}/plan/agree`)).statusCode).toBe(404);
    expect((await a.provider.post(`${b.base}/${b.backups}/steps/x/done`, { evidenceId: 'x' })).statusCode).toBe(404);
    expect((await a.provider.put(`${a.base}/${b.backups}/plan`, plan)).statusCode).toBe(404);
    expect((await a.admin.client.get(a.base)).statusCode).toBe(403);
  });

  it('proposes, agrees and completes plans from the provider’s side, then refuses changes once the audit is closed', async () => {
    const s = await remediation(t);
    const est = `/api/orgs/${s.org.id}/suppliers/findings`;

    // A plan the provider proposes is agreed by the establishment, never by the provider itself.
    const bad = await s.provider.put(`${s.base}/${s.backups}/plan`, { steps: [] });
    expect(bad.statusCode).toBe(400);
    const proposed = await s.provider.put(`${s.base}/${s.backups}/plan`, plan);
    expect(proposed.statusCode).toBe(200);
    expect(proposed.json()).toMatchObject({ status: 'plan_proposed', planProposedBy: 'provider', steps: [{ status: 'todo' }] });
    expect((await s.provider.post(`${s.base}/${s.backups}/plan/agree`)).json().error.code).toBe('own_plan');
    expect((await s.admin.client.post(`${est}/${s.backups}/plan/agree`)).json().status).toBe('plan_agreed');

    // A plan the establishment proposes, the provider agrees.
    await s.admin.client.put(`${est}/${s.access}/plan`, { steps: [{ description: 'Comptes nominatifs', dueOn: '2027-01-15' }] });
    const agreed = await s.provider.post(`${s.base}/${s.access}/plan/agree`);
    expect(agreed.json()).toMatchObject({ status: 'plan_agreed', planProposedBy: 'establishment' });

    // Each step is done with a file uploaded through the portal for that finding.
    for (const id of [s.backups, s.access]) {
      const up = await s.provider.request({
        method: 'POST',
        url: `/api/portal/audits/${s.auditId}/evidence?filename=restauration.pdf&findingId=${id}`,
        payload: sampleFiles.pdf,
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(up.statusCode).toBe(201);
      const finding: ProviderFinding = (await s.provider.get(`${s.base}/${id}`)).json();
      expect(
        (await s.provider.post(`${s.base}/${id}/steps/${finding.steps[0]!.id}/done`, { evidenceId: 'nope' })).json().error,
      ).toMatchObject({
        code: 'unknown_evidence',
        field: 'evidenceId',
      });
      const done = await s.provider.post(`${s.base}/${id}/steps/${finding.steps[0]!.id}/done`, { evidenceId: up.json().id });
      expect(done.statusCode).toBe(200);
      expect(done.json().steps[0].status).toBe('done');
      expect(done.json().evidence).toEqual([expect.objectContaining({ id: up.json().id, fileName: 'restauration.pdf' })]);
      expect((await s.admin.client.post(`${est}/${id}/close`)).json().status).toBe('closed');
    }
    const audit = await t.dbh.db.selectFrom('supplier_audits').select('status').where('id', '=', s.auditId).executeTakeFirstOrThrow();
    expect(audit.status).toBe('closed');
    expect((await s.provider.get(s.base)).json().items.map((f: ProviderFinding) => f.status)).toEqual(['closed', 'closed']);

    // After closure every write is a 409.
    const closedSteps: ProviderFinding = (await s.provider.get(`${s.base}/${s.backups}`)).json();
    for (const res of [
      await s.provider.put(`${s.base}/${s.backups}/plan`, plan),
      await s.provider.post(`${s.base}/${s.backups}/plan/agree`),
      await s.provider.post(`${s.base}/${s.backups}/steps/${closedSteps.steps[0]!.id}/done`, { evidenceId: 'x' }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('audit_closed');
    }
    expect((await auditOf(t, s.backups)).map((e) => [e.action, e.after?.side])).toEqual([
      ['suppliers.finding.plan_proposed', 'provider'],
      ['suppliers.finding.plan_agreed', 'establishment'],
      ['suppliers.finding.step_done', 'provider'],
      ['suppliers.finding.closed', undefined],
    ]);
  });
});
