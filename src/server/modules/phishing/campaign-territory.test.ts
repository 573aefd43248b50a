import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { grantMandate, makeProfile, makeStaff, makeTemplate } from '../../../../test/support/phishing-factory.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf, coordinator, orgAdmin } from '../identity/test-kit.js';

describe('phishing campaigns (territory, for members that gave a mandate)', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  async function territory() {
    const db = t.dbh.db;
    const [practice, pharmacy, refuser] = [await makeOrg(db), await makeOrg(db), await makeOrg(db)];
    const ght = await makeTerritory(db, { members: [{ orgId: practice.id, lead: true }, { orgId: pharmacy.id }, { orgId: refuser.id }] });
    await grantMandate(db, ght.id, practice.id);
    await grantMandate(db, ght.id, pharmacy.id);
    for (const org of [practice, pharmacy, refuser]) await makeStaff(db, org.id, 6, { services: ['Accueil'] });
    const coord = await coordinator(t, ght.id);
    const catalogue = await makeTemplate(db);
    const profile = await makeProfile(db, { territoryId: ght.id });
    const base = `/api/territories/${ght.id}/phishing/campaigns`;
    const body = (over: Record<string, unknown> = {}) => ({
      name: 'Campagne GHT',
      templateId: catalogue.id,
      sendingProfileId: profile.id,
      targets: { criteria: { services: ['Accueil'] } },
      launchAt: '2026-12-01T09:00:00Z',
      ...over,
    });
    return { db, ght, practice, pharmacy, refuser, coord, base, body };
  }

  it('lists the mandates and reaches only the organizations that gave one', async () => {
    const { db, ght, practice, pharmacy, refuser, coord, base, body } = await territory();
    const mandates = (await coord.client.get(`/api/territories/${ght.id}/phishing/mandates`)).json();
    expect(mandates.items.map((m: { organizationId: string }) => m.organizationId).sort()).toEqual([practice.id, pharmacy.id].sort());

    const refused = await coord.client.post(base, body({ targets: { organizationIds: [refuser.id], criteria: {} } }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ field: 'targets.organizationIds', code: 'no_mandate' });
    // Only the catalogue and the territory's own profiles.
    const ownTemplate = await makeTemplate(db, { organizationId: practice.id });
    expect((await coord.client.post(base, body({ templateId: ownTemplate.id }))).json().error.field).toBe('templateId');
    const orgProfile = await makeProfile(db, { organizationId: practice.id });
    expect((await coord.client.post(base, body({ sendingProfileId: orgProfile.id }))).json().error.field).toBe('sendingProfileId');

    const preview = (await coord.client.post(`${base}/preview-targets`, { targets: { criteria: {} } })).json();
    expect(preview.count).toBe(12);
    expect(preview.byOrganization.map((o: { organizationId: string }) => o.organizationId).sort()).toEqual(
      [practice.id, pharmacy.id].sort(),
    );

    const c = (await coord.client.post(base, body())).json();
    const launched = await coord.client.post(`${base}/${c.id}/launch`);
    expect(launched.json()).toMatchObject({ status: 'scheduled', progress: { targets: 12 } });
    expect(launched.json().targets.organizationIds.sort()).toEqual([practice.id, pharmacy.id].sort());
    const orgs = await db.selectFrom('phishing_recipients').select('organization_id').where('campaign_id', '=', c.id).execute();
    expect(orgs.filter((o) => o.organization_id === practice.id)).toHaveLength(6);
    expect(orgs.filter((o) => o.organization_id === pharmacy.id)).toHaveLength(6);
  });

  it('shows a member its part of a territory campaign, lets it withdraw its staff, not steer the campaign', async () => {
    const { db, practice, pharmacy, refuser, coord, base, body } = await territory();
    const c = (await coord.client.post(base, body())).json();
    await coord.client.post(`${base}/${c.id}/launch`);
    const member = await orgAdmin(t, practice.id);
    const orgBase = `/api/orgs/${practice.id}/phishing/campaigns`;
    const seen = (await member.client.get(orgBase)).json();
    expect(seen.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    expect(seen.items[0].progress.targets).toBe(6); // its own staff only
    expect((await member.client.post(`${orgBase}/${c.id}/pause`)).statusCode).toBe(403);

    const withdrawn = await member.client.post(`${orgBase}/${c.id}/cancel`);
    expect(withdrawn.statusCode).toBe(200);
    const rows = await db.selectFrom('phishing_recipients').select(['organization_id', 'status']).where('campaign_id', '=', c.id).execute();
    expect(rows.filter((r) => r.organization_id === practice.id).every((r) => r.status === 'cancelled')).toBe(true);
    expect(rows.filter((r) => r.organization_id === pharmacy.id).every((r) => r.status === 'pending')).toBe(true);
    expect((await auditOf(t, c.id)).at(-1)).toMatchObject({ action: 'phishing.campaign.withdraw', organizationId: practice.id });

    // An organization without a mandate does not see it.
    const outsider = await orgAdmin(t, refuser.id);
    expect((await outsider.client.get(`/api/orgs/${refuser.id}/phishing/campaigns`)).json().total).toBe(0);
    expect((await outsider.client.get(`/api/orgs/${refuser.id}/phishing/campaigns/${c.id}`)).statusCode).toBe(404);
  });
});
