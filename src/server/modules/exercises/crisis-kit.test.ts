import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';
import { pdfText } from '../../../../test/support/pdf-text.js';
import { FixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { auditOf, coordinator, orgAdmin } from '../identity/test-kit.js';
import { kitIsStale } from './crisis-kit-service.js';

const DAY = 24 * 3_600_000;

async function supplier(t: TestApp, orgId: string, name: string, tier: 1 | 2, contact?: { name: string; phone: string }) {
  const id = newId();
  const at = new Date().toISOString();
  await t.dbh.db
    .insertInto('suppliers')
    .values({
      id,
      organization_id: orgId,
      provider_organization_id: null,
      name,
      siren: '732829320',
      siret: null,
      services: 'Dossier patient',
      handles_health_data: 1,
      data_volume: 'over_100k',
      storage_locations: '["EEA"]',
      processing_locations: '["EEA"]',
      remote_maintenance: 1,
      remote_maintenance_details: '',
      dependency: 'high',
      system_access: 'privileged',
      criticality_computed: tier,
      criticality_override: null,
      criticality_reason: null,
      archived: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  if (contact) {
    await t.dbh.db
      .insertInto('supplier_contacts')
      .values({
        id: newId(),
        supplier_id: id,
        name: contact.name,
        email: 'astreinte@editeur.test',
        phone: contact.phone,
        role: 'security',
        account_id: null,
        created_at: at,
      })
      .execute();
  }
}

describe('exercises: crisis kit', () => {
  const clock = new FixedClock(new Date('2026-11-29T08:00:00Z'));
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  it('flags a kit never generated or older than three months', () => {
    const now = new Date('2026-11-29T08:00:00Z');
    expect(kitIsStale(null, now)).toBe(true);
    expect(kitIsStale('2026-08-30T08:00:00Z', now)).toBe(false);
    expect(kitIsStale('2026-08-28T08:00:00Z', now)).toBe(true);
  });

  it('gathers roster, contacts, tier-1 providers and the sheets; prints them and dates the kit for the dashboards', async () => {
    const lead = await makeOrg(t.dbh.db, { name: 'CHU Support Test' });
    const org = await makeOrg(t.dbh.db, { name: 'CH Membre Test' });
    const territory = await makeTerritory(t.dbh.db, { members: [{ orgId: lead.id, lead: true }, { orgId: org.id }] });
    await t.dbh.db.updateTable('territory_members').set({ shares_data: 1 }).where('organization_id', '=', org.id).execute();
    const admin = await orgAdmin(t, org.id);
    await supplier(t, org.id, 'Éditeur DPI Test', 1, { name: 'Astreinte sécurité', phone: '01 02 03 04 05' });
    await supplier(t, org.id, 'Traiteur Test', 2);
    const base = `/api/orgs/${org.id}/crisis-kit`;

    const first = (await admin.client.get(base)).json();
    expect(first).toMatchObject({ kitGeneratedAt: null, stale: true, rosterFromDirectory: true });
    expect(first.contacts.lead).toBe('CHU Support Test');
    expect(first.providers.map((p: { name: string }) => p.name)).toEqual(['Éditeur DPI Test']);
    expect(first.sheets.map((s: { id: string }) => s.id).sort()).toEqual([
      'degraded-mode-paper',
      'incident-declaration-checklist',
      'ransomware-first-hour',
    ]);

    const bad = await admin.client.put(base, { roster: [{ name: '', function: 'Directeur', phone: '' }] });
    expect(bad.statusCode).toBe(400);
    const saved = await admin.client.put(base, {
      roster: [{ name: 'Claire Dubois', function: 'Directrice de crise', phone: '06 11 22 33 44' }],
      contacts: { ars: 'Point focal ARS : 03 00 00 00 00', certSante: 'Portail de signalement et astreinte CERT Santé' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      rosterFromDirectory: false,
      contacts: { lead: 'CHU Support Test', ars: 'Point focal ARS : 03 00 00 00 00' },
    });

    const pdf = await admin.client.post(`${base}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const s of [
      'Kit de crise cyber',
      'CH Membre Test',
      'Généré le 29 novembre 2026',
      'Claire Dubois – Directrice de crise – Téléphone : 06 11 22 33 44',
      'Point focal ARS',
      'Éditeur DPI Test',
      'Astreinte sécurité (security) – 01 02 03 04 05',
      'Rançongiciel : la première heure',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('Traiteur Test');
    expect((await auditOf(t, org.id)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['exercises.crisis_kit.updated', 'exercises.crisis_kit.generated']),
    );

    expect((await admin.client.get(`${base}/status`)).json()).toEqual({
      organizationId: org.id,
      kitGeneratedAt: '2026-11-29T08:00:00.000Z',
      stale: false,
    });
    clock.advance(95 * DAY);
    const coord = await coordinator(t, territory.id);
    const members = (await coord.client.get(`/api/territories/${territory.id}/crisis-kits`)).json();
    expect(members).toEqual([{ organizationId: org.id, kitGeneratedAt: '2026-11-29T08:00:00.000Z', stale: true }]);
    const again = await clientFor(t, admin.accountId);
    expect((await again.get(`${base}/status`)).json().stale).toBe(true);
  });

  it('answers 404 to another establishment', async () => {
    const org = await makeOrg(t.dbh.db);
    await makePerson(t.dbh.db, org.id);
    const other = await orgAdmin(t, (await makeOrg(t.dbh.db)).id);
    expect((await other.client.get(`/api/orgs/${org.id}/crisis-kit`)).statusCode).toBe(404);
    expect((await other.client.post(`/api/orgs/${org.id}/crisis-kit/pdf`)).statusCode).toBe(404);
  });
});
