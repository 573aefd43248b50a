import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid } from '../errors.js';
import type { LiveEvent, LiveHub } from './hub.js';

export interface LiveStreamOptions {
  /** A comment line this often keeps proxies and phones from closing an idle stream. */
  heartbeatMs?: number;
  /** Bytes a client may leave unread before it is dropped (it replays what it missed on reconnect). */
  maxBufferedBytes?: number;
}

interface LiveRegistration {
  hub: LiveHub;
  heartbeatMs: number;
  maxBufferedBytes: number;
  /** Open streams, ended before the server closes (an open response would hold close() forever). */
  streams: Set<ServerResponse>;
}

/** Browsers wait this long before reconnecting by themselves. */
const RETRY_MS = 2_000;
const REPLAY_PAGE = 500;
/** Live events held while replaying; beyond this the replay simply reads the table once more. */
const MAX_PENDING = 1_000;
const MAX_TOPICS = 100;
const frames = new WeakMap<LiveEvent, string>();

/** The SSE frame of an event, built once however many clients receive it. */
export function frameOf(event: LiveEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) {
    const data = event.payload
      .split(/\r\n|\r|\n/)
      .map((line) => `data: ${line}\n`)
      .join('');
    frame = `id: ${event.id}\nevent: ${event.kind}\n${data}\n`;
    frames.set(event, frame);
  }
  return frame;
}

/**
 * Makes the hub available to `streamTopics`, starts it with the app, and ends the open streams
 * and the hub when the app closes. Call once, before the modules register their routes.
 */
export async function registerLive(app: FastifyInstance, hub: LiveHub, opts: LiveStreamOptions = {}): Promise<void> {
  const registration: LiveRegistration = {
    hub,
    heartbeatMs: opts.heartbeatMs ?? 15_000,
    maxBufferedBytes: opts.maxBufferedBytes ?? 1_048_576,
    streams: new Set(),
  };
  app.decorate('liveRegistration', registration);
  app.addHook('onReady', async () => hub.start());
  app.addHook('preClose', async () => {
    for (const res of registration.streams) res.end();
    registration.streams.clear();
  });
  app.addHook('onClose', async () => hub.stop());
}

/** A Last-Event-ID as sent by a client: null when absent, else a whole number, else a 400 naming the field. */
export function parseLastEventId(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return null;
  if (!/^\d{1,15}$/.test(raw)) {
    throw new Invalid(
      'invalid_last_event_id',
      {
        fr: 'Identifiant du dernier événement reçu invalide : un nombre entier est attendu.',
        en: 'Invalid last event id: a whole number is expected.',
      },
      'lastEventId',
    );
  }
  return Number(raw);
}

/** Where the client says it stopped: the Last-Event-ID header (browser reconnection) first. */
function requestedCursor(request: FastifyRequest, lastEventId: string | undefined): number | null {
  const header = request.headers['last-event-id'];
  const query = (request.query as Record<string, unknown> | undefined)?.lastEventId;
  return parseLastEventId(
    typeof header === 'string' && header !== '' ? header : (lastEventId ?? (typeof query === 'string' ? query : undefined)),
  );
}

/**
 * Answers with a Server-Sent Events stream of the topics: first every stored event after the
 * client's Last-Event-ID (header, `lastEventId` argument or `?lastEventId=`), then new ones as they
 * are published, each once and in order. Without a cursor the stream starts at the newest event
 * and tells the client its position, so a reconnection misses nothing either way. The caller has
 * checked that the actor may read these topics.
 */
export async function streamTopics(
  request: FastifyRequest,
  reply: FastifyReply,
  topics: readonly string[],
  lastEventId?: string,
): Promise<void> {
  const live = (request.server as FastifyInstance & { liveRegistration?: LiveRegistration }).liveRegistration;
  if (!live) throw new Error('registerLive() was not called on this app');
  if (topics.length === 0 || topics.length > MAX_TOPICS) throw new Error(`streamTopics: 1 to ${MAX_TOPICS} topics`);
  const requested = requestedCursor(request, lastEventId);
  const { hub } = live;

  // Listen before reading the table: an event is then either in the table read or in `pending`.
  let pending: LiveEvent[] | null = [];
  let overflow = false;
  let lastSent = 0;
  let closed = false;
  const res = reply.raw;
  const send = (event: LiveEvent): void => {
    if (closed || event.id <= lastSent) return;
    res.write(frameOf(event));
    lastSent = event.id;
  };
  const unsubscribe = hub.subscribe(topics, (event) => {
    if (pending) {
      if (pending.length < MAX_PENDING) pending.push(event);
      else overflow = true;
      return;
    }
    send(event);
    // A client that does not read is dropped rather than held in memory; it replays on reconnect.
    if (res.writableLength > live.maxBufferedBytes) res.destroy();
  });
  let newest: number;
  try {
    newest = await hub.latestId();
  } catch (err) {
    unsubscribe();
    throw err;
  }
  // A cursor from the future (a restored database) would hide new events: take the newest instead.
  lastSent = requested === null ? newest : Math.min(requested, newest);

  let heartbeat: NodeJS.Timeout | null = null;
  const cleanup = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    if (heartbeat) clearInterval(heartbeat);
    live.streams.delete(res);
  };
  reply.hijack();
  res.on('close', cleanup);
  res.on('error', cleanup);
  // The client may have gone while we read the table: its 'close' has already fired then.
  if (res.destroyed || request.raw.socket?.destroyed) {
    cleanup();
    return;
  }
  live.streams.add(res);
  res.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
    // nginx and other buffering proxies would otherwise hold events back.
    'x-accel-buffering': 'no',
  });
  // The cursor line sets the browser's last event id without dispatching anything.
  res.write(`retry: ${RETRY_MS}\nid: ${lastSent}\n\n`);

  try {
    for (;;) {
      if (closed) return;
      const page = await hub.replay(topics, lastSent, REPLAY_PAGE);
      for (const event of page) send(event);
      if (page.length === REPLAY_PAGE) {
        if (res.writableLength > live.maxBufferedBytes && !closed) await Promise.race([once(res, 'drain'), once(res, 'close')]);
        continue;
      }
      if (!overflow) break;
      // Live events were dropped from `pending`: they are committed, so the table has them.
      overflow = false;
      pending = [];
    }
  } catch (err) {
    request.log.warn({ err }, 'live: replay failed');
    res.destroy();
    return;
  }
  const held = pending;
  pending = null;
  for (const event of held) send(event);

  heartbeat = setInterval(() => {
    if (!closed) res.write(': keep-alive\n\n');
  }, live.heartbeatMs);
  heartbeat.unref();
}
