import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrg, makeTerritory } from '../../../../test/helpers/factories.js';
import { grantMandate, makeStaff } from '../../../../test/support/phishing-factory.js';
import { type SmtpSink, startSmtpSink } from '../../../../test/support/smtp-sink.js';
import { FixedClock } from '../../platform/clock.js';
import { auditOf, coordinator, orgAdmin } from '../identity/test-kit.js';
import type { LandingSummaryDto, TemplateSummaryDto } from './library-schema.js';
import { profileInput, templateInput } from './library-test-kit.js';

describe('phishing library of a territory (profiles of its own, the catalogue read-only)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  beforeAll(async () => {
    t = await makeTestApp({ clock: new FixedClock(new Date('2026-12-01T09:00:00Z')) });
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.stop();
    await t.close();
  });

  async function territory() {
    const db = t.dbh.db;
    const member = await makeOrg(db);
    const ght = await makeTerritory(db, { members: [{ orgId: member.id, lead: true }] });
    await grantMandate(db, ght.id, member.id);
    await makeStaff(db, member.id, 3, { services: ['Accueil'] });
    return { db, ght, member, coord: await coordinator(t, ght.id), base: `/api/territories/${ght.id}/phishing` };
  }

  it('lets a coordinator manage the territory’s sending profiles and send a campaign through one', async () => {
    const { db, ght, member, coord, base } = await territory();
    const res = await coord.client.post(`${base}/profiles`, profileInput({ port: sink.port }));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Relais interne', hasPassword: true });
    const row = await db.selectFrom('phishing_sending_profiles').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ territory_id: ght.id, organization_id: null });

    expect((await coord.client.get(`${base}/profiles`)).json()).toMatchObject({ total: 1, items: [{ id: created.id }] });
    const renamed = await coord.client.put(`${base}/profiles/${created.id}`, profileInput({ name: 'Relais du GHT', port: sink.port }));
    expect(renamed.json()).toMatchObject({ name: 'Relais du GHT', hasPassword: true });
    const test = await coord.client.post(`${base}/profiles/${created.id}/test`, { to: 'rssi@ght.example.fr' });
    expect(test.statusCode).toBe(200);
    expect((await sink.waitFor((m) => m.to.includes('rssi@ght.example.fr'))).subject).toContain('Relais du GHT');

    // The member's administrators do not see the territory's profile among theirs.
    const admin = await orgAdmin(t, member.id);
    expect((await admin.client.get(`/api/orgs/${member.id}/phishing/profiles/${created.id}`)).statusCode).toBe(404);

    const catalogue: TemplateSummaryDto = (await coord.client.get(`${base}/templates?pageSize=1`)).json().items[0];
    const campaign = await coord.client.post(`${base}/campaigns`, {
      name: 'Campagne du GHT',
      templateId: catalogue.id,
      sendingProfileId: created.id,
      targets: { criteria: { services: ['Accueil'] } },
      launchAt: '2026-12-01T09:00:00Z',
    });
    expect(campaign.statusCode).toBe(201);

    expect((await coord.client.delete(`${base}/profiles/${created.id}`)).statusCode).toBe(204);
    expect((await coord.client.get(`${base}/profiles/${created.id}`)).statusCode).toBe(404);
    const audit = await auditOf(t, created.id);
    expect(audit.map((a) => a.action)).toEqual(['phishing.profile.create', 'phishing.profile.update', 'phishing.profile.archive']);
    expect(audit.every((a) => a.territoryId === ght.id && a.organizationId === null)).toBe(true);
  });

  it('shows the catalogue only, read-only, and previews it in the territory’s name', async () => {
    const { db, ght, member, coord, base } = await territory();
    const { name } = await db.selectFrom('territories').select('name').where('id', '=', ght.id).executeTakeFirstOrThrow();
    const admin = await orgAdmin(t, member.id);
    const own = (await admin.client.post(`/api/orgs/${member.id}/phishing/templates`, templateInput())).json();

    const templates = (await coord.client.get(`${base}/templates?pageSize=200`)).json();
    expect(templates.total).toBeGreaterThanOrEqual(3);
    expect(templates.items.every((i: TemplateSummaryDto) => i.origin === 'catalogue')).toBe(true);
    expect((await coord.client.get(`${base}/templates/${own.id}`)).statusCode).toBe(404);
    const one = await coord.client.get(`${base}/templates/${templates.items[0].id}`);
    expect(one.json().texts.fr.subject.length).toBeGreaterThan(0);

    const pages = (await coord.client.get(`${base}/landing-pages?pageSize=200`)).json();
    expect(pages.total).toBeGreaterThanOrEqual(1);
    expect(pages.items.every((i: LandingSummaryDto) => i.origin === 'catalogue')).toBe(true);
    expect((await coord.client.get(`${base}/landing-pages/${pages.items[0].id}`)).statusCode).toBe(200);

    const preview = await coord.client.post(`${base}/templates/preview`, {
      subject: 'Pour {{organization}}',
      html: '<p><a href="{{link}}">{{firstName}}</a> <a href="{{reportLink}}">Signaler</a></p>',
    });
    expect(preview.json()).toMatchObject({ subject: `Pour ${name}`, unknownPlaceholders: [] });
    expect(preview.json().html).toBe('<p><a href="#">Camille</a> <a href="#">Signaler</a></p>');
    const landing = await coord.client.post(`${base}/landing-pages/preview`, { html: '<p>{{organization}}</p>' });
    expect(landing.json().html).toBe(`<p>${name}</p>`);

    // No writing to the catalogue from a territory.
    expect((await coord.client.post(`${base}/templates`, templateInput())).statusCode).toBe(404);
    expect((await coord.client.post(`${base}/templates/${templates.items[0].id}/fork`)).statusCode).toBe(404);
    expect((await coord.client.delete(`${base}/landing-pages/${pages.items[0].id}`)).statusCode).toBe(404);
  });

  it('refuses another territory’s coordinator and a member’s administrator', async () => {
    const { ght, member, coord, base } = await territory();
    const created = (await coord.client.post(`${base}/profiles`, profileInput())).json();

    const other = await territory();
    expect((await other.coord.client.get(`${other.base}/profiles/${created.id}`)).statusCode).toBe(404);
    expect((await other.coord.client.put(`${other.base}/profiles/${created.id}`, profileInput())).statusCode).toBe(404);
    // Another territory is not there for its coordinator (as for campaigns).
    expect((await other.coord.client.get(`${base}/profiles`)).statusCode).toBe(404);

    const admin = await orgAdmin(t, member.id);
    for (const path of ['profiles', 'templates', 'landing-pages']) {
      expect((await admin.client.get(`/api/territories/${ght.id}/phishing/${path}`)).statusCode).toBe(403);
    }
    expect((await admin.client.post(`${base}/profiles`, profileInput())).statusCode).toBe(403);
  });
});
