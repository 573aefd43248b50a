import SQLite from 'better-sqlite3';
import { type Generated, type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, withStatementCache } from './index.js';

describe('SQLite statement cache', () => {
  const opened: SQLite.Database[] = [];
  const raw = () => {
    const db = new SQLite(':memory:');
    db.exec("create table t (id integer primary key, v text); insert into t (v) values ('a'), ('b'), ('c')");
    opened.push(db);
    return db;
  };
  afterEach(() => {
    for (const db of opened.splice(0)) if (db.open) db.close();
  });

  it('compiles a statement once and keeps at most `size` of them, dropping the least recently used', () => {
    const cache = withStatementCache(raw(), 2);
    const first = cache.prepare('select v from t where id = ?');
    expect(cache.prepare('select v from t where id = ?')).toBe(first);
    expect(first.all([2])).toEqual([{ v: 'b' }]);
    const other = cache.prepare('select count(*) as n from t');
    cache.prepare('select v from t where id = ?'); // used again: the count is now the oldest
    cache.prepare('select max(id) as m from t');
    expect(cache.prepare('select v from t where id = ?')).toBe(first);
    expect(cache.prepare('select count(*) as n from t')).not.toBe(other);
  });

  it('gives a statement of its own while the kept one is still being iterated', () => {
    const cache = withStatementCache(raw());
    const iterating = cache.prepare('select v from t order by id');
    const rows = iterating.iterate([]);
    expect(rows.next().value).toEqual({ v: 'a' });
    const meanwhile = cache.prepare('select v from t order by id');
    expect(meanwhile).not.toBe(iterating);
    expect(meanwhile.all([])).toHaveLength(3);
    expect([...rows]).toEqual([{ v: 'b' }, { v: 'c' }]);
    expect(cache.prepare('select v from t order by id')).toBe(iterating);
  });

  it('closes the database', () => {
    const db = raw();
    withStatementCache(db).close();
    expect(db.open).toBe(false);
  });

  it('keeps Kysely working across schema changes, pragmas, rollbacks and streams', async () => {
    const dbh = openDatabase(':memory:');
    try {
      const db = dbh.db as unknown as Kysely<{ notes: { id: Generated<number>; body: string } }>;
      await sql`create table notes (id integer primary key, body text not null)`.execute(db);
      await sql`insert into notes (body) values ('un'), ('deux')`.execute(db);
      const all = async () => (await sql<Record<string, unknown>>`select * from notes order by id`.execute(db)).rows;
      expect(await all()).toEqual([
        { id: 1, body: 'un' },
        { id: 2, body: 'deux' },
      ]);
      // The kept `select *` is compiled again by SQLite after the change: the new column shows.
      await sql`alter table notes add column lang text not null default 'fr'`.execute(db);
      expect((await all())[0]).toEqual({ id: 1, body: 'un', lang: 'fr' });
      await sql`pragma user_version = 7`.execute(db);
      expect((await sql<{ user_version: number }>`pragma user_version`.execute(db)).rows).toEqual([{ user_version: 7 }]);
      await expect(
        db.transaction().execute(async (trx) => {
          await trx.insertInto('notes').values({ body: 'trois' }).execute();
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const bodies: string[] = [];
      for await (const row of db.selectFrom('notes').select('body').orderBy('id').stream()) bodies.push(row.body);
      expect(bodies).toEqual(['un', 'deux']);
      for await (const row of db.selectFrom('notes').select('body').orderBy('id').stream()) bodies.push(row.body);
      expect(bodies).toHaveLength(4);
    } finally {
      await dbh.close();
    }
  });
});
