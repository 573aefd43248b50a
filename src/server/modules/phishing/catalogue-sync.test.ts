import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedDb, onPostgres } from '../../../../test/helpers/db.js';
import { makeOrg } from '../../../../test/helpers/factories.js';
import { fromJson } from '../../db/dialect.js';
import type { DbHandle } from '../../db/index.js';
import { syncPhishingCatalogue } from './catalogue-sync.js';

// The catalogue rows are shared by every organization: this test changes them, so it runs on a
// database of its own and on a copy of content/phishing.
describe('phishing catalogue sync', () => {
  let dbh: DbHandle;
  let dir: string;
  let dbName = '';
  const templateFiles = () => readdirSync(join(dir, 'templates')).filter((f) => f.endsWith('.html'));

  beforeAll(async () => {
    dbh = await isolatedDb();
    if (onPostgres())
      dbName = String((await dbh.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('n')).executeTakeFirstOrThrow()).n);
    dir = mkdtempSync(join(tmpdir(), 'rempart-phishing-content-'));
    cpSync('content/phishing', dir, { recursive: true });
  });
  afterAll(async () => {
    await dbh.close();
    rmSync(dir, { recursive: true, force: true });
    if (dbName) {
      const c = new pg.Client({ connectionString: process.env.REMPART_TEST_PG_URL ?? process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${dbName}`).catch(() => undefined);
      await c.end();
    }
  });

  it('loads every template and landing page once, even when two processes start together', async () => {
    const [a, b] = await Promise.all([
      syncPhishingCatalogue(dbh.db, dir, '2026-12-01T08:00:00.000Z'),
      syncPhishingCatalogue(dbh.db, dir, '2026-12-01T08:00:00.000Z'),
    ]);
    const templates = templateFiles().length / 2;
    expect(a.templates).toBe(templates);
    expect(a.landingPages).toBe(readdirSync(join(dir, 'landing')).filter((f) => f.endsWith('.html')).length / 2);
    // One of the two did the work, the other found it done.
    expect(a.changed + b.changed).toBe(a.templates + a.landingPages);
    const rows = await dbh.db.selectFrom('phishing_templates').selectAll().execute();
    expect(rows).toHaveLength(templates);
    for (const r of rows) {
      expect(r).toMatchObject({ organization_id: null, origin: 'catalogue', archived: 0 });
      expect(r.cue_count).toBeGreaterThanOrEqual(3);
    }
    const texts = await dbh.db.selectFrom('phishing_template_texts').selectAll().execute();
    expect(texts).toHaveLength(templates * 2);
    for (const t of texts) {
      expect(t.html).toContain('href="{{link}}"');
      expect(t.html).not.toMatch(/<script|\son[a-z]+=/i);
      // Every body cue mark survives sanitising.
      for (const cue of fromJson<Array<{ id: string }>>(t.cues, [])) {
        if (!cue.id.startsWith('sender') && !cue.id.startsWith('subject'))
          expect(t.html, `${t.template_id} ${cue.id}`).toContain(`data-cue="${cue.id}"`);
      }
    }
    expect(await dbh.db.selectFrom('phishing_landing_page_texts').select('html').execute()).not.toHaveLength(0);
  });

  it('changes nothing on a restart, updates on a version bump, archives what content dropped', async () => {
    expect((await syncPhishingCatalogue(dbh.db, dir, '2026-12-02T08:00:00.000Z')).changed).toBe(0);
    const [first, second] = templateFiles()
      .filter((f) => f.endsWith('.fr.html'))
      .map((f) => f.replace('.fr.html', ''));
    const org = await makeOrg(dbh.db);
    const now = '2026-12-02T08:00:00.000Z';
    // An organization's fork of `first` is never touched by the sync.
    await dbh.db
      .insertInto('phishing_templates')
      .values({
        id: 'fork-of-first-0001',
        organization_id: org.id,
        origin: 'fork',
        forked_from: first!,
        theme: 'it-notice',
        audiences: '[]',
        landing_page_id: null,
        premise_alignment: 'low',
        cue_count: 0,
        difficulty: 'moderately-difficult',
        version: 7,
        archived: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const lang of ['fr', 'en']) {
      const path = join(dir, 'templates', `${first}.${lang}.html`);
      writeFileSync(
        path,
        readFileSync(path, 'utf8')
          .replace(/^version: \d+$/m, 'version: 2')
          .replace(/^subject: .*$/m, `subject: "Nouvel objet ${lang}"`),
      );
    }
    rmSync(join(dir, 'templates', `${second}.fr.html`));
    rmSync(join(dir, 'templates', `${second}.en.html`));

    const res = await syncPhishingCatalogue(dbh.db, dir, '2026-12-03T08:00:00.000Z');
    expect(res.changed).toBe(2);
    const bumped = await dbh.db.selectFrom('phishing_templates').selectAll().where('id', '=', first!).executeTakeFirstOrThrow();
    expect(bumped).toMatchObject({ version: 2, updated_at: '2026-12-03T08:00:00.000Z', archived: 0 });
    const subjects = await dbh.db
      .selectFrom('phishing_template_texts')
      .select(['language', 'subject'])
      .where('template_id', '=', first!)
      .orderBy('language')
      .execute();
    expect(subjects).toEqual([
      { language: 'en', subject: 'Nouvel objet en' },
      { language: 'fr', subject: 'Nouvel objet fr' },
    ]);
    const dropped = await dbh.db.selectFrom('phishing_templates').select(['archived']).where('id', '=', second!).executeTakeFirstOrThrow();
    expect(dropped.archived).toBe(1);
    const fork = await dbh.db.selectFrom('phishing_templates').selectAll().where('id', '=', 'fork-of-first-0001').executeTakeFirstOrThrow();
    expect(fork).toMatchObject({ version: 7, organization_id: org.id, premise_alignment: 'low' });
    expect((await syncPhishingCatalogue(dbh.db, dir, '2026-12-04T08:00:00.000Z')).changed).toBe(0);
  });

  it('does nothing when the content folder is absent', async () => {
    expect(await syncPhishingCatalogue(dbh.db, join(dir, 'nowhere'), '2026-12-05T08:00:00.000Z')).toEqual({
      templates: 0,
      landingPages: 0,
      changed: 0,
    });
  });
});
