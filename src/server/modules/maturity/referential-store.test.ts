import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { isolatedDb } from '../../../../test/helpers/db.js';
import type { DbHandle } from '../../db/index.js';
import { REFERENTIAL_FILE } from './referential-check.js';
import { ReferentialStore, syncReferential } from './referential-store.js';

const AT = '2026-11-29T12:00:00.000Z';

describe('referential versions: stored once at start-up, never rewritten', () => {
  let dbh: DbHandle;
  beforeAll(async () => {
    // Its own database: this test publishes versions every other test would otherwise pick up.
    dbh = await isolatedDb();
  });
  afterAll(async () => dbh.close());

  it('adds a row per version, keeps older ones for their diagnostics and reports an edit without a bump', async () => {
    const first = await syncReferential(dbh.db, AT);
    expect(first).toMatchObject({ inserted: true, drift: false });
    expect(await syncReferential(dbh.db, AT)).toMatchObject({ inserted: false, drift: false });

    const raw = parse(readFileSync(REFERENTIAL_FILE, 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'rempart-referential-'));
    const next = join(dir, 'next.yaml');
    writeFileSync(next, stringify({ ...raw, version: raw.version + 1, title: { fr: 'Référentiel suivant', en: 'Next referential' } }));
    expect(await syncReferential(dbh.db, AT, next)).toMatchObject({ version: raw.version + 1, inserted: true });

    const store = new ReferentialStore();
    const current = await store.current(dbh.db);
    expect(current.versionId).toBe(`${raw.id}@${raw.version + 1}`);
    expect(current.ref.title.fr).toBe('Référentiel suivant');
    expect((await store.byVersionId(dbh.db, `${raw.id}@${raw.version}`)).title.fr).toBe(raw.title.fr);

    const edited = join(dir, 'edited.yaml');
    writeFileSync(edited, stringify({ ...raw, version: raw.version + 1, title: { fr: 'Modifié en douce', en: 'Quietly edited' } }));
    expect(await syncReferential(dbh.db, AT, edited)).toMatchObject({ inserted: false, drift: true });
    const row = await dbh.db
      .selectFrom('maturity_referentials')
      .select('title_fr')
      .where('id', '=', current.versionId)
      .executeTakeFirstOrThrow();
    expect(row.title_fr).toBe('Référentiel suivant');
    expect(await dbh.db.selectFrom('maturity_referentials').select('id').execute()).toHaveLength(2);
  });
});
