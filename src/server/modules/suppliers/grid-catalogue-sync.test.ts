import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedDb, onPostgres } from '../../../../test/helpers/db.js';
import { fromJson } from '../../db/dialect.js';
import type { DbHandle } from '../../db/index.js';
import { syncGridCatalogue } from './grid-catalogue-sync.js';
import { type GridDefinition, questionsOf } from './grid-definition.js';

// The catalogue rows are shared by every organization: this test changes them, so it runs on a
// database of its own and on a copy of the content folder.
describe('audit grid catalogue sync', () => {
  let dbh: DbHandle;
  let dir: string;
  let dbName = '';

  beforeAll(async () => {
    dbh = await isolatedDb();
    if (onPostgres())
      dbName = String((await dbh.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('n')).executeTakeFirstOrThrow()).n);
    dir = mkdtempSync(join(tmpdir(), 'rempart-grids-'));
    cpSync('content/suppliers/grids', dir, { recursive: true });
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

  const rows = () => dbh.db.selectFrom('supplier_grids').selectAll().where('organization_id', 'is', null).orderBy('id').execute();

  it('loads every grid once even when two processes start together; a restart changes nothing', async () => {
    const [a, b] = await Promise.all([
      syncGridCatalogue(dbh.db, '2026-12-01T08:00:00.000Z', dir),
      syncGridCatalogue(dbh.db, '2026-12-01T08:00:00.000Z', dir),
    ]);
    expect(a.grids).toBe(5);
    expect(a.changed + b.changed).toBe(5);
    const loaded = await rows();
    expect(loaded.map((r) => r.id)).toEqual([
      'connected-medical-devices',
      'digital-hygiene',
      'gdpr-processor',
      'hds-provider',
      'remote-maintenance',
    ]);
    for (const r of loaded) expect(r).toMatchObject({ origin: 'catalogue', version: 1, archived: 0, forked_from: null });
    const hygiene = loaded.find((r) => r.id === 'digital-hygiene')!;
    expect(questionsOf(fromJson<GridDefinition>(hygiene.definition, { sections: [] }))).toHaveLength(42);
    expect((await syncGridCatalogue(dbh.db, '2026-12-02T08:00:00.000Z', dir)).changed).toBe(0);
  });

  it('rewrites a grid whose version was bumped and archives a grid removed from the content', async () => {
    const file = join(dir, 'remote-maintenance.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('version: 1', 'version: 2').replace('Télémaintenance"', 'Télémaintenance des prestataires"'),
    );
    rmSync(join(dir, 'connected-medical-devices.yaml'));
    const result = await syncGridCatalogue(dbh.db, '2026-12-03T08:00:00.000Z', dir);
    expect(result).toEqual({ grids: 4, changed: 2 });
    const after = new Map((await rows()).map((r) => [r.id, r]));
    expect(after.get('remote-maintenance')).toMatchObject({
      version: 2,
      title_fr: 'Télémaintenance des prestataires',
      updated_at: '2026-12-03T08:00:00.000Z',
    });
    expect(after.get('connected-medical-devices')).toMatchObject({ archived: 1, version: 1 });
    expect(after.get('digital-hygiene')!.updated_at).toBe('2026-12-01T08:00:00.000Z');
  });
});
