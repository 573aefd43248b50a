import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { pdfText } from '../../../../test/support/pdf-text.js';
import { makeCampaign } from '../../../../test/support/phishing-factory.js';
import { makeAudit, makeGrid, makeSupplier } from '../../../../test/support/suppliers-register-factory.js';
import { FixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { coordinator, orgAdmin, type Signed } from '../identity/test-kit.js';
import { many, seed } from '../learning/metrics-test-kit.js';
import { answerAll, optionFor } from '../maturity/diagnostics-kit.js';
import { insertStats } from '../phishing/results-test-kit.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe('territory dashboard: members x shared domains, aggregates only', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(NOW) });
  });
  afterAll(async () => t.close());

  async function diagnose(admin: Signed, orgId: string) {
    const d = (await admin.client.post(`/api/orgs/${orgId}/maturity/diagnostics`, { variant: 'short' })).json();
    const url = `/api/orgs/${orgId}/maturity/diagnostics/${d.id}`;
    await answerAll(admin.client, url, (q) => optionFor(q, 'best'));
    expect((await admin.client.post(`${url}/complete`)).statusCode).toBe(200);
    return d.id as string;
  }

  it('shows each member only in the domains it shares, hides small groups and flags who needs attention', async () => {
    const db = t.dbh.db;
    const lead = await makeOrg(db, { name: 'CHU Tableau' });
    const clinic = await makeOrg(db, { name: 'Clinique Tableau', kind: 'private_clinic' });
    const pharmacy = await makeOrg(db, { name: 'Pharmacie Tableau', kind: 'pharmacy' });
    const practice = await makeOrg(db, { name: 'Cabinet Tableau', kind: 'gp_practice' });
    const territory = await makeTerritory(db, {
      members: [
        { orgId: lead.id, lead: true, shares: true },
        { orgId: clinic.id },
        { orgId: pharmacy.id, shares: true },
        { orgId: practice.id },
      ],
    });
    const clinicAdmin = await orgAdmin(t, clinic.id);
    const practiceAdmin = await orgAdmin(t, practice.id);
    const leadAdmin = await orgAdmin(t, lead.id);
    const pharmacyAdmin = await orgAdmin(t, pharmacy.id);
    expect(
      (await clinicAdmin.client.put(`/api/orgs/${clinic.id}/territory-sharing/${territory.id}`, { domains: { training: true } }))
        .statusCode,
    ).toBe(200);

    // Training: 4 of 6 done at the CHU, 5 of 5 at the clinic, the 2 people of the pharmacy.
    await seed(t, NOW, lead.id, [...many(4, {}), ...many(2, { work: [{ status: 'in_progress' }] })]);
    await seed(t, NOW, clinic.id, many(5, {}));
    await seed(t, NOW, pharmacy.id, many(2, {}));
    // Phishing: a campaign this year counts, one launched 18 months ago does not.
    const recent = await makeCampaign(db, { organizationId: lead.id, launchedAt: '2026-10-01T09:00:00.000Z' });
    await insertStats(db, recent, lead.id, 'all', '', { targets: 20, delivered: 20, clicked: 4, reported: 10 });
    const old = await makeCampaign(db, { organizationId: lead.id, launchedAt: '2025-05-01T09:00:00.000Z' });
    await insertStats(db, old, lead.id, 'all', '', { targets: 20, delivered: 20, clicked: 20, reported: 0 });
    // Providers: two tier 1, one audited this year, the other late; a tier 3 does not count.
    const grid = await makeGrid(db, lead.id);
    const s1 = await makeSupplier(db, lead.id, { tier: 1 });
    const s2 = await makeSupplier(db, lead.id, { tier: 2 });
    await makeSupplier(db, lead.id, { tier: 3 });
    await makeAudit(db, lead.id, s1.id, null, grid.id, { status: 'closed', closedAt: '2026-09-01T10:00:00.000Z' });
    await makeAudit(db, lead.id, s2.id, null, grid.id, { status: 'planned', dueOn: '2026-11-01' });
    // Actions: one late, one done; the practice's own plan must never show.
    await leadAdmin.client.post(`/api/orgs/${lead.id}/actions`, { title: 'Restaurer une sauvegarde', dueOn: '2026-10-01' });
    await leadAdmin.client.post(`/api/orgs/${lead.id}/actions`, { title: 'Charte', status: 'done' });
    await practiceAdmin.client.post(`/api/orgs/${practice.id}/actions`, { title: 'Secret du cabinet', dueOn: '2026-01-01' });
    // Exercises: the CHU played one in October, the pharmacy as a cell of a territory exercise last year.
    const exercise = (id: string, orgId: string | null, territoryId: string | null, day: string) => ({
      id,
      organization_id: orgId,
      territory_id: territoryId,
      scenario_id: 'ransomware',
      scenario_version: 1,
      scenario_json: '{}',
      title: 'Exercice',
      level: 'tabletop',
      status: 'closed' as const,
      kind: 'exercise' as const,
      planned_start: null,
      started_at: `${day}T09:00:00.000Z`,
      paused_at: null,
      paused_ms: 0,
      pauses: '[]',
      ended_at: `${day}T12:00:00.000Z`,
      created_by: null,
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    });
    const lastYear = newId();
    await db
      .insertInto('exercises')
      .values([exercise(newId(), lead.id, null, '2026-10-08'), exercise(lastYear, null, territory.id, '2025-06-12')])
      .execute();
    await db
      .insertInto('exercise_cells')
      .values({
        id: newId(),
        exercise_id: lastYear,
        organization_id: pharmacy.id,
        scenario_cell_id: 'member',
        name: 'Pharmacie',
        joined_at: NOW.toISOString(),
        created_at: NOW.toISOString(),
      })
      .execute();
    // Maturity: the CHU diagnosed today, the pharmacy two years ago.
    await diagnose(leadAdmin, lead.id);
    const oldId = await diagnose(pharmacyAdmin, pharmacy.id);
    await db.updateTable('maturity_diagnostics').set({ completed_at: '2024-11-01T10:00:00.000Z' }).where('id', '=', oldId).execute();

    // Crisis kit: the CHU printed its kit ten days ago; the pharmacy never did.
    const tenDaysAgo = new Date(NOW.getTime() - 10 * 86_400_000).toISOString();
    await db
      .insertInto('crisis_kits')
      .values({
        organization_id: lead.id,
        roster_json: '[]',
        contacts_json: '{}',
        generated_at: tenDaysAgo,
        generated_by: null,
        updated_at: tenDaysAgo,
      })
      .execute();
    const coord = await coordinator(t, territory.id);
    const url = `/api/territories/${territory.id}/dashboard`;
    const res = await coord.client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const byName = Object.fromEntries(body.members.map((m: { name: string }) => [m.name, m]));
    expect(body.members[0].name).toBe('CHU Tableau'); // leads first
    const chu = byName['CHU Tableau'];
    expect(chu.maturity).toMatchObject({ shared: true, value: { variant: 'short', completedAt: NOW.toISOString() } });
    expect(chu.maturity.value.score).toBeGreaterThan(50);
    expect(chu.training).toEqual({ shared: true, value: { suppressed: false, people: 6, completionRate: 66.7 } });
    expect(chu.phishing).toEqual({
      shared: true,
      value: { suppressed: false, campaigns: 1, delivered: 20, reportRate: 50, clickRate: 20 },
    });
    expect(chu.suppliers).toEqual({ shared: true, value: { criticalProviders: 2, audited: 1, coverageRate: 50, overdueAudits: 1 } });
    expect(chu.exercises).toEqual({ shared: true, value: { lastExerciseOn: '2026-10-08' } });
    expect(chu.actions).toEqual({ shared: true, value: { open: 1, overdue: 1, doneLast90Days: 1 } });
    expect(chu.flags).toEqual(['overdue_actions']);
    // The pharmacy's 2 people are hidden, and so is the next smallest group (they could be deduced).
    expect(byName['Pharmacie Tableau'].training.value).toEqual({ suppressed: true, people: null, completionRate: null });
    expect(byName['Clinique Tableau'].training.value.suppressed).toBe(true);
    expect(byName['Clinique Tableau'].maturity).toEqual({ shared: false, value: null });
    expect(byName['Pharmacie Tableau'].flags).toEqual(['no_recent_diagnostic', 'no_exercise_this_year', 'crisis_kit_stale']);
    expect(byName['Pharmacie Tableau'].exercises.value).toEqual({ lastExerciseOn: '2025-06-12' });
    const cabinet = byName['Cabinet Tableau'];
    for (const d of ['maturity', 'training', 'phishing', 'suppliers', 'exercises', 'actions'])
      expect(cabinet[d]).toEqual({ shared: false, value: null });
    expect(cabinet.flags).toEqual([]);
    expect(body.totals).toMatchObject({
      members: 4,
      sharing: { maturity: 2, training: 3, actions: 2 },
      training: { suppressed: false, people: 13, completionRate: 84.6 },
      actions: { open: 1, overdue: 1, doneLast90Days: 1 },
      flagged: 2,
    });
    expect(res.body).not.toContain('Secret');
    expect(res.body).not.toContain('@'); // no email, no person

    // The clinic switches training off: gone on the very next request.
    await clinicAdmin.client.put(`/api/orgs/${clinic.id}/territory-sharing/${territory.id}`, { domains: { training: false } });
    const after = (await coord.client.get(url)).json();
    const clinicAfter = after.members.find((m: { name: string }) => m.name === 'Clinique Tableau');
    expect(clinicAfter.training).toEqual({ shared: false, value: null });
    expect(after.totals.training.people).toBe(8);

    const csv = await coord.client.get(`${url}.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Cabinet Tableau;non partagé;non partagé');
    expect(csv.body).toContain('pas de diagnostic depuis 12 mois');
    const pdf = await coord.client.get(`${url}.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Pharmacie Tableau');
    expect(text).toContain('non partagé');
  });

  it('answers 404 to outsiders and 403 to a member organization admin without a territory role', async () => {
    const db = t.dbh.db;
    const member = await makeOrg(db);
    const stranger = await makeOrg(db);
    const territory = await makeTerritory(db, { members: [{ orgId: member.id, shares: true }] });
    const other = await makeTerritory(db);
    const url = `/api/territories/${territory.id}/dashboard`;
    expect((await (await coordinator(t, other.id)).client.get(url)).statusCode).toBe(404);
    expect((await (await orgAdmin(t, stranger.id)).client.get(url)).statusCode).toBe(404);
    expect((await (await orgAdmin(t, member.id)).client.get(url)).statusCode).toBe(403);
    expect((await (await orgAdmin(t, member.id)).client.get(`${url}.pdf`)).statusCode).toBe(403);
    expect((await (await coordinator(t, territory.id)).client.get('/api/territories/nope/dashboard')).statusCode).toBe(404);
  });
});
