import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isSecure } from '../../config.js';
import type { ModuleDeps, RempartModule } from '../../modules/index.js';
import type { Actor } from '../access/actor.js';
import { access } from '../access/rules.js';
import { Invalid, Unauthenticated } from '../errors.js';
import { MagicLinks } from './magic-link.js';
import { OIDC_STATE_COOKIE, OIDC_STATE_TTL_MS, OidcSignIn } from './oidc.js';
import { PASSWORD_MIN_LENGTH } from './password.js';
import { RateLimiter } from './rate-limit.js';
import { safeReturnTo } from './return-to.js';
import {
  changePasswordBody,
  codeBody,
  consumeAnswer,
  consumeBody,
  doneAnswer,
  enrolmentAnswer,
  magicLinkAnswer,
  magicLinkBody,
  meSchema,
  nextAnswer,
  oidcCallbackQuery,
  oidcStartQuery,
  optionsSchema,
  passwordSignInBody,
  preferencesBody,
  recoveryCodesAnswer,
  revokedAnswer,
} from './schema.js';
import { AuthService, type ClientInfo, type NextStep } from './service.js';
import { SESSION_COOKIE } from './sessions.js';

export const LOCALE_COOKIE = 'rempart_locale';
/** Per IP and per minute, for each family of endpoints; generous because hospital staff share NATs. */
export const PER_IP_LIMIT = 60;

const redirectSchema = { 302: z.null().describe('redirect (Location header)') };

function signedInActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new Unauthenticated('signed_out', { fr: 'Connexion requise.', en: 'Sign-in required.' });
  return request.actor;
}

function clientInfo(request: FastifyRequest): ClientInfo {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua : null, previousToken: request.cookies[SESSION_COOKIE] };
}

export const authModule: RempartModule = {
  name: 'auth',
  register(app: FastifyInstance, deps: ModuleDeps) {
    const secure = isSecure(deps.config);
    const auth = new AuthService(deps);
    const magicLinks = new MagicLinks(deps, auth, app.log);
    const oidc = new OidcSignIn(deps, auth);
    const limits = {
      signIn: new RateLimiter(deps.clock, PER_IP_LIMIT, 60_000),
      totp: new RateLimiter(deps.clock, PER_IP_LIMIT, 60_000),
      magicLink: new RateLimiter(deps.clock, PER_IP_LIMIT, 60_000),
    };
    // Counted in onRequest, before the body is even parsed: malformed floods are refused cheaply too.
    const perIp = (limiter: RateLimiter) => async (request: FastifyRequest) => limiter.hit(request.ip ?? 'unknown');
    app.addHook('onClose', async () => magicLinks.drain());

    // The session cookie never leaves this site: HttpOnly, SameSite=Lax, Secure behind TLS, no
    // Max-Age (closing the browser of a shared ward computer ends it).
    const setSession = (reply: FastifyReply, token: string) =>
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
    const clearSession = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

    app.get(
      '/api/me',
      {
        config: { access: access.public('tells the web shell whether someone is signed in') },
        schema: { tags: ['auth'], response: { 200: meSchema } },
      },
      async (request) => {
        const a = request.actor;
        if (!a) return { signedIn: false, account: null };
        return {
          signedIn: true,
          account: {
            id: a.accountId,
            email: a.email,
            displayName: a.displayName,
            locale: a.locale,
            personId: a.personId,
            personOrganizationId: a.personOrganizationId,
            mfaVerified: a.mfaVerified,
            mfaEnrolmentRequired: a.mfaEnrolmentRequired,
            totpEnabled: a.totpEnrolled,
            grants: a.grants,
          },
        };
      },
    );

    app.patch(
      '/api/me/preferences',
      { config: { access: access.signedIn() }, schema: { tags: ['auth'], body: preferencesBody, response: { 204: z.null() } } },
      async (request, reply) => {
        const { locale } = preferencesBody.parse(request.body);
        await auth.setLocale(signedInActor(request), locale, request.ip ?? null);
        reply.setCookie(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', secure, httpOnly: false, maxAge: 365 * 24 * 3600 });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/auth/options',
      {
        config: { access: access.public('the sign-in page needs the available methods') },
        schema: { tags: ['auth'], response: { 200: optionsSchema } },
      },
      async () => ({
        password: true as const,
        magicLink: true as const,
        oidc: { enabled: oidc.enabled, label: deps.config.OIDC_LABEL },
        passwordMinLength: PASSWORD_MIN_LENGTH,
      }),
    );

    app.post(
      '/api/auth/password/sign-in',
      {
        onRequest: perIp(limits.signIn),
        config: { access: access.public('first factor') },
        schema: { tags: ['auth'], body: passwordSignInBody, response: { 200: nextAnswer } },
      },
      async (request, reply) => {
        const { email, password } = passwordSignInBody.parse(request.body);
        const started = await auth.signInWithPassword(email, password, clientInfo(request));
        setSession(reply, started.token);
        return { next: started.next };
      },
    );

    app.post(
      '/api/auth/totp/verify',
      {
        onRequest: perIp(limits.totp),
        config: { access: access.signedIn() },
        schema: { tags: ['auth'], body: codeBody, response: { 200: doneAnswer } },
      },
      async (request) => {
        const { code } = codeBody.parse(request.body);
        await auth.verifySecondFactor(signedInActor(request), code, request.ip ?? null);
        return { next: 'done' as const };
      },
    );

    app.post(
      '/api/auth/totp/enrolment',
      { config: { access: access.signedIn() }, schema: { tags: ['auth'], response: { 200: enrolmentAnswer } } },
      async (request) => auth.startTotpEnrolment(signedInActor(request), request.ip ?? null),
    );

    app.post(
      '/api/auth/totp/enrolment/confirm',
      {
        onRequest: perIp(limits.totp),
        config: { access: access.signedIn() },
        schema: { tags: ['auth'], body: codeBody, response: { 200: recoveryCodesAnswer } },
      },
      async (request) => {
        const { code } = codeBody.parse(request.body);
        return { recoveryCodes: await auth.confirmTotpEnrolment(signedInActor(request), code, request.ip ?? null) };
      },
    );

    app.post(
      '/api/auth/recovery-codes',
      {
        onRequest: perIp(limits.totp),
        config: { access: access.signedIn() },
        schema: { tags: ['auth'], body: codeBody, response: { 200: recoveryCodesAnswer } },
      },
      async (request) => {
        const { code } = codeBody.parse(request.body);
        return { recoveryCodes: await auth.regenerateRecoveryCodes(signedInActor(request), code, request.ip ?? null) };
      },
    );

    app.post(
      '/api/auth/password',
      {
        onRequest: perIp(limits.signIn),
        config: { access: access.signedIn() },
        schema: { tags: ['auth'], body: changePasswordBody, response: { 204: z.null() } },
      },
      async (request, reply) => {
        const body = changePasswordBody.parse(request.body);
        await auth.changePassword(signedInActor(request), body, request.ip ?? null);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/magic-link',
      {
        onRequest: perIp(limits.magicLink),
        config: { access: access.public('sign-in link by email') },
        schema: { tags: ['auth'], body: magicLinkBody, response: { 202: magicLinkAnswer } },
      },
      async (request, reply) => {
        const { email, returnTo } = magicLinkBody.parse(request.body);
        const target = returnTo === undefined ? null : safeReturnTo(returnTo);
        if (returnTo !== undefined && target === null) {
          throw new Invalid(
            'invalid_return_to',
            { fr: 'La page de retour doit être un chemin de ce site.', en: 'The return page must be a path on this site.' },
            'returnTo',
          );
        }
        magicLinks.request(email, target, request.ip ?? null);
        return reply.status(202).send({ accepted: true as const });
      },
    );

    app.post(
      '/api/auth/magic-link/consume',
      {
        onRequest: perIp(limits.magicLink),
        config: { access: access.public('the emailed link proves control of the mailbox') },
        schema: { tags: ['auth'], body: consumeBody, response: { 200: consumeAnswer } },
      },
      async (request, reply) => {
        const { token } = consumeBody.parse(request.body);
        const started = await magicLinks.consume(token, clientInfo(request));
        setSession(reply, started.token);
        return { next: started.next, returnTo: safeReturnTo(started.returnTo) ?? '/' };
      },
    );

    app.get(
      '/api/auth/oidc/start',
      {
        onRequest: perIp(limits.signIn),
        config: { access: access.public('starts sign-in with the identity provider') },
        schema: { tags: ['auth'], querystring: oidcStartQuery, response: redirectSchema },
      },
      async (request, reply) => {
        if (!oidc.enabled) return reply.redirect('/sign-in?error=oidc_disabled', 302);
        const { returnTo } = oidcStartQuery.parse(request.query);
        let started: { url: string; state: string };
        try {
          started = await oidc.start(safeReturnTo(returnTo));
        } catch (err) {
          request.log.error({ err }, 'OIDC provider unreachable');
          return reply.redirect('/sign-in?error=oidc_failed', 302);
        }
        reply.setCookie(OIDC_STATE_COOKIE, started.state, {
          path: '/api/auth/oidc',
          httpOnly: true,
          sameSite: 'lax',
          secure,
          maxAge: OIDC_STATE_TTL_MS / 1000,
        });
        return reply.redirect(started.url, 302);
      },
    );

    app.get(
      '/api/auth/oidc/callback',
      {
        config: { access: access.public('the identity provider sends the browser back here') },
        schema: { tags: ['auth'], querystring: oidcCallbackQuery, response: redirectSchema },
      },
      async (request, reply) => {
        const rawQuery = request.url.split('?')[1] ?? '';
        const outcome = await oidc.callback(rawQuery, request.cookies[OIDC_STATE_COOKIE], clientInfo(request));
        reply.clearCookie(OIDC_STATE_COOKIE, { path: '/api/auth/oidc' });
        if (!outcome.ok) return reply.redirect(`/sign-in?error=${outcome.error}`, 302);
        setSession(reply, outcome.session.token);
        return reply.redirect(afterSignIn(outcome.session.next, safeReturnTo(outcome.returnTo)), 302);
      },
    );

    app.post(
      '/api/auth/sign-out',
      { config: { access: access.signedIn() }, schema: { tags: ['auth'], response: { 204: z.null() } } },
      async (request, reply) => {
        await auth.signOut(signedInActor(request), request.ip ?? null);
        clearSession(reply);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/sign-out-everywhere',
      { config: { access: access.signedIn() }, schema: { tags: ['auth'], response: { 200: revokedAnswer } } },
      async (request, reply) => {
        const revoked = await auth.signOutEverywhere(signedInActor(request), request.ip ?? null);
        clearSession(reply);
        return { revoked };
      },
    );
  },
};

/** Where the browser lands after a redirect-based sign-in. */
function afterSignIn(next: NextStep, returnTo: string | null): string {
  if (next === 'done') return returnTo ?? '/';
  return returnTo ? `/auth/totp?returnTo=${encodeURIComponent(returnTo)}` : '/auth/totp';
}
