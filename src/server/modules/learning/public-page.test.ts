import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { isolatedDb } from '../../../../test/helpers/db.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { FixedClock } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { auditOf, orgAdmin } from '../identity/test-kit.js';
import type { PublicCatalogue, PublicModule, PublicPageDto } from './metrics-schema.js';

const PATIENT_MODULE = 'patients-protect-health-accounts';
const STAFF_MODULE = 'phishing-health-staff';

describe('patient page', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  // A database of its own: the "nothing but counts is stored" check compares every table's row count.
  beforeAll(async () => {
    t = await makeTestApp({ dbh: await isolatedDb(), clock, env: { BASE_URL: 'https://rempart.chu-exemple.fr/' } });
  });
  afterAll(async () => t.close());

  /** A visitor: no cookie, no CSRF header, nothing that could identify them. */
  const anonymous = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { 'accept-language': 'fr-FR' } });

  /** A module of an organization's own, copied from the catalogue's patient module. */
  async function ownModule(orgId: string, audience: 'staff' | 'patients', status: 'draft' | 'published') {
    const db = t.dbh.db;
    const id = newId();
    const now = clock.now().toISOString();
    await db
      .insertInto('learning_modules')
      .values({
        id,
        organization_id: orgId,
        origin: 'custom',
        forked_from: null,
        kind: 'lesson',
        audience,
        level: 1,
        topic: 'patients-accounts',
        role_families: '[]',
        threat_tags: '["scams"]',
        version: 1,
        duration_minutes: 4,
        status,
        last_reviewed: null,
        content_hash: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const text = await db
      .selectFrom('learning_module_texts')
      .selectAll()
      .where('module_id', '=', PATIENT_MODULE)
      .where('language', '=', 'fr')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('learning_module_texts')
      .values({ ...text, module_id: id, title: `Module ${audience} ${status} ${id.slice(-6)}` })
      .execute();
    return id;
  }

  async function tenant() {
    const org = await makeOrg(t.dbh.db);
    const admin = await orgAdmin(t, org.id);
    const res = await admin.client.get(`/api/orgs/${org.id}/learning/public-page`);
    expect(res.statusCode).toBe(200);
    return { org, admin, page: res.json() as PublicPageDto };
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await t.dbh.db.introspection.getTables();
    const out: Record<string, number> = {};
    for (const tb of tables) {
      const r = await t.dbh.db
        .selectFrom(tb.name as 'people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[tb.name] = Number(r.n);
    }
    return out;
  }

  it('creates the page with an unguessable slug on first read, once, and draws its QR code', async () => {
    const { org, admin, page } = await tenant();
    expect(page.slug).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(page).toEqual({
      slug: page.slug,
      url: `https://rempart.chu-exemple.fr/sensibilisation/${page.slug}`,
      enabled: true,
      views: 0,
      completions: 0,
    });
    expect((await admin.client.get(`/api/orgs/${org.id}/learning/public-page`)).json()).toEqual(page);
    expect((await auditOf(t, org.id)).filter((a) => a.action.startsWith('learning.public_page')).map((a) => a.action)).toEqual([
      'learning.public_page.created',
    ]);
    const other = await tenant();
    expect(other.page.slug).not.toBe(page.slug);

    const qr = await admin.client.get(`/api/orgs/${org.id}/learning/public-page/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(qr.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(qr.body).toContain('<path');
  });

  it('serves only published patient modules (catalogue and own), never staff ones, with no cookie', async () => {
    const { org, page } = await tenant();
    const foreign = await makeOrg(t.dbh.db);
    const own = await ownModule(org.id, 'patients', 'published');
    const draft = await ownModule(org.id, 'patients', 'draft');
    const ownStaff = await ownModule(org.id, 'staff', 'published');
    const foreignPatients = await ownModule(foreign.id, 'patients', 'published');

    const res = await anonymous('GET', `/api/public/learning/${page.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    const body: PublicCatalogue = res.json();
    expect(body.organization).toEqual({ name: org.name });
    expect(body.modules.map((m) => m.id).sort()).toEqual([PATIENT_MODULE, own].sort());
    expect(body.modules.find((m) => m.id === PATIENT_MODULE)).toMatchObject({
      title: expect.any(String),
      durationMinutes: expect.any(Number),
    });

    const mod = await anonymous('GET', `/api/public/learning/${page.slug}/modules/${PATIENT_MODULE}`);
    expect(mod.statusCode).toBe(200);
    expect(mod.headers['set-cookie']).toBeUndefined();
    const m: PublicModule = mod.json();
    expect(m.language).toBe('fr');
    expect(m.screens.length).toBeGreaterThan(0);
    expect(m.questions.length).toBeGreaterThanOrEqual(8);
    expect(m.questions[0]?.choices.some((c) => c.correct)).toBe(true);
    expect(m.questions[0]?.choices[0]?.explanation.length).toBeGreaterThan(5);

    for (const id of [STAFF_MODULE, draft, ownStaff, foreignPatients, 'no-such-module']) {
      const r = await anonymous('GET', `/api/public/learning/${page.slug}/modules/${id}`);
      expect(r.statusCode, id).toBe(404);
      expect(r.headers['set-cookie'], id).toBeUndefined();
      expect(JSON.stringify(r.json())).not.toContain('prompt');
    }
  });

  it('serves the page itself and the files it loads without any cookie', async () => {
    const { page } = await tenant();
    const html = await anonymous('GET', `/sensibilisation/${page.slug}`);
    // The built app when dist/web exists (npm run build), the JSON 404 otherwise: no cookie either way.
    expect(html.statusCode).toBeLessThan(500);
    expect(html.headers['set-cookie']).toBeUndefined();
    const files = [...html.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    for (const url of files) {
      const res = await anonymous('GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['set-cookie'], url).toBeUndefined();
    }
  });

  it('keeps nothing from an event but the day count of the module, and sets no cookie', async () => {
    const { org, page } = await tenant();
    const url = `/api/public/learning/${page.slug}/modules/${PATIENT_MODULE}/events`;
    const before = await rowCounts();
    expect((await anonymous('POST', url, { kind: 'view' })).statusCode).toBe(204);
    const second = await anonymous('POST', url, { kind: 'view' });
    expect(second.statusCode).toBe(204);
    expect(second.headers['set-cookie']).toBeUndefined();
    expect((await anonymous('POST', url, { kind: 'completed' })).statusCode).toBe(204);
    const after = await rowCounts();
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed).toEqual(['learning_public_counts']);
    expect(after.learning_public_counts).toBe((before.learning_public_counts ?? 0) + 1);
    const rows = await t.dbh.db.selectFrom('learning_public_counts').selectAll().where('organization_id', '=', org.id).execute();
    expect(rows).toEqual([{ organization_id: org.id, module_id: PATIENT_MODULE, day: '2026-12-01', views: 2, completions: 1 }]);

    clock.advance(86_400_000);
    expect((await anonymous('POST', url, { kind: 'view' })).statusCode).toBe(204);
    // The admin's session expired overnight: sign in again.
    const fresh = await orgAdmin(t, org.id);
    expect((await fresh.client.get(`/api/orgs/${org.id}/learning/public-page`)).json()).toMatchObject({ views: 3, completions: 1 });

    // A staff module is not counted either; bad input names its field.
    const staff = await anonymous('POST', `/api/public/learning/${page.slug}/modules/${STAFF_MODULE}/events`, { kind: 'view' });
    expect(staff.statusCode).toBe(404);
    const bad = await anonymous('POST', url, { kind: 'answer', choice: 2 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.kind');
    const rowsAfter = await t.dbh.db
      .selectFrom('learning_public_counts')
      .select('module_id')
      .where('organization_id', '=', org.id)
      .execute();
    expect(rowsAfter.map((r) => r.module_id)).toEqual([PATIENT_MODULE, PATIENT_MODULE]);
  });

  it('answers 404 for an unknown or disabled page, and can be enabled again', async () => {
    const { org, admin, page } = await tenant();
    expect((await anonymous('GET', '/api/public/learning/not-a-real-slug')).statusCode).toBe(404);
    const off = await admin.client.put(`/api/orgs/${org.id}/learning/public-page`, { enabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ slug: page.slug, enabled: false });
    expect((await anonymous('GET', `/api/public/learning/${page.slug}`)).statusCode).toBe(404);
    expect((await anonymous('GET', `/api/public/learning/${page.slug}/modules/${PATIENT_MODULE}`)).statusCode).toBe(404);
    const event = await anonymous('POST', `/api/public/learning/${page.slug}/modules/${PATIENT_MODULE}/events`, { kind: 'view' });
    expect(event.statusCode).toBe(404);
    expect(await t.dbh.db.selectFrom('learning_public_counts').selectAll().where('organization_id', '=', org.id).execute()).toEqual([]);

    const on = await admin.client.put(`/api/orgs/${org.id}/learning/public-page`, { enabled: true });
    expect(on.json()).toMatchObject({ slug: page.slug, enabled: true });
    expect((await anonymous('GET', `/api/public/learning/${page.slug}`)).statusCode).toBe(200);
    const actions = (await auditOf(t, org.id)).map((a) => a.action).filter((a) => a.startsWith('learning.public_page'));
    expect(actions).toEqual(['learning.public_page.created', 'learning.public_page.disabled', 'learning.public_page.enabled']);
    const badBody = await admin.client.put(`/api/orgs/${org.id}/learning/public-page`, { enabled: 'yes' });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().error.field).toBe('body.enabled');
  });
});
