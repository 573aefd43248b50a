import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { onPostgres } from '../../../../test/helpers/db.js';
import { type DbHandle, openDatabase } from '../../db/index.js';
import { FolderMigrationProvider } from '../../db/migrate.js';

const MIGRATION = '2026-11-29T1310_territory_sharing_mentoring';

/** An empty database of this test's own, so migrations can be run one step at a time. */
let pgName: string | null = null;

async function emptyDb(): Promise<DbHandle> {
  if (!onPostgres()) return openDatabase(`sqlite:${join(mkdtempSync(join(tmpdir(), 'rempart-mig-')), 'm.sqlite')}`);
  const base = inject('pgUrl');
  const name = `rempart_mig_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`create database ${name}`);
  pgName = name;
  await c.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return openDatabase(url.toString());
}

describe(`migration ${MIGRATION}`, () => {
  let dbh: DbHandle;
  afterAll(async () => {
    await dbh?.close();
    if (!pgName) return;
    const c = new pg.Client({ connectionString: inject('pgUrl') });
    await c.connect();
    await c.query(`drop database if exists ${pgName}`);
    await c.end();
  });

  it('turns each former "shares data" membership into consent for all six domains, and nothing else', async () => {
    dbh = await emptyDb();
    const provider = new FolderMigrationProvider();
    const names = Object.keys(await provider.getMigrations()).sort();
    const previous = names[names.indexOf(MIGRATION) - 1] as string;
    const migrator = new Migrator({ db: dbh.db, provider });
    expect((await migrator.migrateTo(previous)).error).toBeUndefined();

    const at = '2026-01-15T08:00:00.000Z';
    const org = (id: string) => ({
      id,
      name: id,
      short_name: null,
      kind: 'ch' as const,
      siret: null,
      city: null,
      search_text: id,
      archived: 0 as const,
      created_at: at,
      updated_at: at,
    });
    await dbh.db
      .insertInto('organizations')
      .values([org('o-share'), org('o-quiet')])
      .execute();
    await dbh.db
      .insertInto('territories')
      .values({ id: 't1', name: 'GHT', kind: 'ght', region: null, created_at: at, updated_at: at })
      .execute();
    await dbh.db
      .insertInto('territory_members')
      .values([
        { territory_id: 't1', organization_id: 'o-share', is_lead: 1, shares_data: 1, joined_at: at },
        { territory_id: 't1', organization_id: 'o-quiet', is_lead: 0, shares_data: 0, joined_at: at },
      ])
      .execute();

    expect((await migrator.migrateTo(MIGRATION)).error).toBeUndefined();
    const rows = await dbh.db.selectFrom('territory_sharing').selectAll().orderBy('domain').execute();
    expect(rows).toEqual(
      ['actions', 'exercises', 'maturity', 'phishing', 'suppliers', 'training'].map((domain) => ({
        territory_id: 't1',
        organization_id: 'o-share',
        domain,
        shared_since: at,
        changed_by: null,
      })),
    );
    // And back: the step can be undone.
    expect((await migrator.migrateTo(previous)).error).toBeUndefined();
  });
});
