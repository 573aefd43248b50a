import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { baseUrl } from '../../../config.js';
import type { AppDeps } from '../../../platform/context.js';
import { sha256Hex } from '../../../platform/ids.js';
import type { EventKind } from '../tables.js';
import { type ParsedAddress, parseAddress, truncateAddress } from './addresses.js';
import { Answers } from './answers.js';
import { type Checkpointer, startCheckpointer } from './checkpointer.js';
import { placeholderValues } from './email-view.js';
import { enrolFromTeachableMoment } from './enrol.js';
import type { TrackInput } from './event-steps.js';
import { eventStore } from './event-store.js';
import { loadEmail, loadLanding, loadModule, loadRecipient } from './page-data.js';
import { enrolPage, landingPage, notFoundPage, reportedPage, reportPage, tooLargePage, unavailablePage } from './pages.js';
import { EventRecorder } from './recorder.js';
import { scannerRules } from './scanner.js';
import { teachablePage } from './teachable.js';

/** A listener the phishing module starts and stops with the app. */
export interface Listener {
  listen(port: number, host: string): Promise<void>;
  close(): Promise<void>;
}

/** The tracking listener; `address()` tells tests and benches the ephemeral port. */
export interface TrackingServer extends Listener {
  address(): AddressInfo | null;
}

/** Tokens are 16 random bytes in base64url (22 characters); a little slack for longer ones. */
const TOKEN = /^[A-Za-z0-9_-]{22,64}$/;
/** Form bodies are counted, never read: past this size the request is refused. */
const BODY_LIMIT_BYTES = 64 * 1024;

class NotFoundAnswer extends Error {}

/**
 * The public tracking listener (docs/api-phishing.md, "Tracking"): a bare node:http server, no
 * framework, no session, no cookie. Open, click, beacon, submit and report hits are recorded in
 * per-tick batches (recorder.ts) and answered once committed.
 */
export function createTrackingServer(deps: AppDeps): TrackingServer {
  const { config } = deps;
  const rules = scannerRules(config);
  const recorder = new EventRecorder(eventStore(deps.dbh, rules), deps.clock);
  const publicBaseUrl = (config.PUBLIC_BASE_URL ?? `http://${config.HOST}:${config.PUBLIC_PORT}`).replace(/\/$/, '');
  const answers = new Answers(publicBaseUrl.startsWith('https://'));
  const learningUrl = `${baseUrl(config)}/learning`;

  function clientAddress(req: IncomingMessage): string | undefined {
    if (config.TRUST_PROXY) {
      const forwarded = req.headers['x-forwarded-for'];
      const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
      if (first) return first;
    }
    return req.socket.remoteAddress;
  }

  /** Parsed and truncated once per distinct address: the same gateways and networks come back. */
  const clients = new Map<string, { address: ParsedAddress | null; stored: string | null }>();
  function client(raw: string | undefined) {
    const key = raw ?? '';
    let c = clients.get(key);
    if (!c) {
      const address = parseAddress(raw);
      c = { address, stored: truncateAddress(address) };
      if (clients.size >= 10_000) clients.clear();
      clients.set(key, c);
    }
    return c;
  }

  function input(req: IncomingMessage, token: string, kind: EventKind): TrackInput {
    const c = client(clientAddress(req));
    return {
      tokenHash: sha256Hex(token),
      kind,
      method: req.method ?? 'GET',
      userAgent: req.headers['user-agent'] ?? null,
      address: c.address,
      storedAddress: c.stored,
      at: deps.clock.now(),
    };
  }

  /** Records the event; throws NotFoundAnswer for a token nobody holds. */
  async function track(req: IncomingMessage, token: string, kind: EventKind): Promise<void> {
    const outcome = await recorder.record(input(req, token, kind));
    if (!outcome.recorded) throw new NotFoundAnswer();
  }

  /** Counts the body off the socket without keeping a byte of it (what people type never enters). */
  function discardBody(req: IncomingMessage): Promise<boolean> {
    return new Promise((resolve) => {
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > BODY_LIMIT_BYTES) {
          req.removeAllListeners('data');
          req.resume();
          resolve(false);
        }
      });
      req.once('end', () => resolve(size <= BODY_LIMIT_BYTES));
      req.once('error', () => resolve(false));
    });
  }

  async function view(token: string) {
    const v = await loadRecipient(deps.db, sha256Hex(token));
    if (!v) throw new NotFoundAnswer();
    return v;
  }

  async function landing(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
    const v = await view(token);
    const text = v.landingPageId ? await loadLanding(deps.db, v.landingPageId, v.language) : null;
    if (!text) return answers.redirectTo(res, 302, `/m/${token}`); // no landing page: straight to the lesson
    answers.html(req, res, 200, landingPage(text.language, text.title, text.html, token, placeholderValues(v, publicBaseUrl)));
  }

  async function teachable(req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
    await track(req, token, 'teachable');
    const v = await view(token);
    const email = await loadEmail(deps.db, v.templateId, v.language);
    const module = v.learningModuleId ? await loadModule(deps.db, v.learningModuleId, v.language) : null;
    const html = teachablePage({
      view: v,
      email,
      module,
      token,
      publicBaseUrl,
      reportAddress: config.REPORT_ADDRESS,
      beacon: v.landingPageId === null,
    });
    answers.html(req, res, 200, html);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    // The query string is ignored everywhere: a GET form could only put typed values there.
    const [empty, area, rawToken, action, extra] = (q >= 0 ? url.slice(0, q) : url).split('/');
    if (empty !== '' || !area || rawToken === undefined || extra !== undefined) throw new NotFoundAnswer();
    const image = area === 'o' || area === 'b';
    const token = image && rawToken.endsWith('.gif') ? rawToken.slice(0, -4) : rawToken;
    if (!TOKEN.test(token) || (image && token === rawToken)) throw new NotFoundAnswer();
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const key = `${method} ${area}${action === undefined ? '' : `/${action}`}`;
    switch (key) {
      case 'GET o':
        await track(req, token, 'open');
        return answers.pixel(req, res);
      case 'GET b':
        await track(req, token, 'landing');
        return answers.pixel(req, res);
      case 'GET c':
        await track(req, token, 'click');
        return answers.redirectTo(res, 302, `/l/${token}`);
      case 'GET l':
        return landing(req, res, token);
      case 'POST l':
        if (!(await discardBody(req))) return answers.html(req, res, 413, tooLargePage(), { connection: 'close' });
        await track(req, token, 'submit');
        return answers.redirectTo(res, 303, `/m/${token}`);
      case 'GET m':
        return teachable(req, res, token);
      case 'POST m/enrol': {
        if (!(await discardBody(req))) return answers.html(req, res, 413, tooLargePage(), { connection: 'close' });
        const r = await enrolFromTeachableMoment(deps, input(req, token, 'enrol'), rules);
        if (!r.found) throw new NotFoundAnswer();
        const status = r.outcome === 'unavailable' ? 409 : 200;
        return answers.html(req, res, status, enrolPage(r.view.language, r.outcome, r.module?.title ?? '', learningUrl, token));
      }
      case 'GET r': {
        const v = await view(token);
        return answers.html(req, res, 200, reportPage(v.language, v.organizationName, token));
      }
      case 'POST r': {
        if (!(await discardBody(req))) return answers.html(req, res, 413, tooLargePage(), { connection: 'close' });
        await track(req, token, 'report');
        const v = await view(token);
        return answers.html(req, res, 200, reportedPage(v.language, v.organizationName, token));
      }
      default:
        throw new NotFoundAnswer();
    }
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (err instanceof NotFoundAnswer) {
        // Drain what a POST to a bad address may carry, so the connection stays usable.
        req.resume();
        return answers.html(req, res, 404, notFoundPage());
      }
      // Database down or overloaded: say so, never a 500. The message names no token and no input.
      console.error(`[tracking] ${req.method} failed: ${err instanceof Error ? err.message : String(err)}`);
      answers.html(req, res, 503, unavailablePage(), { 'retry-after': '5' });
    });
  });
  server.requestTimeout = 30_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });

  let checkpointer: Checkpointer | null = null;
  return {
    listen: async (port, host) => {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      if (deps.dbh.sqlite) checkpointer = startCheckpointer(deps.dbh.sqlite);
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await recorder.drain();
      await checkpointer?.stop();
      checkpointer = null;
    },
    address: () => {
      const a = server.address();
      return a && typeof a === 'object' ? a : null;
    },
  };
}
