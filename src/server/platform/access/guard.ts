import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Forbidden, NotFound, Unauthenticated } from '../errors.js';
import type { Actor } from './actor.js';
import type { AccessPolicy, Scope } from './policy.js';
import type { AccessRule } from './rules.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: AccessRule;
}

/** Collects the route table and refuses any /api route registered without an access rule. */
export function installAccessGuard(app: FastifyInstance, policy: AccessPolicy, routes: RegisteredRoute[]): void {
  app.addHook('onRoute', (opts) => {
    if (!opts.url.startsWith('/api/')) return;
    // The API docs page (a plugin's routes) is public like the document it shows.
    if (opts.url.startsWith('/api/docs')) opts.config = { ...opts.config, access: { kind: 'public', why: 'API documentation page' } };
    const rule = opts.config?.access;
    if (!rule) throw new Error(`Route ${String(opts.method)} ${opts.url} has no access rule (config.access)`);
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    for (const m of methods) if (m !== 'HEAD') routes.push({ method: m, url: opts.url, access: rule });
  });

  // Before the body is read (route params are known by then): a caller without the right never
  // gets a large upload or import held in memory, and every route answers the same 401/403/404.
  app.addHook('preParsing', async (request) => {
    const rule = request.routeOptions.config.access;
    if (!rule || rule.kind === 'public') return;
    await enforce(policy, request, rule);
  });
}

export function scopeOf(request: FastifyRequest, rule: AccessRule): Scope | null {
  if (rule.kind !== 'permission') return null;
  if (rule.scope === 'platform') return { kind: 'platform' };
  const id = (request.params as Record<string, string | undefined>)[rule.param];
  if (!id) throw new Error(`Route ${request.routeOptions.url} lacks param ${rule.param} named by its access rule`);
  return { kind: rule.scope, id };
}

async function enforce(policy: AccessPolicy, request: FastifyRequest, rule: AccessRule): Promise<void> {
  const actor = request.actor;
  if (!actor) {
    throw new Unauthenticated('signed_out', { fr: 'Connexion requise.', en: 'Sign-in required.' });
  }
  if (rule.kind !== 'permission') return;
  const scope = scopeOf(request, rule);
  if (!scope) return;
  const decision = await policy.decide(actor, rule.permission, scope);
  if (decision === 'allow') return;
  if (decision === 'hidden') throw new NotFound(scope.kind);
  if (!actor.mfaVerified && actor.grants.length > 0) {
    throw new Forbidden('mfa_required', {
      fr: 'Validez votre second facteur (TOTP) pour utiliser ce droit.',
      en: 'Pass your second factor (TOTP) to use this right.',
    });
  }
  throw new Forbidden('forbidden', { fr: "Vous n'avez pas ce droit.", en: 'You do not have this right.' });
}
