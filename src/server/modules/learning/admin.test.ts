import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeAccount, makeOrg, makePerson } from '../../../../test/helpers/factories.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import type { ModuleDetail } from './admin-schema.js';

const question = (i: number, correct = true) => ({
  id: `q${i}`,
  level: 1,
  prompt: `Situation numéro ${i} : que faites-vous ?`,
  choices: [
    { text: 'Je signale', correct, explanation: 'Le bon réflexe.' },
    { text: 'Je clique', correct: false, explanation: 'Le piège.' },
  ],
});
const text = (title: string, questions = 8) => ({
  title,
  summary: `Résumé de ${title}`,
  screens: [{ title: 'Écran 1', body: 'Du **Markdown**.' }],
  questions: Array.from({ length: questions }, (_, i) => question(i + 1)),
});
const moduleInput = (over: Record<string, unknown> = {}) => ({
  audience: 'staff',
  level: 1,
  topic: 'local-rules',
  roleFamilies: ['nurses_care_assistants'],
  threatTags: ['phishing'],
  durationMinutes: 4,
  texts: { fr: text('Nos règles locales') },
  ...over,
});
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e3d1e60000000049454e44ae426082',
  'hex',
);

describe('learning administration: modules, media, curricula', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ env: { JOBS: 'false' } });
  });
  afterAll(async () => t.close());

  async function tenant() {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    return { orgId: org.id, admin: admin.client, base: `/api/orgs/${org.id}/learning` };
  }

  it('lists the catalogue with filters; catalogue modules are read-only', async () => {
    const { admin, base } = await tenant();
    const all = (await admin.get(`${base}/modules?origin=catalogue&pageSize=200`)).json();
    expect(all.total).toBeGreaterThanOrEqual(8);
    const phishing = all.items.find((m: { id: string }) => m.id === 'phishing-health-staff');
    expect(phishing).toMatchObject({ origin: 'catalogue', editable: false, kind: 'lesson', languages: ['en', 'fr'] });
    expect(phishing.questions).toBeGreaterThanOrEqual(8);

    const it = (await admin.get(`${base}/modules?roleFamily=students_interns&pageSize=200`)).json();
    expect(it.items.map((m: { id: string }) => m.id)).not.toContain('admin-hygiene-it-staff');
    const found = (await admin.get(`${base}/modules?q=${encodeURIComponent('hameçonnage')}`)).json();
    expect(found.items.map((m: { id: string }) => m.id)).toContain('phishing-health-staff');
    // Accents ignored both ways (rempart_fold on SQLite and PostgreSQL): typed without, or in capitals.
    for (const q of ['hameconnage', 'HAMEÇONNAGE']) {
      const folded = (await admin.get(`${base}/modules?q=${encodeURIComponent(q)}`)).json();
      expect(
        folded.items.map((m: { id: string }) => m.id),
        q,
      ).toContain('phishing-health-staff');
    }
    const page = (await admin.get(`${base}/modules?pageSize=2&page=2&sort=level`)).json();
    expect(page).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);

    const detail: ModuleDetail = (await admin.get(`${base}/modules/phishing-health-staff`)).json();
    const put = await admin.put(`${base}/modules/phishing-health-staff`, moduleInput({ texts: detail.texts }));
    expect(put.statusCode).toBe(403);
    expect(put.json().error.code).toBe('catalogue_read_only');
    expect((await admin.post(`${base}/modules/phishing-health-staff/archive`)).statusCode).toBe(403);
  });

  it('forks a catalogue module, edits the copy and translates a custom module', async () => {
    const { orgId, admin, base } = await tenant();
    const forked = await admin.post(`${base}/modules/phishing-health-staff/fork`);
    expect(forked.statusCode).toBe(201);
    const copy: ModuleDetail = forked.json();
    expect(copy).toMatchObject({ origin: 'fork', forkedFrom: 'phishing-health-staff', version: 1, status: 'draft', editable: true });
    expect(copy.id).not.toBe('phishing-health-staff');
    expect(copy.texts.fr?.questions.length).toBeGreaterThanOrEqual(8);
    expect(copy.texts.en?.title).toBeTruthy();

    const fr = { ...copy.texts.fr!, title: 'Hameçonnage au CH de Test' };
    const edited = await admin.put(`${base}/modules/${copy.id}`, moduleInput({ texts: { fr, en: copy.texts.en }, status: 'published' }));
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, status: 'published', title: 'Hameçonnage au CH de Test' });
    // The catalogue original is untouched.
    const original = (await admin.get(`${base}/modules/phishing-health-staff`)).json();
    expect(original.title).not.toBe('Hameçonnage au CH de Test');

    const created = await admin.post(`${base}/modules`, moduleInput());
    expect(created.statusCode).toBe(201);
    const custom: ModuleDetail = created.json();
    expect(custom).toMatchObject({ origin: 'custom', version: 1, status: 'draft', languages: ['fr'], questions: 8 });
    const translated = await admin.put(
      `${base}/modules/${custom.id}`,
      moduleInput({ texts: { fr: custom.texts.fr, en: text('Our local rules') } }),
    );
    expect(translated.json()).toMatchObject({ version: 2, languages: ['en', 'fr'] });
    const inEnglish = (
      await admin.request({ method: 'GET', url: `${base}/modules/${custom.id}`, cookies: { rempart_locale: 'en' } })
    ).json();
    expect(inEnglish.title).toBe('Our local rules');
    expect((await admin.get(`${base}/modules/${custom.id}`)).json().title).toBe('Nos règles locales');
    const listed = (await admin.get(`${base}/modules?origin=custom`)).json();
    expect(listed.items.map((m: { id: string }) => m.id)).toEqual([custom.id]);

    const archived = await admin.post(`${base}/modules/${custom.id}/archive`);
    expect(archived.json().status).toBe('archived');
    expect((await admin.get(`${base}/modules?origin=custom`)).json().total).toBe(0);
    expect((await admin.post(`${base}/modules/${custom.id}/restore`)).json().status).toBe('published');

    const trail = (await auditOf(t, custom.id)).map((a) => a.action);
    expect(trail).toEqual(['learning.module_created', 'learning.module_updated', 'learning.module_archived', 'learning.module_restored']);
    expect((await auditOf(t, copy.id)).map((a) => [a.action, a.organizationId])).toEqual([
      ['learning.module_forked', orgId],
      ['learning.module_updated', orgId],
    ]);
  });

  it('refuses bad modules with the field at fault', async () => {
    const { admin, base } = await tenant();
    const cases: Array<[unknown, string]> = [
      [moduleInput({ texts: { fr: text('Trop court', 7) } }), 'texts.fr.questions'],
      [moduleInput({ texts: {} }), 'texts'],
      [moduleInput({ texts: { fr: { ...text('Sans écran'), screens: [] } } }), 'body.texts.fr.screens'],
      [
        moduleInput({
          texts: { fr: { ...text('Sans bonne réponse'), questions: [1, 2, 3, 4, 5, 6, 7, 8].map((i) => question(i, false)) } },
        }),
        'body.texts.fr.questions.0.choices',
      ],
      [
        moduleInput({ texts: { fr: text('Un'), en: { ...text('One'), questions: [2, 3, 4, 5, 6, 7, 8, 9].map((i) => question(i)) } } }),
        'texts.en.questions',
      ],
      [moduleInput({ durationMinutes: 'five' }), 'body.durationMinutes'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post(`${base}/modules`, body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
  });

  it("hides another organization's modules (404)", async () => {
    const a = await tenant();
    const b = await tenant();
    const own: ModuleDetail = (await a.admin.post(`${a.base}/modules`, moduleInput())).json();
    expect((await b.admin.get(`${b.base}/modules/${own.id}`)).statusCode).toBe(404);
    expect((await b.admin.put(`${b.base}/modules/${own.id}`, moduleInput())).statusCode).toBe(404);
    expect((await b.admin.post(`${b.base}/modules/${own.id}/fork`)).statusCode).toBe(404);
    expect((await b.admin.get(`${a.base}/modules/${own.id}`)).statusCode).toBe(404);
    expect((await b.admin.get(`${b.base}/modules?origin=custom`)).json().total).toBe(0);
  });

  it('stores images checked by content and serves them to the organization only', async () => {
    const { orgId, admin, base } = await tenant();
    const up = await admin.post(`${base}/media`, { filename: 'schema.png', contentType: 'image/png', dataBase64: PNG.toString('base64') });
    expect(up.statusCode).toBe(201);
    const { id, url } = up.json();
    expect(url).toBe(`/api/learning/media/${id}`);

    const staff = await makePerson(t.dbh.db, orgId);
    const learner = await clientFor(t, (await makeAccount(t.dbh.db, { personId: staff.id })).id);
    const img = await learner.get(url);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.headers['x-content-type-options']).toBe('nosniff');
    expect(img.rawPayload.equals(PNG)).toBe(true);

    const other = await makeOrg(t.dbh.db);
    const stranger = await clientFor(t, (await makeAccount(t.dbh.db, { personId: (await makePerson(t.dbh.db, other.id)).id })).id);
    expect((await stranger.get(url)).statusCode).toBe(404);

    const bad: Array<[Record<string, string>, string]> = [
      [{ filename: 'x.png', contentType: 'image/png', dataBase64: Buffer.from('<svg onload=alert(1)>').toString('base64') }, 'dataBase64'],
      [{ filename: 'x.png', contentType: 'image/png', dataBase64: 'not base64 !' }, 'dataBase64'],
      [
        { filename: 'x.png', contentType: 'image/png', dataBase64: Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]).toString('base64') },
        'dataBase64',
      ],
      [{ filename: 'x.gif', contentType: 'image/gif', dataBase64: PNG.toString('base64') }, 'contentType'],
    ];
    for (const [body, field] of bad) {
      const res = await admin.post(`${base}/media`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect((await auditOf(t, id)).map((a) => a.action)).toEqual(['learning.media_uploaded']);
  });

  it('lists default curricula and manages its own', async () => {
    const { orgId, admin, base } = await tenant();
    const list = (await admin.get(`${base}/curricula`)).json();
    expect(
      list
        .slice(0, 2)
        .map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual(['default-onboarding', 'default-refresher']);
    expect(list.find((c: { id: string }) => c.id === 'default-refresher')).toMatchObject({ recurrenceMonths: 12, editable: false });

    const body = {
      nameFr: 'Accueil urgences',
      nameEn: 'ER onboarding',
      moduleIds: ['phishing-health-staff'],
      dueDays: 14,
      recurrenceMonths: null,
    };
    const created = await admin.post(`${base}/curricula`, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ organizationId: orgId, kind: 'custom', editable: true, moduleIds: ['phishing-health-staff'] });
    const id = created.json().id;
    const updated = await admin.put(`${base}/curricula/${id}`, { ...body, moduleIds: ['phishing-health-staff', 'ransomware-first-hour'] });
    expect(updated.json().moduleIds).toEqual(['phishing-health-staff', 'ransomware-first-hour']);

    const readOnly = await admin.put(`${base}/curricula/default-onboarding`, body);
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.json().error.code).toBe('curriculum_read_only');
    const unknown = await admin.post(`${base}/curricula`, { ...body, moduleIds: ['no-such-module'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('moduleIds');

    const other = await tenant();
    expect((await other.admin.put(`${other.base}/curricula/${id}`, body)).statusCode).toBe(404);
    const foreignRule = await other.admin.post(`${other.base}/rules`, { curriculumId: id, dueDays: 30 });
    expect(foreignRule.statusCode).toBe(400);
    expect(foreignRule.json().error.field).toBe('curriculumId');
    const unknownRule = await admin.post(`${base}/rules`, { curriculumId: 'nope', dueDays: 30 });
    expect(unknownRule.json().error).toMatchObject({ code: 'unknown_curriculum', field: 'curriculumId' });
    expect((await auditOf(t, id)).map((a) => a.action)).toEqual(['learning.curriculum_created', 'learning.curriculum_updated']);
  });

  it('shows the periodic jobs and keeps learners out of administration', async () => {
    const { orgId, admin, base } = await tenant();
    const jobs = (await admin.get(`${base}/jobs`)).json();
    expect(jobs.map((j: { name: string }) => j.name).sort()).toEqual([
      'learning.enrolment',
      'learning.escalation',
      'learning.flash-mail',
      'learning.reminders',
    ]);
    const staff = await makePerson(t.dbh.db, orgId);
    const learner = await clientFor(t, (await makeAccount(t.dbh.db, { personId: staff.id })).id);
    expect((await learner.get(`${base}/modules`)).statusCode).toBe(403);
    const doc = (await admin.get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toContain('/api/orgs/{orgId}/learning/rules/preview');
  });
});
