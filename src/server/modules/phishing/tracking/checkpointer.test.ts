import { describe, expect, it } from 'vitest';
import { onPostgres, testDb } from '../../../../../test/helpers/db.js';
import { startCheckpointer } from './checkpointer.js';

describe.skipIf(onPostgres())('WAL checkpoints off the event loop (SQLite)', () => {
  it('takes over checkpoints while running and gives them back on stop', async () => {
    const dbh = await testDb();
    const sqlite = dbh.sqlite!;
    try {
      sqlite.exec('create table probe (id integer primary key, v text)');
      const checkpointer = startCheckpointer(sqlite, 50);
      expect(checkpointer).not.toBeNull();
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const insert = sqlite.prepare('insert into probe (v) values (?)');
      for (let i = 0; i < 200; i++) insert.run('x'.repeat(2000));
      // NOOP only reports (SQLite 3.51+): the copying must be the worker's.
      let remaining = -1;
      for (let tries = 0; tries < 100 && remaining !== 0; tries++) {
        await new Promise((r) => setTimeout(r, 50));
        const [status] = sqlite.pragma('wal_checkpoint(NOOP)') as Array<{ log: number; checkpointed: number }>;
        remaining = (status?.log ?? 0) - (status?.checkpointed ?? 0);
      }
      expect(remaining).toBe(0);
      await checkpointer!.stop();
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      await dbh.close();
    }
  });
});
