import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { makeEvidence, makeFinding } from '../../../../test/support/suppliers-review-factory.js';
import { FixedClock } from '../../platform/clock.js';
import { systemContext } from '../../platform/context.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import type { Finding } from './findings-schema.js';
import { FindingsService } from './findings-service.js';
import { auditScene } from './review-test-kit.js';

const NOW = new Date('2026-11-20T10:00:00Z');
const REVIEWED = '2026-11-10T09:00:00.000Z';

describe('suppliers findings: deadlines, remediation plan, closure', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW) });
  });
  afterAll(async () => t.close());

  const finding = { title: 'Pas de référent sécurité', severity: 'high', rootCause: 'Organisation', questionId: 'q2' };

  it('dates a finding from the review date plus the clause’s fix deadline, or takes the given date without a clause', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const withClause = await auditScene(t.dbh.db, org.id, { status: 'in_review', reviewedAt: REVIEWED, fixDays: 45 });
    const res = await admin.client.post(`/api/orgs/${org.id}/suppliers/audits/${withClause.auditId}/findings`, {
      ...finding,
      dueOn: '2030-01-01',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ dueOn: '2026-12-25', status: 'open', severity: 'high', questionId: 'q2', overdue: false });

    const noClause = await auditScene(t.dbh.db, org.id, { status: 'in_review', reviewedAt: REVIEWED, clause: false });
    const path = `/api/orgs/${org.id}/suppliers/audits/${noClause.auditId}/findings`;
    const missing = await admin.client.post(path, finding);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'due_on_required', field: 'dueOn' });
    expect((await admin.client.post(path, { ...finding, dueOn: '2027-02-01' })).json().dueOn).toBe('2027-02-01');

    const unknownQuestion = await admin.client.post(path, { ...finding, questionId: 'zz', dueOn: '2027-02-01' });
    expect(unknownQuestion.json().error).toMatchObject({ code: 'unknown_question', field: 'questionId' });
    expect((await admin.client.post(path, { ...finding, severity: 'huge', dueOn: '2027-02-01' })).statusCode).toBe(400);

    // Before the review (submitted): no finding.
    const submitted = await auditScene(t.dbh.db, org.id);
    const early = await admin.client.post(`/api/orgs/${org.id}/suppliers/audits/${submitted.auditId}/findings`, {
      ...finding,
      dueOn: '2027-02-01',
    });
    expect(early.statusCode).toBe(409);
  });

  it('agrees a plan, marks steps done with evidence, closes the finding and then the audit', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const { auditId } = await auditScene(t.dbh.db, org.id, { status: 'in_review', reviewedAt: REVIEWED });
    const base = `/api/orgs/${org.id}/suppliers`;
    const f: Finding = (await admin.client.post(`${base}/audits/${auditId}/findings`, finding)).json();
    expect((await admin.client.post(`${base}/audits/${auditId}/review/complete`)).json().audit.status).toBe('remediation');

    // The provider proposes through the portal's service call; it cannot agree to its own plan.
    const service = new FindingsService(t.deps);
    const provider = { side: 'provider' as const, auditId };
    await service.proposePlan(systemContext('portal'), provider, f.id, {
      steps: [
        { description: 'Nommer un référent', dueOn: '2026-12-01' },
        { description: 'Former le référent', dueOn: '2026-12-15' },
      ],
    });
    await expect(service.agreePlan(systemContext('portal'), provider, f.id)).rejects.toMatchObject({ code: 'own_plan' });
    await expect(service.agreePlan(systemContext('portal'), { side: 'provider', auditId: 'another' }, f.id)).rejects.toMatchObject({
      code: 'not_found',
    });

    const stepsBefore: Finding = (await admin.client.get(`${base}/findings/${f.id}`)).json();
    expect(stepsBefore.status).toBe('plan_proposed');
    const [s1, s2] = stepsBefore.steps;
    const evidence = await makeEvidence(t.dbh.db, auditId);
    const early = await admin.client.post(`${base}/findings/${f.id}/steps/${s1?.id}/done`, { evidenceId: evidence.id });
    expect(early.json().error.code).toBe('plan_not_agreed');

    expect((await admin.client.post(`${base}/findings/${f.id}/plan/agree`)).json().status).toBe('plan_agreed');
    expect(
      (await admin.client.put(`${base}/findings/${f.id}/plan`, { steps: [{ description: 'x', dueOn: '2027-01-01' }] })).statusCode,
    ).toBe(409);

    const foreign = await auditScene(t.dbh.db, org.id);
    const foreignEvidence = await makeEvidence(t.dbh.db, foreign.auditId);
    const wrong = await admin.client.post(`${base}/findings/${f.id}/steps/${s1?.id}/done`, { evidenceId: foreignEvidence.id });
    expect(wrong.json().error).toMatchObject({ code: 'unknown_evidence', field: 'evidenceId' });

    const one = await admin.client.post(`${base}/findings/${f.id}/steps/${s1?.id}/done`, { evidenceId: evidence.id });
    expect(one.json().steps.map((s: { status: string }) => s.status)).toEqual(['done', 'todo']);
    expect(one.json().evidence).toEqual([expect.objectContaining({ id: evidence.id, fileName: 'preuve.pdf' })]);
    expect((await admin.client.post(`${base}/findings/${f.id}/close`)).json().error.code).toBe('steps_pending');

    await service.stepDone(systemContext('portal'), provider, f.id, s2?.id ?? '', (await makeEvidence(t.dbh.db, auditId)).id);
    const closed = await admin.client.post(`${base}/findings/${f.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: NOW.toISOString() });
    const audit = await t.dbh.db
      .selectFrom('supplier_audits')
      .select(['status', 'closed_at'])
      .where('id', '=', auditId)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ status: 'closed', closed_at: NOW.toISOString() });
    expect((await auditOf(t, f.id)).map((e) => [e.action, e.after?.side])).toEqual([
      ['suppliers.finding.opened', undefined],
      ['suppliers.finding.plan_proposed', 'provider'],
      ['suppliers.finding.plan_agreed', 'establishment'],
      ['suppliers.finding.step_done', 'establishment'],
      ['suppliers.finding.step_done', 'provider'],
      ['suppliers.finding.closed', undefined],
    ]);
  });

  it('feeds the organization’s action plan with its findings, filtered by status and severity', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const a = await auditScene(t.dbh.db, org.id, { status: 'remediation', supplierName: 'Laboratoire Alpha' });
    await makeFinding(t.dbh.db, a.auditId, org.id, { severity: 'critical', title: 'Sauvegardes absentes', dueOn: '2026-11-01' });
    await makeFinding(t.dbh.db, a.auditId, org.id, { severity: 'low', title: 'Charte non signée', dueOn: '2026-12-31' });
    await makeFinding(t.dbh.db, a.auditId, org.id, { severity: 'critical', status: 'closed', title: 'Ancien écart', dueOn: '2026-10-01' });
    const elsewhere = await makeOrg(t.dbh.db);
    const b = await auditScene(t.dbh.db, elsewhere.id, { status: 'remediation' });
    await makeFinding(t.dbh.db, b.auditId, elsewhere.id, { severity: 'critical' });

    const all = (await admin.client.get(`/api/orgs/${org.id}/suppliers/findings`)).json();
    expect(all.total).toBe(3);
    const critical = (await admin.client.get(`/api/orgs/${org.id}/suppliers/findings?status=open&severity=critical`)).json();
    expect(critical.items).toEqual([
      expect.objectContaining({ title: 'Sauvegardes absentes', supplierName: 'Laboratoire Alpha', overdue: true }),
    ]);
    const unclosed = (await admin.client.get(`/api/orgs/${org.id}/suppliers/findings?status=unclosed&pageSize=1`)).json();
    expect(unclosed).toMatchObject({ total: 2, pageSize: 1 });
    expect(unclosed.items).toHaveLength(1);
    expect((await admin.client.get(`/api/orgs/${org.id}/suppliers/findings?severity=urgent`)).statusCode).toBe(400);
  });
});
