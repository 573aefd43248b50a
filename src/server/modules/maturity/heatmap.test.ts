import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { coordinator, orgAdmin, type Signed } from '../identity/test-kit.js';
import { answerAll, optionFor } from './diagnostics-kit.js';

const MINUTE = 60_000;

describe('maturity heatmap of a territory: sharing members only, scores only', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-06-01T09:00:00Z'));
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  /** A completed short diagnostic answered with the best (or worst) options. */
  async function completed(admin: Signed, orgId: string, pick: 'best' | 'worst') {
    const d = (await admin.client.post(`/api/orgs/${orgId}/maturity/diagnostics`, { variant: 'short' })).json();
    const url = `/api/orgs/${orgId}/maturity/diagnostics/${d.id}`;
    await answerAll(admin.client, url, (q) => optionFor(q, pick));
    const done = await admin.client.post(`${url}/complete`);
    expect(done.statusCode).toBe(200);
    return done.json();
  }
  const share = (admin: Signed, orgId: string, territoryId: string, maturity: boolean) =>
    admin.client.put(`/api/orgs/${orgId}/territory-sharing/${territoryId}`, { domains: { maturity } });

  it('shows a member’s themes, overall and trend only while it shares, and never its answers', async () => {
    const lead = await makeOrg(t.dbh.db, { name: 'CHU Heatmap' });
    const practice = await makeOrg(t.dbh.db, { name: 'Cabinet Heatmap', kind: 'gp_practice' });
    const pharmacy = await makeOrg(t.dbh.db, { name: 'Pharmacie Heatmap', kind: 'pharmacy' });
    const territory = await makeTerritory(t.dbh.db, {
      kind: 'cpts',
      members: [{ orgId: lead.id, lead: true }, { orgId: practice.id }, { orgId: pharmacy.id }],
    });
    const coord = await coordinator(t, territory.id);
    const practiceAdmin = await orgAdmin(t, practice.id);
    const pharmacyAdmin = await orgAdmin(t, pharmacy.id);
    const url = `/api/territories/${territory.id}/maturity/heatmap`;

    const scores: number[] = [];
    for (const pick of ['worst', 'best', 'worst', 'best', 'best'] as const) {
      scores.push((await completed(practiceAdmin, practice.id, pick)).scores.overall);
      clock.advance(MINUTE);
    }
    await completed(pharmacyAdmin, pharmacy.id, 'worst');
    // A draft never shows, even from a sharing member.
    await practiceAdmin.client.post(`/api/orgs/${practice.id}/maturity/diagnostics`, { variant: 'full' });

    const before = (await coord.client.get(url)).json();
    expect(before.members.map((m: { name: string }) => m.name)).toEqual(['Cabinet Heatmap', 'CHU Heatmap', 'Pharmacie Heatmap']);
    expect(before.members.map((m: { isLead: boolean }) => m.isLead)).toEqual([false, true, false]);
    expect(
      before.members.every(
        (m: { shares: boolean; latest: unknown; trend: unknown[] }) => !m.shares && m.latest === null && m.trend.length === 0,
      ),
    ).toBe(true);
    expect(before.themes).toHaveLength(15);

    expect((await share(practiceAdmin, practice.id, territory.id, true)).statusCode).toBe(200);
    const shared = await coord.client.get(url);
    expect(shared.statusCode).toBe(200);
    const cabinet = shared.json().members.find((m: { organizationId: string }) => m.organizationId === practice.id);
    expect(cabinet).toMatchObject({ isLead: false, shares: true, latest: { variant: 'short', overall: scores[4] } });
    expect(cabinet.trend.map((p: { overall: number }) => p.overall)).toEqual(scores.slice(1));
    expect(cabinet.trend.map((p: { completedAt: string }) => p.completedAt)).toEqual(
      [...cabinet.trend.map((p: { completedAt: string }) => p.completedAt)].sort(),
    );
    expect(Object.keys(cabinet.latest.themes)).toHaveLength(15);
    for (const v of Object.values(cabinet.latest.themes)) expect(v === null || typeof v === 'number').toBe(true);
    const pharmacyRow = shared.json().members.find((m: { organizationId: string }) => m.organizationId === pharmacy.id);
    expect(pharmacyRow).toMatchObject({ shares: false, latest: null, trend: [] });
    const body = shared.body;
    expect(body).not.toContain('answers');
    expect(body).not.toContain(practiceAdmin.accountId);

    // Switched off: gone on the very next request.
    await share(practiceAdmin, practice.id, territory.id, false);
    const off = (await coord.client.get(url)).json();
    expect(off.members.find((m: { organizationId: string }) => m.organizationId === practice.id)).toMatchObject({
      shares: false,
      latest: null,
      trend: [],
    });
  });

  it('is for the territory’s coordinators: members’ admins and strangers are refused', async () => {
    const member = await makeOrg(t.dbh.db);
    const territory = await makeTerritory(t.dbh.db, { members: [{ orgId: member.id }] });
    const other = await makeTerritory(t.dbh.db);
    const url = `/api/territories/${territory.id}/maturity/heatmap`;
    expect((await (await orgAdmin(t, member.id)).client.get(url)).statusCode).toBe(403);
    expect((await (await coordinator(t, other.id)).client.get(url)).statusCode).toBe(404);
    expect((await (await orgAdmin(t, (await makeOrg(t.dbh.db)).id)).client.get(url)).statusCode).toBe(404);
    expect((await (await coordinator(t, territory.id)).client.get(url)).statusCode).toBe(200);
  });
});
