import { sql } from 'kysely';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { onPostgres, testDb } from '../../../../test/helpers/db.js';
import { newId } from '../ids.js';
import { type LiveServer, startLiveServer } from './live-test-kit.js';
import { openSse } from './sse-client.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const topic = (name: string) => `test:${newId()}:${name}`;

/** Two app processes on one PostgreSQL: each has its own pool, hub and LISTEN connection. */
describe.skipIf(!onPostgres())('live events between processes (PostgreSQL LISTEN/NOTIFY)', () => {
  const servers: LiveServer[] = [];
  // Safety polls slowed right down: delivery within the test must come from NOTIFY.
  const process = async () => {
    const s = await startLiveServer(await testDb(), { hub: { listenUrl: inject('pgUrl'), pollMs: 60_000 } });
    servers.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('delivers an event published by one process to a subscriber of another', async () => {
    const [writer, reader] = [await process(), await process()];
    const t = topic('cell');
    const c = await openSse(reader.url([t]));
    // The safety poll is a minute away: arriving within 2 s means NOTIFY carried it.
    const e = await writer.hub.publish(writer.dbh.db, t, 'stimulus', { to: 'DSI' });
    await c.waitFor(1, 2_000);
    // Published inside a transaction of the writer, it arrives once that commits.
    const inTrx = await writer.dbh.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      return writer.hub.publish(trx, t, 'logbook', { line: 'Cellule de crise activée' });
    });
    await c.waitFor(2, 2_000);
    expect(c.events.map((x) => Number(x.id))).toEqual([e.id, inTrx.id]);
    c.close();
  });

  it('keeps commit order when several processes publish at once', async () => {
    const [a, b, reader] = [await process(), await process(), await process()];
    const t = topic('burst');
    const c = await openSse(reader.url([t]));
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).hub.publish((i % 2 ? a : b).dbh.db, t, 'n', { i })));
    await c.waitFor(40, 5_000);
    const got = c.events.map((x) => Number(x.id));
    expect(got).toEqual([...got].sort((x, y) => x - y));
    expect(new Set(got).size).toBe(40);
    // A late reader replaying from zero sees the very same sequence.
    const late = await openSse(reader.url([t]), { headers: { 'last-event-id': '0' } });
    await late.waitFor(40);
    expect(late.events.map((x) => Number(x.id))).toEqual(got);
    c.close();
    late.close();
  });

  it('reconnects its LISTEN connection and catches up on what was published meanwhile', async () => {
    const [writer, reader] = [await process(), await process()];
    const t = topic('reconnect');
    const c = await openSse(reader.url([t]));
    // Cuts every LISTEN connection of this run's database, as a database failover would.
    const cut = await sql<{ done: boolean }>`select pg_terminate_backend(pid) as done from pg_stat_activity
              where datname = current_database() and query = 'listen rempart_live'`.execute(writer.dbh.db);
    expect(cut.rows.filter((r) => r.done).length).toBeGreaterThanOrEqual(2);
    const during = await writer.hub.publish(writer.dbh.db, t, 'during.outage', {});
    await c.waitFor(1, 5_000);
    const after = await writer.hub.publish(writer.dbh.db, t, 'after.outage', {});
    await c.waitFor(2, 5_000);
    await sleep(100);
    expect(c.events.map((x) => Number(x.id))).toEqual([during.id, after.id]);
    c.close();
  });
});
