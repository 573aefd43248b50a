import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, CSRF_HEADER } from './auth/sessions.js';
import { Forbidden } from './errors.js';
import { randomToken } from './ids.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Answers that must carry no cookie at all: the patient page (the SPA under /sensibilisation/),
 * its API (/api/public/) and the built files every page loads (/assets/: cached and shared, and
 * loaded by the patient page too). Patients are anonymous; nothing may tie two visits together.
 */
const COOKIELESS = [/^\/sensibilisation(?:\/|$)/, /^\/api\/public\//, /^\/assets\//];

/** Whether a first request to `url` (path and query) receives the CSRF cookie. */
export function issuesCsrfCookie(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  return !COOKIELESS.some((re) => re.test(path));
}

/** Strict headers on every answer. Scripts only from our origin; no inline script anywhere. */
export function securityHeaders(secure: boolean): Record<string, string> {
  const h: Record<string, string> = {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      // Mantine writes CSS variables at run time; styles only, never scripts.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "frame-src 'self'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
  if (secure) h['strict-transport-security'] = 'max-age=63072000; includeSubDomains';
  return h;
}

function sameToken(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/**
 * Double-submit CSRF protection: a random token in a readable cookie must be echoed in the
 * x-csrf-token header of every state-changing request. A cross-site form can send the cookie
 * but cannot read it to set the header. SameSite=Lax on the session cookie is a second wall.
 * The staff app gets the cookie from its page loads and its first API call (GET /api/me).
 */
export function installHttpSecurity(app: FastifyInstance, secure: boolean): void {
  const headers = securityHeaders(secure);
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(headers)) if (!reply.hasHeader(k)) reply.header(k, v);
    return payload;
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    let token = request.cookies[CSRF_COOKIE];
    // A short token is no token: replaced where a cookie may be set, refused everywhere.
    if (token !== undefined && token.length < 20) token = undefined;
    if (!token && issuesCsrfCookie(request.url)) {
      token = randomToken(24);
      reply.setCookie(CSRF_COOKIE, token, { path: '/', sameSite: 'strict', secure, httpOnly: false });
      request.cookies[CSRF_COOKIE] = token;
    }
    if (SAFE_METHODS.has(request.method)) return;
    if (request.routeOptions.config?.csrf === false) return;
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !token || !sameToken(sent, token)) {
      throw new Forbidden('csrf', {
        fr: 'Jeton anti-CSRF absent ou invalide : rechargez la page.',
        en: 'Missing or invalid CSRF token: reload the page.',
      });
    }
  });
}
