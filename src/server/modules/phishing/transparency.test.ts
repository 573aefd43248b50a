import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson, makeTerritory } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { insertCampaign, insertStats } from './results-test-kit.js';

const clock = new FixedClock(new Date('2026-12-10T09:00:00Z'));

describe('phishing transparency page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ clock, env: { REPORT_ADDRESS: 'signaler@chu-test.fr' } });
  });
  afterAll(async () => t.close());

  /** A member of the staff with an account and no role: the implicit learner. */
  async function staff(orgId: string): Promise<Client> {
    const p = await makePerson(t.dbh.db, orgId);
    const a = await makeAccount(t.dbh.db, { personId: p.id });
    return clientFor(t, a.id, { mfa: false });
  }

  it('tells any staff member what is simulated, recorded and kept, with the organization’s settings', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db, { name: 'CH du Vexin' });
    await db
      .insertInto('phishing_settings')
      .values({
        organization_id: org.id,
        anonymous_default: 1,
        retention_days: 180,
        transparency_note: 'Questions : rssi@ch-vexin.fr',
        imap_host: null,
        imap_port: null,
        imap_tls: 1,
        imap_username: null,
        imap_password_sealed: null,
        imap_folder: 'INBOX',
        imap_last_uid: 0,
        updated_at: clock.now().toISOString(),
      })
      .execute();
    const ended = async (name: string, status: 'completed' | 'cancelled', completedAt: string) => {
      const id = await insertCampaign(db, { organizationId: org.id, name, status, completedAt, launchedAt: '2026-10-01T08:00:00.000Z' });
      await insertStats(db, id, org.id, 'all', '', { targets: 10 });
      return id;
    };
    await ended('Colis en attente', 'completed', '2026-10-20T08:00:00.000Z');
    await ended('Facture fournisseur', 'cancelled', '2026-11-02T08:00:00.000Z');
    // Never told ahead: a running, a scheduled and a draft campaign stay unlisted.
    for (const [name, status] of [
      ['Renouvellement e-CPS', 'running'],
      ['Résultats de laboratoire', 'scheduled'],
    ] as const) {
      const id = await insertCampaign(db, {
        organizationId: org.id,
        name,
        status,
        launchedAt: status === 'running' ? '2026-12-01T08:00:00.000Z' : null,
      });
      await insertStats(db, id, org.id, 'all', '', { targets: 10 });
    }
    await insertCampaign(db, { organizationId: org.id, name: 'Brouillon secret', status: 'draft', launchedAt: null });
    // A territory campaign that reached this organization counts; another organization's does not.
    const other = await makeOrg(db);
    const ght = await makeTerritory(db, { members: [{ orgId: org.id }, { orgId: other.id }] });
    const shared = await insertCampaign(db, {
      territoryId: ght.id,
      reached: [org.id],
      name: 'Document partagé GHT',
      status: 'completed',
      completedAt: '2026-11-25T08:00:00.000Z',
    });
    await insertStats(db, shared, org.id, 'all', '', { targets: 10 });
    const elsewhere = await insertCampaign(db, {
      organizationId: other.id,
      name: 'Ailleurs',
      status: 'completed',
      completedAt: '2026-11-26T08:00:00.000Z',
    });
    await insertStats(db, elsewhere, other.id, 'all', '', { targets: 10 });

    const me = await staff(org.id);
    const res = await me.get(`/api/orgs/${org.id}/phishing/transparency`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.organization).toEqual({ id: org.id, name: 'CH du Vexin' });
    expect(r.simulated).toMatch(/faux emails de hameçonnage/);
    expect(r.recorded.map((x: { key: string }) => x.key)).toEqual(['sent', 'opened', 'clicked', 'submitted', 'reported']);
    expect(r.recorded[3].label).toMatch(/jamais ce qui y a été saisi/);
    expect(r.neverRecorded[0]).toMatch(/mot de passe/);
    expect(r.whoSees.map((x: { audience: string }) => x.audience)).toEqual(['managers', 'security_admins', 'territory']);
    expect(r.whoSees[0].text).toMatch(/moins de 5 personnes/);
    expect(r).toMatchObject({
      retentionDays: 180,
      anonymousDefault: true,
      reportAddress: 'signaler@chu-test.fr',
      transparencyNote: 'Questions : rssi@ch-vexin.fr',
    });
    expect(r.retention).toContain('180 jours');
    expect(r.anonymous).toMatch(/anonymes/);
    expect(r.reporting).toContain('signaler@chu-test.fr');
    expect(r.recentCampaigns).toEqual([
      { name: 'Document partagé GHT', launchedAt: '2026-11-01T09:00:00.000Z', endedAt: '2026-11-25T08:00:00.000Z' },
      { name: 'Facture fournisseur', launchedAt: '2026-10-01T08:00:00.000Z', endedAt: '2026-11-02T08:00:00.000Z' },
      { name: 'Colis en attente', launchedAt: '2026-10-01T08:00:00.000Z', endedAt: '2026-10-20T08:00:00.000Z' },
    ]);

    const en = (
      await me.request({ method: 'GET', url: `/api/orgs/${org.id}/phishing/transparency`, cookies: { rempart_locale: 'en' } })
    ).json();
    expect(en.simulated).toMatch(/fake phishing emails/);
    expect(en.retention).toContain('180 days');
    expect(en.recentCampaigns).toHaveLength(3);
  });

  it('uses the defaults without settings and hides the page from other organizations', async () => {
    const db = t.dbh.db;
    const org = await makeOrg(db);
    const me = await staff(org.id);
    const r = (await me.get(`/api/orgs/${org.id}/phishing/transparency`)).json();
    expect(r).toMatchObject({ retentionDays: 365, anonymousDefault: false, transparencyNote: '', recentCampaigns: [] });
    expect(r.anonymous).toMatch(/conservent les résultats individuels/);
    const stranger = await staff((await makeOrg(db)).id);
    expect((await stranger.get(`/api/orgs/${org.id}/phishing/transparency`)).statusCode).toBe(404);
    const signedOut = await t.app.inject({ method: 'GET', url: `/api/orgs/${org.id}/phishing/transparency` });
    expect(signedOut.statusCode).toBe(401);
  });
});
