import { type Agent, request } from 'node:http';

/** One event as a Server-Sent Events client sees it. */
export interface ReceivedEvent {
  id: string;
  event: string;
  data: string;
  /** performance.now() when the frame was parsed. */
  at: number;
}

export interface SseConnection {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  events: ReceivedEvent[];
  /** The last `id:` seen, as a browser keeps it for its reconnection. */
  lastEventId: string;
  retryMs: number | null;
  comments: number;
  /** Resolves when `count` events have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedEvent[]>;
  onEvent: ((e: ReceivedEvent) => void) | null;
  closed: Promise<void>;
  /** Stops reading from the socket (a phone that froze), to test what the server does then. */
  pause(): void;
  close(): void;
}

/**
 * A minimal EventSource over node:http, for tests and bench/live-fanout.ts: parses id, event, data
 * and retry fields and comment lines as the HTML specification does (no automatic reconnection:
 * tests reconnect on purpose with `lastEventId`).
 */
export function openSse(url: string, opts: { headers?: Record<string, string>; agent?: Agent } = {}): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...opts.headers }, ...(opts.agent ? { agent: opts.agent } : {}) });
    req.on('error', reject);
    req.on('response', (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      let id = '';
      let event = '';
      let data: string[] = [];
      let waiters: Array<{ count: number; done: () => void }> = [];
      let endClosed: () => void = () => {};
      const conn: SseConnection = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        lastEventId: '',
        retryMs: null,
        comments: 0,
        onEvent: null,
        closed: new Promise((r) => {
          endClosed = r;
        }),
        waitFor(count, timeoutMs = 5_000) {
          if (conn.events.length >= count) return Promise.resolve(conn.events);
          return new Promise((ok, ko) => {
            const timer = setTimeout(() => ko(new Error(`got ${conn.events.length} of ${count} events`)), timeoutMs);
            waiters.push({
              count,
              done: () => {
                clearTimeout(timer);
                ok(conn.events);
              },
            });
          });
        },
        pause: () => {
          res.pause();
        },
        close: () => {
          req.destroy();
          res.destroy();
        },
      };
      const line = (l: string) => {
        if (l === '') {
          conn.lastEventId = id;
          if (data.length > 0) {
            const e = { id, event: event || 'message', data: data.join('\n'), at: performance.now() };
            conn.events.push(e);
            conn.onEvent?.(e);
            const ready = waiters.filter((w) => conn.events.length >= w.count);
            waiters = waiters.filter((w) => conn.events.length < w.count);
            for (const w of ready) w.done();
          }
          event = '';
          data = [];
          return;
        }
        if (l.startsWith(':')) {
          conn.comments += 1;
          return;
        }
        const colon = l.indexOf(':');
        const field = colon < 0 ? l : l.slice(0, colon);
        const value = colon < 0 ? '' : l.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') id = value;
        else if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'retry' && /^\d+$/.test(value)) conn.retryMs = Number(value);
      };
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let nl = buffer.indexOf('\n');
        while (nl >= 0) {
          line(buffer.slice(0, nl).replace(/\r$/, ''));
          buffer = buffer.slice(nl + 1);
          nl = buffer.indexOf('\n');
        }
      });
      res.on('close', () => endClosed());
      res.on('error', () => endClosed());
      resolve(conn);
    });
    req.end();
  });
}
