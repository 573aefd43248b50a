import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db, DbHandle } from '../db/index.js';
import type { Actor } from './access/actor.js';
import type { AccessPolicy } from './access/policy.js';
import type { AuditActor, AuditLog } from './audit-log/audit-log.js';
import type { Clock } from './clock.js';
import type { Locale } from './errors.js';
import type { LiveHub } from './live/hub.js';
import type { Mailer } from './mail/mailer.js';
import type { SecretBox } from './secrets.js';

/** What every module receives: concrete services, built once in app.ts. */
export interface AppDeps {
  /** Durable live events and their fan-out to Server-Sent Events streams (ADR 0008). */
  live: LiveHub;
  config: Config;
  dbh: DbHandle;
  db: Db;
  clock: Clock;
  mailer: Mailer;
  audit: AuditLog;
  policy: AccessPolicy;
  secrets: SecretBox;
}

/** The slice of a request a service needs: who, from where, in which language. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  locale: Locale;
  /** Who acts when there is no account: 'cli', 'job:reminders'... */
  label?: string;
}

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, ip: request.ip ?? null, locale: request.locale };
}

export function auditActor(ctx: RequestContext): AuditActor {
  return ctx.actor
    ? { accountId: ctx.actor.accountId, label: ctx.actor.email, ip: ctx.ip }
    : { accountId: null, label: ctx.label ?? 'anonymous', ip: ctx.ip };
}

/** For the CLI and background jobs. */
export const systemContext = (label = 'system'): RequestContext => ({ actor: null, ip: null, locale: 'fr', label });

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
  }
}
