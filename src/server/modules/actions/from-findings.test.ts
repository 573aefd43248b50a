import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { makeEvidence } from '../../../../test/support/suppliers-review-factory.js';
import { FixedClock } from '../../platform/clock.js';
import { systemContext } from '../../platform/context.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import { FindingsService } from '../suppliers/findings-service.js';
import { auditScene } from '../suppliers/review-test-kit.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('provider audit findings in the action plan', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW) });
  });
  afterAll(async () => t.close());

  it('opens an action with the finding, follows its plan and closure, and leaves its status to the audit', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const { auditId } = await auditScene(t.dbh.db, org.id, {
      status: 'in_review',
      reviewedAt: '2026-11-10T09:00:00.000Z',
      fixDays: 30,
      supplierName: 'Hébergeur Gamma',
    });
    const suppliers = `/api/orgs/${org.id}/suppliers`;
    const actions = `/api/orgs/${org.id}/actions`;
    const opened = await admin.client.post(`${suppliers}/audits/${auditId}/findings`, {
      title: 'Sauvegardes jamais restaurées',
      severity: 'critical',
      questionId: 'q3',
    });
    expect(opened.statusCode).toBe(201);
    const finding = opened.json();

    const fed = (await admin.client.get(`${actions}?source=supplier_finding`)).json();
    expect(fed.total).toBe(1);
    const action = fed.items[0];
    expect(action).toMatchObject({
      title: 'Sauvegardes jamais restaurées',
      sourceKind: 'supplier_finding',
      sourceId: finding.id,
      sourceLink: `/suppliers/audits/${auditId}/review`,
      priority: 'critical',
      dueOn: '2026-12-10',
      status: 'todo',
      statusOwnedBySource: true,
    });
    expect(action.sourceLabel).toContain('Hébergeur Gamma');

    // The finding is the master of the status; the rest stays editable in the plan.
    const refused = await admin.client.patch(`${actions}/${action.id}`, { status: 'done' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'action_source_owned', field: 'status' });
    expect(refused.json().error.message).toContain('audit');
    const owned = await admin.client.patch(`${actions}/${action.id}`, { ownerAccountId: admin.accountId, ownerName: 'RSSI' });
    expect(owned.statusCode).toBe(200);

    expect((await admin.client.post(`${suppliers}/audits/${auditId}/review/complete`)).statusCode).toBe(200);
    const service = new FindingsService(t.deps);
    const provider = { side: 'provider' as const, auditId };
    await service.proposePlan(systemContext('portal'), provider, finding.id, {
      steps: [{ description: 'Restaurer une base de test', dueOn: '2026-12-01' }],
    });
    expect((await admin.client.post(`${suppliers}/findings/${finding.id}/plan/agree`)).statusCode).toBe(200);
    expect((await admin.client.get(`${actions}/${action.id}`)).json()).toMatchObject({
      status: 'in_progress',
      ownerAccountId: admin.accountId,
    });

    const step = (await admin.client.get(`${suppliers}/findings/${finding.id}`)).json().steps[0];
    await service.stepDone(systemContext('portal'), provider, finding.id, step.id, (await makeEvidence(t.dbh.db, auditId)).id);
    expect((await admin.client.post(`${suppliers}/findings/${finding.id}/close`)).statusCode).toBe(200);
    const done = (await admin.client.get(`${actions}/${action.id}`)).json();
    expect(done).toMatchObject({ status: 'done', doneAt: NOW.toISOString(), ownerName: 'RSSI' });
    expect((await admin.client.get(`${actions}?status=done`)).json().items.map((i: { id: string }) => i.id)).toEqual([action.id]);
    expect((await auditOf(t, action.id)).map((l) => [l.action, l.after?.status])).toEqual([
      ['actions.action.created', 'todo'],
      ['actions.action.updated', 'todo'],
      ['actions.action.synced', 'in_progress'],
      ['actions.action.synced', 'done'],
    ]);
  });

  it('opens no action when the finding is refused, and one action per finding', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const { auditId } = await auditScene(t.dbh.db, org.id, { status: 'in_review', reviewedAt: '2026-11-10T09:00:00.000Z', clause: false });
    const path = `/api/orgs/${org.id}/suppliers/audits/${auditId}/findings`;
    expect((await admin.client.post(path, { title: 'Sans date', severity: 'low' })).statusCode).toBe(400);
    expect((await admin.client.get(`/api/orgs/${org.id}/actions`)).json().total).toBe(0);
    await admin.client.post(path, { title: 'Un', severity: 'low', dueOn: '2027-01-01' });
    await admin.client.post(path, { title: 'Deux', severity: 'medium', dueOn: '2027-02-01' });
    const list = (await admin.client.get(`/api/orgs/${org.id}/actions?sort=title`)).json();
    expect(list.items.map((i: { title: string; priority: string }) => [i.title, i.priority])).toEqual([
      ['Deux', 'medium'],
      ['Un', 'low'],
    ]);
  });
});
