import { afterEach, describe, expect, inject, it } from 'vitest';
import { onPostgres, testDb } from '../../../../test/helpers/db.js';
import type { DbHandle } from '../../db/index.js';
import { newId } from '../ids.js';
import { type LiveServer, sqliteFile, startLiveServer } from './live-test-kit.js';
import { openSse, type SseConnection } from './sse-client.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Topics are unique per test: on PostgreSQL the whole run shares one database. */
const topic = (name: string) => `test:${newId()}:${name}`;
/** On PostgreSQL each hub listens as in production, so delivery does not wait for the safety poll. */
const listen = onPostgres() ? { listenUrl: inject('pgUrl') } : {};

describe('live events over Server-Sent Events', () => {
  const open: Array<{ close(): unknown }> = [];
  const track = <T extends { close(): unknown }>(x: T): T => {
    open.push(x);
    return x;
  };
  afterEach(async () => {
    for (const x of open.splice(0).reverse()) await x.close();
  });

  const server = async (opts: Parameters<typeof startLiveServer>[1] = {}): Promise<LiveServer> =>
    track(await startLiveServer(await testDb(), { ...opts, hub: { ...listen, ...opts.hub } }));
  const connect = async (url: string, headers: Record<string, string> = {}): Promise<SseConnection> =>
    track(await openSse(url, { headers }));
  const ids = (c: SseConnection) => c.events.map((e) => Number(e.id));

  it('streams a published event with its kind and payload, and tells browsers how to reconnect', async () => {
    const s = await server();
    const t = topic('cell');
    const c = await connect(s.url([t]));
    expect(c.status).toBe(200);
    expect(c.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(c.headers['cache-control']).toContain('no-cache');
    const published = await s.hub.publish(s.dbh.db, t, 'stimulus.delivered', { title: 'Appel de l’ARS', n: 1 });
    const [e] = await c.waitFor(1);
    expect(e).toMatchObject({ id: String(published.id), event: 'stimulus.delivered' });
    expect(JSON.parse(e?.data ?? '')).toEqual({ title: 'Appel de l’ARS', n: 1 });
    expect(c.retryMs).toBe(2000);
    await s.hub.publish(s.dbh.db, topic('other'), 'x', {});
    await sleep(100);
    expect(c.events).toHaveLength(1);
  });

  it('replays exactly the missed events, in order and none twice, after Last-Event-ID', async () => {
    const s = await server();
    const [a, b, other] = [topic('a'), topic('b'), topic('other')];
    const first = await connect(s.url([a, b]));
    for (const t of [a, b, a]) await s.hub.publish(s.dbh.db, t, 'step', { t });
    await first.waitFor(3);
    first.close();
    const missed = [];
    for (const t of [b, other, a, other, a]) {
      const e = await s.hub.publish(s.dbh.db, t, 'step', { t });
      if (t !== other) missed.push(e.id);
    }
    const again = await connect(s.url([a, b]), { 'last-event-id': first.lastEventId });
    await again.waitFor(3);
    const live = await s.hub.publish(s.dbh.db, b, 'step', {});
    await again.waitFor(4);
    await sleep(100);
    expect(ids(again)).toEqual([...missed, live.id]);
    expect(Math.min(...ids(again))).toBeGreaterThan(Math.max(...ids(first)));

    // The same cursor in the query string (a page that kept it) gives the same replay.
    const byQuery = await connect(s.url([a, b], `lastEventId=${first.lastEventId}`));
    await byQuery.waitFor(4);
    expect(ids(byQuery)).toEqual(ids(again));
  });

  it('gives a client that came without a cursor its position, so its reconnection misses nothing', async () => {
    const s = await server();
    const t = topic('late');
    await s.hub.publish(s.dbh.db, t, 'before', {});
    const c = await connect(s.url([t]));
    await sleep(100);
    expect(c.events).toHaveLength(0);
    expect(Number(c.lastEventId)).toBeGreaterThan(0);
    c.close();
    const missed = await s.hub.publish(s.dbh.db, t, 'while.away', {});
    const again = await connect(s.url([t]), { 'last-event-id': c.lastEventId });
    await again.waitFor(1);
    expect(ids(again)).toEqual([missed.id]);
  });

  it('delivers an event with its transaction, never one whose transaction rolled back', async () => {
    const s = await server();
    const t = topic('trx');
    const c = await connect(s.url([t]));
    await expect(
      s.dbh.db.transaction().execute(async (trx) => {
        await s.hub.publish(trx, t, 'rolled.back', {});
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const kept = await s.dbh.db.transaction().execute((trx) => s.hub.publish(trx, t, 'committed', { ok: true }));
    await c.waitFor(1);
    await sleep(150);
    expect(c.events.map((e) => [Number(e.id), e.event])).toEqual([[kept.id, 'committed']]);
    expect(await s.hub.replay([t], 0)).toHaveLength(1);
  });

  it('refuses a malformed Last-Event-ID with a 400 naming the field', async () => {
    const s = await server();
    for (const headers of [{ 'last-event-id': 'abc' }, { 'last-event-id': '-1' }, { 'last-event-id': '1e3' }]) {
      const res = await s.app.inject({ method: 'GET', url: `/live?topics=${topic('x')}`, headers });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid_last_event_id', field: 'lastEventId' } });
    }
    const res = await s.app.inject({ method: 'GET', url: `/live?topics=${topic('x')}&lastEventId=1;drop` });
    expect(res.statusCode).toBe(400);
  });

  it('sends heartbeats and drops a client that stops reading instead of buffering for it', async () => {
    const s = await server({ stream: { heartbeatMs: 50, maxBufferedBytes: 64 * 1024 } });
    const t = topic('slow');
    const idle = await connect(s.url([topic('quiet')]));
    await sleep(200);
    expect(idle.comments).toBeGreaterThanOrEqual(2);

    const slow = await openSse(s.url([t]));
    track(slow);
    // Stop reading: the kernel buffers fill, then the server's buffer grows past the limit.
    slow.pause();
    const big = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 60; i++) await s.hub.publish(s.dbh.db, t, 'big', { big, i });
    const dropped = await Promise.race([slow.closed.then(() => true), sleep(5_000).then(() => false)]);
    expect(dropped).toBe(true);
  });
});

describe('live streams lifecycle', () => {
  it('forgets a stream when its client leaves, and ends open streams when the app closes', async () => {
    const s = await startLiveServer(await testDb(), { hub: listen });
    const [a, b] = [topic('a'), topic('b')];
    const leaving = await Promise.all([openSse(s.url([a, b])), openSse(s.url([a]))]);
    const staying = await openSse(s.url([b]));
    expect(s.hub.listenerCount()).toBe(4);
    for (const c of leaving) c.close();
    for (let i = 0; i < 60 && s.hub.listenerCount() > 1; i++) await sleep(50);
    expect(s.hub.listenerCount()).toBe(1);
    const closing = s.close();
    await Promise.race([staying.closed, sleep(3_000).then(() => Promise.reject(new Error('stream still open')))]);
    await closing;
    expect(s.hub.listenerCount()).toBe(0);
  });
});

describe('live events across restarts and processes', () => {
  it('loses nothing across an app restart on the same database', async () => {
    const file = onPostgres() ? null : await sqliteFile();
    const openDb = (): Promise<DbHandle> => (file ? file.open() : testDb());
    const t = topic('restart');

    const before = await startLiveServer(await openDb(), { hub: listen });
    const c = await openSse(before.url([t]));
    await before.hub.publish(before.dbh.db, t, 'seen', {});
    await c.waitFor(1);
    c.close();
    const missed = [(await before.hub.publish(before.dbh.db, t, 'missed', { n: 1 })).id];
    missed.push((await before.hub.publish(before.dbh.db, t, 'missed', { n: 2 })).id);
    await before.close();

    const after = await startLiveServer(await openDb(), { hub: listen });
    try {
      missed.push((await after.hub.publish(after.dbh.db, t, 'missed', { n: 3 })).id);
      const again = await openSse(after.url([t]), { headers: { 'last-event-id': c.lastEventId } });
      await again.waitFor(3);
      await sleep(100);
      expect(again.events.map((e) => Number(e.id))).toEqual(missed);
      expect(again.events.map((e) => JSON.parse(e.data).n)).toEqual([1, 2, 3]);
      again.close();
    } finally {
      await after.close();
    }
  });
});
