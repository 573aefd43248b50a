import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, makeTestApp, type TestApp } from '../helpers/app.js';
import { makeAccount, makeOrg, makePerson } from '../helpers/factories.js';
import { type OidcServer, signInAtProvider, startOidcServer } from '../support/oidc-server.js';
import { auditActions } from './helpers.js';

const CALLBACK = 'http://127.0.0.1:8080/api/auth/oidc/callback';

describe('OIDC sign-in against a real provider', () => {
  let t: TestApp;
  let idp: OidcServer;

  beforeAll(async () => {
    idp = await startOidcServer({ redirectUris: [CALLBACK], clientId: 'rempart-test', clientSecret: 'un-secret-de-test-assez-long' });
    t = await makeTestApp({
      env: {
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        OIDC_LABEL: 'Pro Santé Connect',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await idp.stop();
  });

  /** Starts at Rempart, signs in at the provider as `login`, comes back; returns the final redirect. */
  async function roundTrip(c: Client, login: string, returnTo?: string): Promise<string> {
    const start = await c.get(`/api/auth/oidc/start${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`);
    expect(start.statusCode).toBe(302);
    const authorize = new URL(String(start.headers.location));
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(CALLBACK);
    const back = new URL(await signInAtProvider(authorize.href, login, CALLBACK));
    expect(back.searchParams.get('code')).toBeTruthy();
    const callback = await c.get(`${back.pathname}${back.search}`);
    expect(callback.statusCode).toBe(302);
    return String(callback.headers.location);
  }

  it('reports the provider on the sign-in options', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/options' });
    expect(res.json().oidc).toEqual({ enabled: true, label: 'Pro Santé Connect' });
  });

  it('signs in an active person of the directory and opens the account', async () => {
    const org = await makeOrg(t.dbh.db);
    const person = await makePerson(t.dbh.db, org.id);
    const c = new Client(t);
    expect(await roundTrip(c, person.email, '/people?service=urgences')).toBe('/people?service=urgences');
    const me = (await c.get('/api/me')).json();
    expect(me.signedIn).toBe(true);
    expect(me.account).toMatchObject({ email: person.email, personId: person.id, personOrganizationId: org.id });
    const session = await t.dbh.db
      .selectFrom('sessions')
      .select('method')
      .where('account_id', '=', me.account.id)
      .executeTakeFirstOrThrow();
    expect(session.method).toBe('oidc');
    expect(await auditActions(t.dbh.db, me.account.id)).toEqual(expect.arrayContaining(['account.provisioned', 'auth.signed_in']));
  });

  it('sends an unknown email back to the sign-in page without a session', async () => {
    const c = new Client(t);
    expect(await roundTrip(c, `inconnu.${Date.now()}@ailleurs.test`)).toBe('/sign-in?error=oidc_unknown_email');
    expect((await c.get('/api/me')).json().signedIn).toBe(false);
  });

  it('refuses an address the provider says is not verified', async () => {
    const { email } = await makeAccount(t.dbh.db);
    idp.users.push({ email, emailVerified: false });
    const c = new Client(t);
    expect(await roundTrip(c, email)).toBe('/sign-in?error=oidc_email_unverified');
    expect((await c.get('/api/me')).json().signedIn).toBe(false);
  });

  it('accepts an address when the provider leaves email_verified out', async () => {
    const { id, email } = await makeAccount(t.dbh.db);
    idp.users.push({ email, emailVerified: null });
    const c = new Client(t);
    expect(await roundTrip(c, email)).toBe('/');
    expect((await c.get('/api/me')).json().account.id).toBe(id);
  });

  it('sends an admin to the second factor', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await makeAccount(t.dbh.db, { grants: [{ role: 'org_admin', scopeKind: 'organization', scopeId: org.id }] });
    const c = new Client(t);
    expect(await roundTrip(c, admin.email)).toBe('/auth/totp');
    expect((await c.get('/api/me')).json().account).toMatchObject({ mfaVerified: false, mfaEnrolmentRequired: true });
  });

  it('ignores a return path that leaves the site', async () => {
    const { email } = await makeAccount(t.dbh.db);
    expect(await roundTrip(new Client(t), email, '//evil.example/steal')).toBe('/');
    expect(await roundTrip(new Client(t), email, 'https://evil.example/')).toBe('/');
  });

  it('refuses a callback carried to another browser (state bound to a cookie) and a replayed state', async () => {
    const { email } = await makeAccount(t.dbh.db);
    const starter = new Client(t);
    const start = await starter.get('/api/auth/oidc/start');
    const back = new URL(await signInAtProvider(String(start.headers.location), email, CALLBACK));
    const victim = new Client(t);
    const res = await victim.get(`${back.pathname}${back.search}`);
    expect(res.headers.location).toBe('/sign-in?error=oidc_state');
    expect((await victim.get('/api/me')).json().signedIn).toBe(false);
    // The state was spent by that attempt: the starter cannot use it any more either.
    const late = await starter.get(`${back.pathname}${back.search}`);
    expect(late.headers.location).toBe('/sign-in?error=oidc_state');
  });
});
