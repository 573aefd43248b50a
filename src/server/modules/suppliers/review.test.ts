import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import type { ReviewView } from './review-schema.js';
import { auditScene } from './review-test-kit.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('suppliers review: ratings and score', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW) });
  });
  afterAll(async () => t.close());

  const url = (orgId: string, auditId: string) => `/api/orgs/${orgId}/suppliers/audits/${auditId}`;

  it('starts the review of a submitted audit, rates answers while in review only, and scores by the snapshot’s weights', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const { auditId } = await auditScene(t.dbh.db, org.id);
    const base = url(org.id, auditId);

    // Submitted, not yet in review: no rating.
    const early = await admin.client.put(`${base}/answers/q1/rating`, { rating: 'compliant' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('audit_not_in_review');

    const started = await admin.client.post(`${base}/review`);
    expect(started.statusCode).toBe(200);
    const view: ReviewView = started.json();
    expect(view.audit).toMatchObject({ status: 'in_review', reviewedAt: NOW.toISOString(), lead: true });
    expect(view.grid.sections.flatMap((s) => s.questions.map((q) => [q.id, q.answer?.value]))).toEqual([
      ['q1', 'yes'],
      ['q2', 'no'],
      ['q3', 'daily'],
    ]);
    expect((await admin.client.post(`${base}/review`)).json().error.code).toBe('audit_not_submitted');

    const r1 = await admin.client.put(`${base}/answers/q1/rating`, { rating: 'compliant', note: 'Politique vue' });
    expect(r1.statusCode).toBe(200);
    expect(r1.json().score).toMatchObject({ score: 100, counts: { compliant: 1, unrated: 2 } });
    await admin.client.put(`${base}/answers/q2/rating`, { rating: 'non_compliant', note: 'Aucun référent' });
    const r3 = await admin.client.put(`${base}/answers/q3/rating`, { rating: 'partial' });
    // Governance: (3×1 + 1×0) / 4 = 75 %; backups: 50 %; overall (3 + 0 + 2×0.5) / 6 = 66.7 %.
    expect(r3.json().score).toMatchObject({
      score: 66.7,
      sections: [
        { sectionId: 'governance', title: 'Gouvernance', score: 75 },
        { sectionId: 'backups', title: 'Sauvegardes', score: 50 },
      ],
    });
    // Not applicable leaves the denominator.
    const na = await admin.client.put(`${base}/answers/q2/rating`, { rating: 'not_applicable' });
    expect(na.json().score.score).toBe(80);

    expect((await admin.client.put(`${base}/answers/q9/rating`, { rating: 'compliant' })).statusCode).toBe(404);
    const bad = await admin.client.put(`${base}/answers/q1/rating`, { rating: 'great' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('rating');

    const en: ReviewView = (await admin.client.request({ method: 'GET', url: `${base}/review`, cookies: { rempart_locale: 'en' } })).json();
    expect(en.grid.sections[0]?.questions[1]).toMatchObject({ text: 'Security officer named?', rating: 'not_applicable' });
    expect(en.score.sections[0]?.title).toBe('Governance');

    // No finding: ending the review closes the audit, and ratings are frozen again.
    const done = await admin.client.post(`${base}/review/complete`);
    expect(done.json().audit).toMatchObject({ status: 'closed', closedAt: NOW.toISOString() });
    expect((await admin.client.put(`${base}/answers/q1/rating`, { rating: 'partial' })).statusCode).toBe(409);
    const log = await auditOf(t, auditId);
    expect(log.map((e) => e.action)).toEqual([
      'suppliers.audit.review_started',
      'suppliers.answer.rated',
      'suppliers.answer.rated',
      'suppliers.answer.rated',
      'suppliers.answer.rated',
      'suppliers.audit.review_completed',
    ]);
    expect(log[4]).toMatchObject({
      before: { questionId: 'q2', rating: 'non_compliant' },
      after: { questionId: 'q2', rating: 'not_applicable' },
    });
  });

  it('refuses managers and provider contacts, and hides the audit from another organization', async () => {
    const org = await makeOrg(t.dbh.db);
    const { auditId } = await auditScene(t.dbh.db, org.id);
    const base = url(org.id, auditId);

    const mgr = await makeAccount(t.dbh.db, { grants: [{ role: 'manager', scopeKind: 'organization', scopeId: org.id }] });
    const manager = await clientFor(t, mgr.id);
    expect((await manager.get(`${base}/review`)).statusCode).toBe(403);
    expect((await manager.post(`${base}/review`)).statusCode).toBe(403);
    expect((await manager.get(`/api/orgs/${org.id}/suppliers/dashboard`)).statusCode).toBe(403);

    const provider = await makeOrg(t.dbh.db, { kind: 'provider' });
    const pc = await makeAccount(t.dbh.db, { grants: [{ role: 'provider_contact', scopeKind: 'organization', scopeId: provider.id }] });
    const contact = await clientFor(t, pc.id);
    expect((await contact.get(`${base}/review`)).statusCode).toBe(404);
    expect((await contact.get(`${base}/report.pdf`)).statusCode).toBe(404);
    expect((await contact.get(`/api/orgs/${provider.id}/suppliers/findings`)).statusCode).toBe(403);

    const other = await makeOrg(t.dbh.db);
    const otherAdmin = await orgAdmin(t, other.id);
    expect((await otherAdmin.client.get(`${base}/review`)).statusCode).toBe(404);
    for (const path of ['review', 'findings', 'costs', 'report.pdf']) {
      expect((await otherAdmin.client.get(`${url(other.id, auditId)}/${path}`)).statusCode).toBe(404);
    }
    expect((await otherAdmin.client.post(`${url(other.id, auditId)}/review`)).statusCode).toBe(404);
    const row = await t.dbh.db.selectFrom('supplier_audits').select('status').where('id', '=', auditId).executeTakeFirstOrThrow();
    expect(row.status).toBe('submitted');
  });
});
