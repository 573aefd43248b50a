import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/server/platform/clock.js';
import { sha256Hex } from '../../src/server/platform/ids.js';
import { Client, clientFor, makeTestApp, type TestApp } from '../helpers/app.js';
import { makeAccount, makeOrg, makePerson } from '../helpers/factories.js';
import { auditActions, auditText, GOOD_PASSWORD, setPassword, totpAt } from './helpers.js';

describe('password sign-in, TOTP and sessions', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-11-28T09:00:00Z'));
  beforeAll(async () => {
    t = await makeTestApp({ clock });
  });
  afterAll(async () => t.close());

  const signIn = (c: Client, email: string, password = GOOD_PASSWORD) => c.post('/api/auth/password/sign-in', { email, password });

  async function orgAdmin() {
    const org = await makeOrg(t.dbh.db);
    const person = await makePerson(t.dbh.db, org.id);
    const account = await makeAccount(t.dbh.db, {
      email: person.email,
      personId: person.id,
      grants: [{ role: 'org_admin', scopeKind: 'organization', scopeId: org.id }],
    });
    await setPassword(t.dbh.db, account.id);
    return { org, person, account };
  }

  /** people.read is an admin right: it must wait for the second factor. */
  async function decideOrgRead(c: Client, orgId: string) {
    const actor = await t.sessions.actorFor(c.cookies.rempart_session);
    return t.deps.policy.decide(actor, 'people.read', { kind: 'organization', id: orgId });
  }

  it('signs a plain account in with next=done and a hardened cookie', async () => {
    const { id, email } = await makeAccount(t.dbh.db);
    await setPassword(t.dbh.db, id);
    const c = new Client(t);
    const res = await signIn(c, email.toUpperCase());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ next: 'done' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/rempart_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const me = (await c.get('/api/me')).json();
    expect(me.signedIn).toBe(true);
    expect(me.account.id).toBe(id);
    expect(await auditActions(t.dbh.db, id)).toContain('auth.signed_in');
  });

  it('answers the same 401 for an unknown email, a wrong password and an inactive account', async () => {
    const { id, email } = await makeAccount(t.dbh.db);
    await setPassword(t.dbh.db, id);
    const inactive = await makeAccount(t.dbh.db);
    await setPassword(t.dbh.db, inactive.id);
    await t.dbh.db.updateTable('accounts').set({ active: 0 }).where('id', '=', inactive.id).execute();
    const c = new Client(t);
    const unknown = await signIn(c, 'personne@nulle-part.test');
    const wrong = await signIn(c, email, 'not the right password at all');
    const off = await signIn(c, inactive.email);
    for (const r of [unknown, wrong, off]) {
      expect(r.statusCode).toBe(401);
      expect(r.json()).toEqual(unknown.json());
    }
    expect(unknown.json().error.code).toBe('bad_credentials');
    expect(c.cookies.rempart_session).toBeUndefined();
  });

  it('issues a new session id at every sign-in and revokes the previous one', async () => {
    const { id, email } = await makeAccount(t.dbh.db);
    await setPassword(t.dbh.db, id);
    const c = await clientFor(t, id);
    const before = c.cookies.rempart_session!;
    expect((await c.get('/api/me')).json().signedIn).toBe(true);
    await signIn(c, email);
    const after = c.cookies.rempart_session!;
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect(await t.sessions.actorFor(before)).toBeNull();
    const row = await t.dbh.db.selectFrom('sessions').select('id').where('id', '=', sha256Hex(after)).executeTakeFirst();
    expect(row).toBeDefined(); // only the hash is stored
    expect(await t.dbh.db.selectFrom('sessions').select('id').where('id', '=', after).executeTakeFirst()).toBeUndefined();
  });

  it('requires TOTP enrolment from an admin before admin rights count, then TOTP at each sign-in', async () => {
    const { org, account } = await orgAdmin();
    const c = new Client(t);
    expect((await signIn(c, account.email)).json()).toEqual({ next: 'totp_enrolment' });
    let me = (await c.get('/api/me')).json();
    expect(me.account).toMatchObject({ mfaVerified: false, mfaEnrolmentRequired: true });
    expect(await decideOrgRead(c, org.id)).toBe('forbidden');
    if (t.routes.some((r) => r.method === 'GET' && r.url === '/api/orgs/:orgId/people')) {
      const res = await c.get(`/api/orgs/${org.id}/people`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('mfa_required');
    }

    const enrol = await c.post('/api/auth/totp/enrolment');
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUrl, qrSvg } = enrol.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Rempart:/);
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(qrSvg).toContain('<svg');
    const stored = await t.dbh.db
      .selectFrom('accounts')
      .select(['totp_pending_enc', 'totp_secret_enc'])
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(stored.totp_pending_enc).toBeTruthy();
    expect(stored.totp_pending_enc).not.toContain(secret);
    expect(stored.totp_secret_enc).toBeNull();

    const wrong = await c.post('/api/auth/totp/enrolment/confirm', {
      code: '000000' === (await totpAt(secret, clock)) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'invalid_code', field: 'code' });

    const code1 = await totpAt(secret, clock);
    const confirm = await c.post('/api/auth/totp/enrolment/confirm', { code: code1 });
    expect(confirm.statusCode).toBe(200);
    const recoveryCodes: string[] = confirm.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    me = (await c.get('/api/me')).json();
    expect(me.account).toMatchObject({ mfaVerified: true, mfaEnrolmentRequired: false });
    expect(await decideOrgRead(c, org.id)).toBe('allow');
    const hashes = await t.dbh.db.selectFrom('recovery_codes').select('code_hash').where('account_id', '=', account.id).execute();
    expect(hashes).toHaveLength(10);
    expect(hashes.map((h) => h.code_hash)).not.toContain(recoveryCodes[0]);

    // Next sign-in: TOTP asked; the code already used is refused (replay), the next one passes.
    const c2 = new Client(t);
    expect((await signIn(c2, account.email)).json()).toEqual({ next: 'totp' });
    expect(await decideOrgRead(c2, org.id)).toBe('forbidden');
    const replay = await c2.post('/api/auth/totp/verify', { code: code1 });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.code).toBe('invalid_code');
    clock.advance(30_000);
    const ok = await c2.post('/api/auth/totp/verify', { code: await totpAt(secret, clock) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ next: 'done' });
    expect(await decideOrgRead(c2, org.id)).toBe('allow');

    // A recovery code works once.
    const c3 = new Client(t);
    await signIn(c3, account.email);
    expect((await c3.post('/api/auth/totp/verify', { code: recoveryCodes[0]!.toUpperCase() })).statusCode).toBe(200);
    expect((await c3.get('/api/me')).json().account.mfaVerified).toBe(true);
    const c4 = new Client(t);
    await signIn(c4, account.email);
    expect((await c4.post('/api/auth/totp/verify', { code: recoveryCodes[0] })).statusCode).toBe(400);

    // Regenerating replaces the old codes.
    clock.advance(30_000);
    const regen = await c2.post('/api/auth/recovery-codes', { code: await totpAt(secret, clock) });
    expect(regen.statusCode).toBe(200);
    expect(regen.json().recoveryCodes).toHaveLength(10);
    const c5 = new Client(t);
    await signIn(c5, account.email);
    expect((await c5.post('/api/auth/totp/verify', { code: recoveryCodes[1] })).statusCode).toBe(400);
    expect((await c5.post('/api/auth/totp/verify', { code: regen.json().recoveryCodes[3] })).statusCode).toBe(200);

    // Replacing the enrolled secret needs a session that passed TOTP.
    const c6 = new Client(t);
    await signIn(c6, account.email);
    const hijack = await c6.post('/api/auth/totp/enrolment');
    expect(hijack.statusCode).toBe(403);
    expect(hijack.json().error.code).toBe('mfa_required');

    const actions = await auditActions(t.dbh.db, account.id);
    for (const a of [
      'auth.totp_enrolment_started',
      'auth.totp_enrolled',
      'auth.second_factor_passed',
      'auth.recovery_code_used',
      'auth.recovery_codes_regenerated',
      'auth.sign_in_failed',
    ]) {
      expect(actions).toContain(a);
    }
    const logged = await auditText(t.dbh.db, account.id);
    for (const secretThing of [secret, code1, GOOD_PASSWORD, ...recoveryCodes]) expect(logged).not.toContain(secretThing);
  });

  it('locks after 10 failures for 15 minutes, then lets the right password in', async () => {
    const { id, email } = await makeAccount(t.dbh.db);
    await setPassword(t.dbh.db, id);
    const c = new Client(t);
    for (let i = 1; i <= 9; i++) {
      const r = await signIn(c, email, `wrong password number ${i}`);
      expect(r.statusCode, `attempt ${i}`).toBe(401);
      clock.advance(5_000); // past the progressive delay, so the test does not sleep
    }
    const tenth = await signIn(c, email, 'wrong password number 10');
    expect(tenth.statusCode).toBe(423);
    expect(tenth.json().error.code).toBe('locked');
    const right = await signIn(c, email);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.message).toMatch(/verrouillé jusqu'au .*\d{2}:\d{2}/);
    const en = await signIn(c, email, GOOD_PASSWORD);
    expect(en.statusCode).toBe(423);
    clock.advance(14 * 60_000);
    expect((await signIn(c, email)).statusCode).toBe(423);
    clock.advance(61_000);
    const after = await signIn(c, email);
    expect(after.statusCode).toBe(200);
    const row = await t.dbh.db
      .selectFrom('accounts')
      .select(['failed_attempts', 'locked_until'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(row.failed_attempts)).toBe(0);
    expect(row.locked_until).toBeNull();
    expect(await auditActions(t.dbh.db, id)).toContain('auth.account_locked');
  });

  it('slows the attempt that follows the third failure', async () => {
    const { id, email } = await makeAccount(t.dbh.db);
    await setPassword(t.dbh.db, id);
    const c = new Client(t);
    for (let i = 0; i < 3; i++) await signIn(c, email, 'a wrong password again');
    const started = Date.now();
    const r = await signIn(c, email);
    expect(r.statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const { id, email } = await makeAccount(t.dbh.db);
    await setPassword(t.dbh.db, id);
    const idle = new Client(t);
    await signIn(idle, email);
    clock.advance(29 * 60_000);
    expect((await idle.get('/api/me')).json().signedIn).toBe(true);
    clock.advance(31 * 60_000);
    expect((await idle.get('/api/me')).json().signedIn).toBe(false);

    const busy = new Client(t);
    await signIn(busy, email);
    for (let h = 0; h < 36; h++) {
      clock.advance(20 * 60_000); // always active, never idle
      expect((await busy.get('/api/me')).json().signedIn, `after ${(h + 1) * 20} min`).toBe(true);
    }
    clock.advance(20 * 60_000 + 1000); // past 12 h
    expect((await busy.get('/api/me')).json().signedIn).toBe(false);
  });

  it('signs out everywhere', async () => {
    const { id, email } = await makeAccount(t.dbh.db);
    await setPassword(t.dbh.db, id);
    const a = new Client(t);
    const b = new Client(t);
    await signIn(a, email);
    await signIn(b, email);
    await clientFor(t, id);
    const res = await a.post('/api/auth/sign-out-everywhere');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ revoked: 3 });
    expect((await a.get('/api/me')).json().signedIn).toBe(false);
    expect((await b.get('/api/me')).json().signedIn).toBe(false);
    expect(await auditActions(t.dbh.db, id)).toContain('auth.signed_out_everywhere');
  });

  it('needs the CSRF header on sign-in and other state changes', async () => {
    const { id, email } = await makeAccount(t.dbh.db);
    await setPassword(t.dbh.db, id);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password/sign-in',
      cookies: { rempart_csrf: 'x'.repeat(32) },
      payload: { email, password: GOOD_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
    const c = await clientFor(t, id);
    const noHeader = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      cookies: c.cookies,
    });
    expect(noHeader.statusCode).toBe(403);
  });

  it('changes the password under the policy and closes the other sessions', async () => {
    const { id, email } = await makeAccount(t.dbh.db, { email: `jeanne.durand.${Date.now()}@chu.test` });
    const c = await clientFor(t, id);
    const other = await clientFor(t, id);
    const common = await c.post('/api/auth/password', { newPassword: 'Azerty123456' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error).toMatchObject({ code: 'password_common', field: 'newPassword' });
    const short = await c.post('/api/auth/password', { newPassword: 'court' });
    expect(short.json().error.code).toBe('password_too_short');
    const mine = await c.post('/api/auth/password', { newPassword: `${email.split('@')[0]}-toujours` });
    expect(mine.json().error.code).toBe('password_contains_email');
    expect((await c.post('/api/auth/password', { newPassword: GOOD_PASSWORD })).statusCode).toBe(204);
    expect((await other.get('/api/me')).json().signedIn).toBe(false);
    expect((await c.get('/api/me')).json().signedIn).toBe(true);

    const missing = await c.post('/api/auth/password', { newPassword: 'une autre phrase bien longue' });
    expect(missing.json().error).toMatchObject({ code: 'current_password_required', field: 'currentPassword' });
    const wrong = await c.post('/api/auth/password', {
      currentPassword: 'pas le bon du tout',
      newPassword: 'une autre phrase bien longue',
    });
    expect(wrong.json().error).toMatchObject({ code: 'wrong_password', field: 'currentPassword' });
    clock.advance(5_000);
    const ok = await c.post('/api/auth/password', { currentPassword: GOOD_PASSWORD, newPassword: 'une autre phrase bien longue' });
    expect(ok.statusCode).toBe(204);
    expect((await signIn(new Client(t), email, 'une autre phrase bien longue')).statusCode).toBe(200);
    const actions = await auditActions(t.dbh.db, id);
    expect(actions).toContain('auth.password_set');
    expect(actions).toContain('auth.password_changed');
    expect(await auditText(t.dbh.db, id)).not.toContain('une autre phrase');
  });

  it('stores the language preference and sets the locale cookie', async () => {
    const { id } = await makeAccount(t.dbh.db);
    const c = await clientFor(t, id);
    const res = await c.patch('/api/me/preferences', { locale: 'en' });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toContain('rempart_locale=en');
    expect((await c.get('/api/me')).json().account.locale).toBe('en');
    const bad = await c.patch('/api/me/preferences', { locale: 'de' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('locale');
  });

  it('limits sign-in attempts per IP address', async () => {
    let last = 0;
    for (let i = 0; i < 61; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password/sign-in',
        remoteAddress: '10.66.0.1',
        cookies: { rempart_csrf: 'c'.repeat(32) },
        headers: { 'x-csrf-token': 'c'.repeat(32) },
        payload: { email: 'x', password: 'y' }, // invalid: cheap, yet counted
      });
      last = r.statusCode;
    }
    expect(last).toBe(429);
    const other = await signIn(new Client(t), 'nobody@nowhere.test');
    expect(other.statusCode).toBe(401);
  });

  it('reports the sign-in methods', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/options' });
    expect(res.json()).toEqual({ password: true, magicLink: true, oidc: { enabled: false, label: 'SSO' }, passwordMinLength: 12 });
  });
});

describe('behind TLS', () => {
  it('marks the session cookie Secure', async () => {
    const t = await makeTestApp({ env: { BASE_URL: 'https://rempart.chu.test' } });
    try {
      const { id, email } = await makeAccount(t.dbh.db);
      await setPassword(t.dbh.db, id);
      const res = await new Client(t).post('/api/auth/password/sign-in', { email, password: GOOD_PASSWORD });
      expect(res.statusCode).toBe(200);
      const cookie = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('rempart_session='));
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
    } finally {
      await t.close();
    }
  });
});
