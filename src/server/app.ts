import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Config, isSecure } from './config.js';
import type { DbHandle } from './db/index.js';
import { modules } from './modules/index.js';
import { installAccessGuard, type RegisteredRoute } from './platform/access/guard.js';
import { AccessPolicy } from './platform/access/policy.js';
import { access } from './platform/access/rules.js';
import { AuditLog } from './platform/audit-log/audit-log.js';
import { SESSION_COOKIE, Sessions } from './platform/auth/sessions.js';
import { type Clock, systemClock } from './platform/clock.js';
import type { AppDeps } from './platform/context.js';
import { DomainError, errorBody, pickLocale } from './platform/errors.js';
import { installHttpSecurity } from './platform/http-security.js';
import { LiveHub } from './platform/live/hub.js';
import { registerLive } from './platform/live/sse.js';
import type { Mailer } from './platform/mail/mailer.js';
import { installNulGuard } from './platform/nul-guard.js';
import { SecretBox } from './platform/secrets.js';

export interface BuildOptions {
  config: Config;
  dbh: DbHandle;
  mailer: Mailer;
  secretKey: string;
  clock?: Clock;
  logger?: boolean;
}

export interface RempartApp {
  app: FastifyInstance;
  deps: AppDeps;
  sessions: Sessions;
  /** Every /api route with its access rule, for the access-matrix test and the docs. */
  routes: RegisteredRoute[];
}

export async function buildApp(opts: BuildOptions): Promise<RempartApp> {
  const { config, dbh } = opts;
  const clock = opts.clock ?? systemClock;
  const secure = isSecure(config);
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    disableRequestLogging: config.LOG_LEVEL !== 'debug' && config.LOG_LEVEL !== 'trace',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const policy = new AccessPolicy(dbh.db);
  const live = new LiveHub(dbh, {
    clock,
    ...(dbh.url ? { listenUrl: dbh.url } : {}),
    log: (message, err) => app.log.warn({ err }, message),
  });
  const deps: AppDeps = {
    config,
    dbh,
    db: dbh.db,
    clock,
    mailer: opts.mailer,
    audit: new AuditLog(dbh.dialect, clock),
    policy,
    secrets: new SecretBox(opts.secretKey),
    live,
  };
  const sessions = new Sessions(dbh.db, clock, {
    idleMs: config.SESSION_IDLE_MINUTES * 60_000,
    absoluteMs: config.SESSION_ABSOLUTE_HOURS * 3_600_000,
  });
  const routes: RegisteredRoute[] = [];

  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'fr');
  await app.register(fastifyCookie);
  installHttpSecurity(app, secure);
  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language'], request.cookies.rempart_locale);
    if (request.url.startsWith('/api/')) {
      request.actor = await sessions.actorFor(request.cookies[SESSION_COOKIE]);
      if (request.actor && !request.cookies.rempart_locale) request.locale = request.actor.locale;
    }
  });
  installAccessGuard(app, policy, routes);
  installErrorHandling(app);
  installNulGuard(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Rempart API', version: '0.1.0', description: 'Cyber resilience for the health care chain' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  // Our own strict CSP applies to the docs page too (the plugin's adds upgrade-insecure-requests, which breaks plain-HTTP installs).
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: false, validatorUrl: false });
  app.get('/api/openapi.json', { config: { access: access.public('the API description is public') }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.get(
    '/healthz',
    {
      config: { access: access.public('liveness probe') },
      schema: {
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string(), time: z.string() }),
        },
      },
    },
    async () => ({ status: 'ok' as const, database: dbh.dialect, version: '0.1.0', time: clock.now().toISOString() }),
  );

  await registerLive(app, live);
  for (const mod of modules) await mod.register(app, { ...deps, sessions });
  // After the modules' own hooks (jobs stopped, queued magic links sent): pooled SMTP connections go last.
  app.addHook('onClose', async () => opts.mailer.close?.());

  await registerWeb(app, config);
  return { app, deps, sessions, routes };
}

function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const fr = request.locale !== 'en';
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const field = [err.validationContext, path].filter(Boolean).join('.');
        return { field, message: v.message ?? (fr ? 'valeur invalide' : 'invalid value') };
      });
      const first = issues[0];
      const message = first ? `${first.field}: ${first.message}` : fr ? 'Requête invalide.' : 'Invalid request.';
      return reply.status(400).send({ error: { code: 'invalid', message, ...(first ? { field: first.field } : {}), issues } });
    }
    if (err instanceof DomainError) {
      return reply.status(err.status).send(errorBody(err.code, fr ? err.text.fr : err.text.en, err.field));
    }
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(errorBody('too_large', fr ? 'Contenu trop volumineux.' : 'Payload too large.'));
    }
    // The body parser's refusals (malformed JSON, a "__proto__" or "constructor" key) are the body's fault.
    if (e.statusCode === 400 && (e.code?.startsWith('FST_ERR_CTP') || err instanceof SyntaxError)) {
      const detail = e.message ?? '';
      return reply
        .status(400)
        .send(errorBody('invalid_body', fr ? `Corps de requête refusé : ${detail}` : `Request body refused: ${detail}`, 'body'));
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.status(e.statusCode).send(errorBody(e.code ?? 'bad_request', e.message ?? 'Bad request'));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', fr ? 'Erreur interne.' : 'Internal error.'));
  });
}

async function registerWeb(app: FastifyInstance, config: Config): Promise<void> {
  const root = resolve(config.WEB_DIST);
  const hasWeb = existsSync(resolve(root, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      const fr = request.locale !== 'en';
      return reply
        .status(404)
        .send(
          errorBody(
            'not_found',
            fr
              ? `Route inconnue : ${request.method} ${request.url.split('?')[0]}`
              : `Unknown route: ${request.method} ${request.url.split('?')[0]}`,
          ),
        );
    }
    // The SPA answers every other GET; index.html must not be cached so new builds show up.
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { cacheControl: false });
  });
}
