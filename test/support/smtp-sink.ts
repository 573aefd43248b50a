/**
 * A real SMTP server that keeps every message it receives, for integration and e2e tests.
 *
 * From code:   const sink = await startSmtpSink(); sink.url -> 'smtp://127.0.0.1:<port>'
 * As a script: npx tsx test/support/smtp-sink.ts [--port 2525] [--http-port 2580]
 *              prints SMTP_URL=... and SMTP_SINK_HTTP=...; GET <http>/messages lists what
 *              arrived (JSON), DELETE <http>/messages forgets it. Env: SMTP_SINK_PORT, SMTP_SINK_HTTP_PORT.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port>, to use as SMTP_URL. */
  url: string;
  port: number;
  messages: SinkMessage[];
  /** Resolves with the first message (already received or to come) that matches. */
  waitFor(match: (m: SinkMessage) => boolean, timeoutMs?: number): Promise<SinkMessage>;
  clear(): void;
  stop(): Promise<void>;
}

export async function startSmtpSink(opts: { port?: number; host?: string } = {}): Promise<SmtpSink> {
  const host = opts.host ?? '127.0.0.1';
  const messages: SinkMessage[] = [];
  const waiters = new Set<{ match: (m: SinkMessage) => boolean; resolve: (m: SinkMessage) => void }>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(_auth, _session, cb) {
      cb(null, { user: 'sink' });
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((parsed) => {
          const from = parsed.from?.value[0]?.address ?? '';
          const message: SinkMessage = {
            from,
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            receivedAt: new Date().toISOString(),
          };
          messages.push(message);
          for (const w of [...waiters]) {
            if (w.match(message)) {
              waiters.delete(w);
              w.resolve(message);
            }
          }
          cb();
        })
        .catch((err: Error) => cb(err));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  // A client dropping its connection (ECONNRESET when a sender is killed or a test ends) is the
  // client's business: without a listener the 'error' event would crash the test process.
  server.on('error', () => {});

  return {
    url: `smtp://${host}:${port}`,
    port,
    messages,
    waitFor(match, timeoutMs = 10_000) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (m: SinkMessage) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No matching email within ${timeoutMs} ms (received ${messages.length})`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    clear() {
      messages.length = 0;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A small JSON view of the sink for browsers and other processes (the e2e suite). */
export async function startSinkHttp(sink: SmtpSink, port = 0, host = '127.0.0.1'): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/messages')) {
      if (req.method === 'DELETE') {
        sink.clear();
        res.writeHead(204).end();
        return;
      }
      const to = new URL(req.url, 'http://sink').searchParams.get('to')?.toLowerCase();
      const list = to ? sink.messages.filter((m) => m.to.includes(to)) : sink.messages;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, host, () => resolve()));
  return { url: `http://${host}:${(server.address() as AddressInfo).port}`, server };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(argValue('port') ?? process.env.SMTP_SINK_PORT ?? 0);
  const httpPort = Number(argValue('http-port') ?? process.env.SMTP_SINK_HTTP_PORT ?? 0);
  const sink = await startSmtpSink({ port });
  const http = await startSinkHttp(sink, httpPort);
  console.log(`SMTP_URL=${sink.url}`);
  console.log(`SMTP_SINK_HTTP=${http.url}`);
  const stop = async () => {
    http.server.close();
    await sink.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
