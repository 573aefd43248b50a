import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { orgAdmin } from '../identity/test-kit.js';
import { percentText } from './results-pdf.js';
import { insertCampaign, insertStats, pdfText } from './results-test-kit.js';

const clock = new FixedClock(new Date('2026-12-10T09:00:00Z'));

describe('phishing campaign report (PDF)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  async function seeded() {
    const db = t.dbh.db;
    const org = await makeOrg(db, { name: 'CH de Bois-Guillaume' });
    const id = await insertCampaign(db, { organizationId: org.id, name: 'Renouvellement e-CPS', difficulty: 'very-difficult' });
    const all = { targets: 20, sent: 20, delivered: 16, failed: 4, opened: 10, clicked: 4, submitted: 2, reported: 6 };
    await insertStats(db, id, org.id, 'all', '', { ...all, report_b0: 1, report_b2: 3, report_b5: 2 });
    await insertStats(db, id, org.id, 'service', 'Urgences', { targets: 12, delivered: 10, clicked: 1, reported: 5 });
    await insertStats(db, id, org.id, 'service', 'Pharmacie', { targets: 3, delivered: 3, clicked: 3 });
    await insertStats(db, id, org.id, 'service', 'Cardiologie', { targets: 5, delivered: 3 });
    return { org, url: `/api/orgs/${org.id}/phishing/campaigns/${id}/report.pdf` };
  }

  it('writes the report rate first, the figures, time to report and groups, in French', async () => {
    const s = await seeded();
    const admin = await orgAdmin(t, s.org.id);
    const res = await admin.client.get(s.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('rapport-hameconnage-2026-12-10.pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Simulation d’hameçonnage');
    expect(text).toContain('Renouvellement e-CPS — CH de Bois-Guillaume');
    expect(text).toContain('très difficile');
    // 6 reports of 16 delivered; adjusted twice (very difficult): 75 %.
    const headline = text.indexOf('Taux de signalement');
    expect(text.indexOf('37,5 %')).toBeGreaterThan(headline);
    expect(text.indexOf('37,5 %')).toBeLessThan(text.indexOf('Chiffres de la campagne'));
    expect(text).toContain('Signalement ajusté');
    expect(text).toContain('75,0 %');
    expect(text).toContain('Clic ajusté');
    expect(text).toContain('12,5 %');
    expect(text).toMatch(/Formulaires soumis\n2/);
    expect(text).toMatch(/15 min à 1 h\n3/);
    expect(text).toContain('Délai médian : 15 min à 1 h');
    expect(text).toContain('Par service');
    // Pharmacie (3) is hidden, and Cardiologie (5) with it, else the total would give Pharmacie away.
    expect(text).toMatch(/Pharmacie\nmasqué \(moins de 5 personnes\)/);
    expect(text).toMatch(/Cardiologie\nmasqué \(moins de 5 personnes\)/);
    expect(text).toMatch(/Urgences\nPersonnes visées 12/);
  });

  it('speaks English to an English reader and keeps a manager to their service', async () => {
    const s = await seeded();
    const admin = await orgAdmin(t, s.org.id);
    const en = await admin.client.request({ method: 'GET', url: s.url, cookies: { rempart_locale: 'en' } });
    expect(en.headers['content-disposition']).toContain('phishing-report-');
    const text = pdfText(en.rawPayload);
    expect(text).toContain('Phishing simulation');
    expect(text).toContain('Report rate');
    expect(text).toContain('37.5%');
    expect(text).toContain('Median time: 15 min to 1 h');
    expect(text).toContain('hidden (fewer than 5 people)');

    const db = t.dbh.db;
    const p = await makePerson(db, s.org.id, { service: 'Urgences' });
    const a = await makeAccount(db, { personId: p.id, grants: [{ role: 'manager', scopeKind: 'organization', scopeId: s.org.id }] });
    const manager = await clientFor(t, a.id);
    const mine = pdfText((await manager.get(s.url)).rawPayload);
    expect(mine).toContain('Urgences');
    expect(mine).not.toContain('Pharmacie');
    expect(mine).toMatch(/Personnes visées\n12/);
    const p2 = await makePerson(db, s.org.id, { service: 'Pharmacie' });
    const a2 = await makeAccount(db, { personId: p2.id, grants: [{ role: 'manager', scopeKind: 'organization', scopeId: s.org.id }] });
    expect((await (await clientFor(t, a2.id)).get(s.url)).statusCode).toBe(403);
    const other = await makeOrg(db);
    const otherAdmin = await orgAdmin(t, other.id);
    expect((await otherAdmin.client.get(s.url)).statusCode).toBe(404);
    const bad = await admin.client.get(`${s.url}?by=person`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('querystring.by');
  });

  it('formats rates for each language', () => {
    expect(percentText(0.375, 'fr')).toBe('37,5\u00a0%');
    expect(percentText(0.375, 'en')).toBe('37.5%');
    expect(percentText(null, 'fr')).toBe('—');
  });
});
