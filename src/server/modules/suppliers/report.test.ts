import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { makeClause, makeCost } from '../../../../test/support/suppliers-review-factory.js';
import { FixedClock } from '../../platform/clock.js';
import { orgAdmin } from '../identity/test-kit.js';
import { pdfText } from '../phishing/results-test-kit.js';
import { auditScene } from './review-test-kit.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('suppliers audit report PDF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW) });
  });
  afterAll(async () => t.close());

  it('prints every answer with its rating and note, the findings with their plan and the costs, in French or English', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const a = await auditScene(t.dbh.db, org.id, { supplierName: 'Hébergeur Delta', payer: 'provider_if_breach', capEur: 3000 });
    await makeClause(t.dbh.db, a.contractId, 'gdpr_28_h');
    await makeCost(t.dbh.db, a.auditId, 125_000, '2026-11-12', 'Journée sur site');
    const base = `/api/orgs/${org.id}/suppliers/audits/${a.auditId}`;
    await admin.client.post(`${base}/review`);
    await admin.client.put(`${base}/answers/q1/rating`, { rating: 'compliant', note: 'Politique signée vue' });
    await admin.client.put(`${base}/answers/q2/rating`, { rating: 'non_compliant', note: 'Aucun référent nommé' });
    const f = (
      await admin.client.post(`${base}/findings`, { title: 'Référent sécurité absent', severity: 'medium', rootCause: 'Organisation' })
    ).json();
    await admin.client.put(`/api/orgs/${org.id}/suppliers/findings/${f.id}/plan`, {
      steps: [{ description: 'Nommer un référent', dueOn: '2026-12-01' }],
    });

    const res = await admin.client.get(`${base}/report.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('rapport-audit-2026-11-20.pdf');
    const text = pdfText(res.rawPayload);
    for (const expected of [
      'Rapport d’audit prestataire',
      'Hébergeur Delta',
      'le prestataire en cas de manquement',
      'gdpr_28_h',
      'q1. Politique de sécurité signée ?',
      'Réponse : oui',
      'Commentaire du prestataire : Signée en 2025',
      'Appréciation : conforme',
      'Note de l’auditeur : Politique signée vue',
      'q2. Référent sécurité nommé ?',
      'Réponse : non',
      'Appréciation : non conforme',
      'Note de l’auditeur : Aucun référent nommé',
      'q3. Fréquence des sauvegardes',
      'Réponse : Quotidienne',
      'Appréciation : non appréciée',
      'Référent sécurité absent',
      'Nommer un référent',
      'Journée sur site',
      'Score de conformité : 75,0 %',
    ]) {
      expect(text).toContain(expected);
    }

    const en = await admin.client.request({ method: 'GET', url: `${base}/report.pdf`, cookies: { rempart_locale: 'en' } });
    const enText = pdfText(en.rawPayload);
    for (const expected of [
      'Provider audit report',
      'Answer: Daily',
      'Rating: non-compliant',
      'Signed security policy?',
      'Compliance score: 75.0%',
    ]) {
      expect(enText).toContain(expected);
    }
  });
});
