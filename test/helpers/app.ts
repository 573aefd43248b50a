import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type RempartApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { DbHandle } from '../../src/server/db/index.js';
import type { Clock } from '../../src/server/platform/clock.js';
import { type Mailer, OutboxMailer } from '../../src/server/platform/mail/mailer.js';
import { testDb } from './db.js';

export interface TestApp extends RempartApp {
  dbh: DbHandle;
  mailer: OutboxMailer;
  close(): Promise<void>;
}

/** `mailer`: a real mailer (SmtpMailer against test/support/smtp-sink.ts); `t.mailer` stays the unused outbox then. */
export async function makeTestApp(
  opts: { dbh?: DbHandle; clock?: Clock; env?: Record<string, string>; mailer?: Mailer } = {},
): Promise<TestApp> {
  const dbh = opts.dbh ?? (await testDb());
  const mailer = new OutboxMailer();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    WEB_DIST: 'dist/web',
    JOBS: 'false',
    // Tests start the phishing listeners themselves, on ephemeral ports.
    PUBLIC_PORT: '0',
    REPORT_SMTP_PORT: '0',
    ...opts.env,
  });
  const built = await buildApp({
    config,
    dbh,
    mailer: opts.mailer ?? mailer,
    secretKey: 'test-secret-key-test-secret-key-0123456789',
    logger: false,
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  await built.app.ready();
  return {
    ...built,
    dbh,
    mailer,
    close: async () => {
      await built.app.close();
      await dbh.close();
    },
  };
}

const CSRF = 'test-csrf-token-0123456789abcdef';

/** A client that keeps cookies and sends the CSRF header, like the web shell does. */
export class Client {
  cookies: Record<string, string> = { rempart_csrf: CSRF };
  constructor(private readonly t: RempartApp) {}

  async request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const res = await this.t.app.inject({
      ...opts,
      cookies: { ...this.cookies, ...(opts.cookies ?? {}) },
      headers: { 'x-csrf-token': CSRF, ...(opts.headers ?? {}) },
    });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const cleared = c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (cleared) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    return res;
  }
  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }
  post(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.send('POST', url, payload, headers);
  }
  put(url: string, payload?: unknown) {
    return this.send('PUT', url, payload);
  }
  patch(url: string, payload?: unknown) {
    return this.send('PATCH', url, payload);
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
  private send(method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown, headers: Record<string, string> = {}) {
    const opts: InjectOptions = { method, url, headers };
    if (payload !== undefined) opts.payload = payload as NonNullable<InjectOptions['payload']>;
    return this.request(opts);
  }
}

/** Signs an existing account in directly (second factor passed), skipping the sign-in flows. */
export async function clientFor(t: RempartApp, accountId: string, opts: { mfa?: boolean } = {}): Promise<Client> {
  const token = await t.sessions.create(accountId, 'password', opts.mfa ?? true, '127.0.0.1', 'vitest');
  const c = new Client(t);
  c.cookies.rempart_session = token;
  return c;
}
