import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { auditOf, tag } from '../identity/test-kit.js';
import type { TemplateDto, TemplateSummaryDto } from './library-schema.js';
import { templateInput, tenant } from './library-test-kit.js';

describe('phishing templates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(async () => t.close());

  it('lists the catalogue with computed difficulty, in the request language, with filters and paging', async () => {
    const { admin, base } = await tenant(t);
    const all = await admin.client.get(`${base}/templates?origin=catalogue&pageSize=200`);
    expect(all.statusCode).toBe(200);
    const items: TemplateSummaryDto[] = all.json().items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(all.json().total).toBe(items.length);
    for (const i of items) {
      expect(i.origin).toBe('catalogue');
      expect(i.languages).toEqual(['fr', 'en']);
      expect(i.cueCount).toBeGreaterThanOrEqual(3);
      expect(i.title.length).toBeGreaterThan(0);
    }
    const sample = items[0]!;
    const en = await admin.client.request({
      method: 'GET',
      url: `${base}/templates?origin=catalogue&pageSize=200`,
      cookies: { rempart_locale: 'en' },
    });
    const sampleEn: TemplateSummaryDto = en.json().items.find((i: TemplateSummaryDto) => i.id === sample.id);
    expect(sampleEn.title).not.toBe(sample.title);

    const hard = await admin.client.get(`${base}/templates?difficulty=very-difficult&pageSize=200`);
    expect(hard.json().items.every((i: TemplateSummaryDto) => i.difficulty === 'very-difficult')).toBe(true);
    const theme = await admin.client.get(`${base}/templates?theme=${sample.theme}&pageSize=200`);
    expect(theme.json().items.map((i: TemplateSummaryDto) => i.id)).toContain(sample.id);

    const page1 = await admin.client.get(`${base}/templates?origin=catalogue&pageSize=2&page=1&sort=-title`);
    const page2 = await admin.client.get(`${base}/templates?origin=catalogue&pageSize=2&page=2&sort=-title`);
    expect(page1.json()).toMatchObject({ total: items.length, page: 1, pageSize: 2 });
    const ids = [...page1.json().items, ...page2.json().items].map((i: TemplateSummaryDto) => i.id);
    expect(new Set(ids).size).toBe(4);
    const titles = page1.json().items.map((i: TemplateSummaryDto) => i.title);
    expect(titles[0]!.localeCompare(titles[1]!, 'fr', { sensitivity: 'base' })).toBeGreaterThanOrEqual(0);

    // Accent-free search over both languages.
    const word = sample.title.split(/\s+/).find((w) => w.length > 4)!;
    const search = await admin.client.get(
      `${base}/templates?q=${encodeURIComponent(
        word
          .normalize('NFD')
          .replace(/\p{Diacritic}/gu, '')
          .toUpperCase(),
      )}`,
    );
    expect(search.json().items.map((i: TemplateSummaryDto) => i.id)).toContain(sample.id);

    const detail = await admin.client.get(`${base}/templates/${sample.id}`);
    const full: TemplateDto = detail.json();
    expect(full.texts.fr?.html).toContain('href="{{link}}"');
    expect(full.texts.en?.cues.length).toBe(sample.cueCount);
    expect((await admin.client.get(`${base}/templates?q=zzzz-nothing-${tag()}`)).json()).toMatchObject({ items: [], total: 0 });
    expect((await admin.client.get(`${base}/templates?difficulty=impossible`)).statusCode).toBe(400);
  });

  it('creates a custom template: sanitised, difficulty computed, audited; another organization cannot see it', async () => {
    const { orgId, admin, base } = await tenant(t);
    const body = templateInput(
      {},
      { html: `${templateInput().texts.fr.html}<script>alert(1)</script><img src="https://tracker.example/x.gif" onerror="x()">` },
    );
    const res = await admin.client.post(`${base}/templates`, body);
    expect(res.statusCode).toBe(201);
    const created: TemplateDto = res.json();
    expect(created).toMatchObject({ origin: 'custom', cueCount: 3, premiseAlignment: 'high', difficulty: 'very-difficult', version: 1 });
    expect(created.texts.fr?.fromLocalPart).toBe('logiciel.soins');
    expect(created.texts.fr?.html).not.toContain('script');
    expect(created.texts.fr?.html).not.toContain('tracker.example');
    expect(created.texts.fr?.html).toContain('{{trackingImage}}');
    const audit = await auditOf(t, created.id);
    expect(audit.map((a) => a.action)).toEqual(['phishing.template.create']);
    expect(audit[0]!.organizationId).toBe(orgId);

    const other = await tenant(t);
    expect((await other.admin.client.get(`${other.base}/templates/${created.id}`)).statusCode).toBe(404);
    expect((await other.admin.client.put(`${other.base}/templates/${created.id}`, body)).statusCode).toBe(404);
    const theirs = await other.admin.client.get(`${other.base}/templates?origin=custom`);
    expect(theirs.json().total).toBe(0);
    expect((await admin.client.get(`${base}/templates?origin=custom`)).json().total).toBe(1);
  });

  it('refuses unknown placeholders, a missing link, unmarked cues, a foreign landing page, naming the field', async () => {
    const { admin, base } = await tenant(t);
    const cases: Array<[unknown, string, string]> = [
      [templateInput({}, { html: '<p>{{.FirstName}} <a href="{{link}}">x</a></p>', cues: [] }), 'texts.fr.html', 'unknown_placeholder'],
      [templateInput({}, { subject: 'Bonjour {{prenom}}' }), 'texts.fr.subject', 'unknown_placeholder'],
      [templateInput({}, { html: '<p>Pas de lien</p>', cues: [] }), 'texts.fr.html', 'missing_link'],
      [templateInput({}, { html: '<p><a href="{{link}}">x</a></p>' }), 'texts.fr.html', 'unmarked_cue'],
      [templateInput({ landingPageId: 'no-such-page' }), 'landingPageId', 'unknown_landing_page'],
      // Shape errors (zod) name the field under `body.`.
      [templateInput({ theme: 'cooking' }), 'body.theme', 'invalid'],
      [templateInput({}, { subject: 'Ligne\r\nBcc: victime@example.org' }), 'body.texts.fr.subject', 'invalid'],
      [{ ...templateInput(), texts: {} }, 'body.texts.fr', 'invalid'],
    ];
    for (const [body, field, code] of cases) {
      const res = await admin.client.post(`${base}/templates`, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error).toMatchObject({ field, code });
    }
    const fr = await admin.client.post(
      `${base}/templates`,
      templateInput({}, { html: '<p>{{prenom}} <a href="{{link}}">x</a></p>', cues: [] }),
    );
    expect(fr.json().error.message).toContain('{{prenom}}');
  });

  it('forks the catalogue, edits its own copy (version + 1), keeps the catalogue read-only, archives', async () => {
    const { orgId, admin, base } = await tenant(t);
    const catalogue: TemplateSummaryDto = (await admin.client.get(`${base}/templates?origin=catalogue`)).json().items[0];
    const original: TemplateDto = (await admin.client.get(`${base}/templates/${catalogue.id}`)).json();
    const edit = { ...templateInput(), landingPageId: original.landingPageId };
    const ro = await admin.client.put(`${base}/templates/${catalogue.id}`, edit);
    expect(ro.statusCode).toBe(403);
    expect(ro.json().error.code).toBe('catalogue_read_only');
    expect((await admin.client.delete(`${base}/templates/${catalogue.id}`)).statusCode).toBe(403);

    const forked = await admin.client.post(`${base}/templates/${catalogue.id}/fork`);
    expect(forked.statusCode).toBe(201);
    const copy: TemplateDto = forked.json();
    expect(copy).toMatchObject({
      origin: 'fork',
      forkedFrom: catalogue.id,
      version: 1,
      difficulty: original.difficulty,
      landingPageId: original.landingPageId,
    });
    expect(copy.texts.fr?.html).toBe(original.texts.fr?.html);
    expect(copy.texts.en?.subject).toBe(original.texts.en?.subject);

    const updated = await admin.client.put(`${base}/templates/${copy.id}`, edit);
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, cueCount: 3, title: 'Mise à jour du logiciel de soins', languages: ['fr'] });
    // The catalogue row did not move.
    expect((await admin.client.get(`${base}/templates/${catalogue.id}`)).json()).toEqual(original);

    expect((await admin.client.delete(`${base}/templates/${copy.id}`)).statusCode).toBe(204);
    expect((await admin.client.get(`${base}/templates/${copy.id}`)).json().archived).toBe(true);
    const listed = (await admin.client.get(`${base}/templates?origin=fork`)).json();
    expect(listed.total).toBe(0);
    expect((await admin.client.get(`${base}/templates?origin=fork&archived=true`)).json().total).toBe(1);
    expect((await admin.client.put(`${base}/templates/${copy.id}`, edit)).statusCode).toBe(409);
    const actions = (await auditOf(t, copy.id)).map((a) => a.action);
    expect(actions).toEqual(['phishing.template.fork', 'phishing.template.update', 'phishing.template.archive']);
    const row = await t.dbh.db
      .selectFrom('phishing_templates')
      .select(['archived', 'organization_id'])
      .where('id', '=', copy.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ archived: 1, organization_id: orgId });
  });

  it('previews a draft for a sample person: placeholders filled and escaped, unknown ones listed, HTML cleaned', async () => {
    const { admin, base } = await tenant(t);
    const res = await admin.client.post(`${base}/templates/preview`, {
      subject: 'Pour {{firstName}} ({{service}}) {{oops}}',
      html: '<p onclick="x()">Bonjour {{firstName}} de {{organization}}</p><a href="{{link}}">lien</a><script>1</script>{{.URL}}',
      language: 'fr',
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.subject).toBe('Pour Camille (Urgences) {{oops}}');
    expect(p.html).toContain('<p>Bonjour Camille de CH Test');
    expect(p.html).toContain('<a href="#">lien</a>');
    expect(p.html).not.toContain('script');
    expect(p.unknownPlaceholders).toEqual(['oops', '.URL']);
    const en = await admin.client.post(`${base}/templates/preview`, { html: '<p>{{service}}</p>', language: 'en' });
    expect(en.json()).toMatchObject({ subject: '', html: '<p>Emergency department</p>', unknownPlaceholders: [] });
  });
});
