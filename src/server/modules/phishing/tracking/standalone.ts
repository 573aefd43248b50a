/**
 * The tracking listener standing alone, as tests, the durability child process and the bench
 * run it: deps built with the real classes (as app.ts builds them), no Fastify app, no Vitest.
 */
import { loadConfig } from '../../../config.js';
import type { DbHandle } from '../../../db/index.js';
import { AccessPolicy } from '../../../platform/access/policy.js';
import { AuditLog } from '../../../platform/audit-log/audit-log.js';
import type { Clock } from '../../../platform/clock.js';
import type { AppDeps } from '../../../platform/context.js';
import { LiveHub } from '../../../platform/live/hub.js';
import { OutboxMailer } from '../../../platform/mail/mailer.js';
import { SecretBox } from '../../../platform/secrets.js';
import { createTrackingServer, type TrackingServer } from './server.js';
import { BROWSER_UA } from './test-campaign.js';

/** Deps of the tracking listener, as app.ts builds them. */
export function trackingDeps(dbh: DbHandle, clock: Clock, env: Record<string, string> = {}): AppDeps {
  const config = loadConfig({ LOG_LEVEL: 'silent', JOBS: 'false', PUBLIC_PORT: '0', REPORT_SMTP_PORT: '0', ...env });
  return {
    config,
    dbh,
    db: dbh.db,
    clock,
    mailer: new OutboxMailer(),
    audit: new AuditLog(dbh.dialect, clock),
    policy: new AccessPolicy(dbh.db),
    secrets: new SecretBox('test-secret-key-test-secret-key-0123456789'),
    // Not started: nothing here streams live events.
    live: new LiveHub(dbh),
  };
}

export type Hit = (path: string, init?: RequestInit) => Promise<Response>;

export async function listenOnEphemeralPort(deps: AppDeps): Promise<{ server: TrackingServer; hit: Hit; port: number }> {
  const server = createTrackingServer(deps);
  await server.listen(0, '127.0.0.1');
  const port = server.address()?.port ?? 0;
  const hit: Hit = (path, init = {}) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { 'user-agent': BROWSER_UA, ...(init.headers as Record<string, string>) },
    });
  return { server, hit, port };
}
