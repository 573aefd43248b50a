import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { FixedClock } from '../../src/server/platform/clock.js';
import { sha256Hex } from '../../src/server/platform/ids.js';
import { SmtpMailer } from '../../src/server/platform/mail/mailer.js';
import { Client, makeTestApp, type TestApp } from '../helpers/app.js';
import { makeAccount, makeOrg, makePerson } from '../helpers/factories.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';
import { auditActions, auditText } from './helpers.js';

const tokenIn = (text: string): string => {
  const m = /http:\/\/rempart\.test\/auth\/magic\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!m?.[1]) throw new Error(`no link in: ${text}`);
  return m[1];
};

describe('magic links through a real SMTP server', () => {
  let t: TestApp;
  let sink: SmtpSink;
  const clock = new FixedClock(new Date('2026-11-28T09:00:00Z'));

  beforeAll(async () => {
    sink = await startSmtpSink();
    const env = { SMTP_URL: sink.url, BASE_URL: 'http://rempart.test' };
    const config = loadConfig(env);
    t = await makeTestApp({ clock, env, mailer: new SmtpMailer(config.SMTP_URL!, config.MAIL_FROM) });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const ask = (c: Client, email: string, returnTo?: string) =>
    c.post('/api/auth/magic-link', returnTo === undefined ? { email } : { email, returnTo });
  const mailTo = (email: string) => sink.waitFor((m) => m.to.includes(email.toLowerCase()));

  it('opens an account for an active person of the directory and signs in once', async () => {
    const org = await makeOrg(t.dbh.db);
    const person = await makePerson(t.dbh.db, org.id, { firstName: 'Inès', lastName: 'Lefèvre' });
    const c = new Client(t);
    const res = await ask(c, person.email.toUpperCase(), '/learning?module=phishing');
    expect(res.statusCode).toBe(202);

    const mail = await mailTo(person.email);
    expect(mail.subject).toContain('Rempart');
    expect(mail.text).toContain('Bonjour Inès Lefèvre');
    expect(mail.text).toContain('expire dans 15 minutes');
    expect(mail.text).toContain('Hello Inès Lefèvre');
    expect(mail.text).toContain('expires in 15 minutes');
    const token = tokenIn(mail.text);

    const account = await t.dbh.db.selectFrom('accounts').selectAll().where('email', '=', person.email).executeTakeFirstOrThrow();
    expect(account.person_id).toBe(person.id);
    const stored = await t.dbh.db.selectFrom('magic_links').selectAll().where('account_id', '=', account.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toBe(sha256Hex(token));

    const consumed = await c.post('/api/auth/magic-link/consume', { token });
    expect(consumed.statusCode).toBe(200);
    expect(consumed.json()).toEqual({ next: 'done', returnTo: '/learning?module=phishing' });
    const me = (await c.get('/api/me')).json();
    expect(me.signedIn).toBe(true);
    expect(me.account).toMatchObject({ id: account.id, personId: person.id, personOrganizationId: org.id });

    const again = await new Client(t).post('/api/auth/magic-link/consume', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ code: 'link_used', field: 'token' });

    const actions = await auditActions(t.dbh.db, account.id);
    expect(actions).toEqual(
      expect.arrayContaining(['account.provisioned', 'auth.magic_link_sent', 'auth.magic_link_consumed', 'auth.signed_in']),
    );
    expect(await auditText(t.dbh.db, account.id)).not.toContain(token);
  });

  it('refuses a link after 15 minutes', async () => {
    const { email } = await makeAccount(t.dbh.db);
    await ask(new Client(t), email);
    const token = tokenIn((await mailTo(email)).text);
    clock.advance(15 * 60_000 + 1000);
    const res = await new Client(t).post('/api/auth/magic-link/consume', { token });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('link_expired');
    const bogus = await new Client(t).post('/api/auth/magic-link/consume', { token: 'x'.repeat(43) });
    expect(bogus.json().error.code).toBe('link_invalid');
  });

  it('answers 202 without sending anything for unknown or inactive people', async () => {
    const org = await makeOrg(t.dbh.db);
    const gone = await makePerson(t.dbh.db, org.id, { active: false });
    const known = await makeAccount(t.dbh.db);
    const c = new Client(t);
    const unknownRes = await ask(c, 'quelquun@inconnu.test');
    const goneRes = await ask(c, gone.email);
    expect(unknownRes.statusCode).toBe(202);
    expect(goneRes.statusCode).toBe(202);
    expect(goneRes.body).toBe(unknownRes.body);
    // A known address asked afterwards arrives; the two before it never do.
    await ask(c, known.email);
    await mailTo(known.email);
    expect(sink.messages.some((m) => m.to.includes('quelquun@inconnu.test') || m.to.includes(gone.email))).toBe(false);
    expect(await t.dbh.db.selectFrom('accounts').select('id').where('email', '=', gone.email).executeTakeFirst()).toBeUndefined();
  });

  it('links the most recently updated active person when several organizations list the email', async () => {
    const email = `partage.${Date.now()}@ght.test`;
    const a = await makeOrg(t.dbh.db);
    const b = await makeOrg(t.dbh.db);
    await makePerson(t.dbh.db, a.id, { email });
    const recent = await makePerson(t.dbh.db, b.id, { email });
    await t.dbh.db.updateTable('people').set({ updated_at: '2030-01-01T00:00:00.000Z' }).where('id', '=', recent.id).execute();
    await ask(new Client(t), email);
    await mailTo(email);
    const account = await t.dbh.db.selectFrom('accounts').select('person_id').where('email', '=', email).executeTakeFirstOrThrow();
    expect(account.person_id).toBe(recent.id);
  });

  it('asks an admin for the second factor after the link', async () => {
    const org = await makeOrg(t.dbh.db);
    const admin = await makeAccount(t.dbh.db, { grants: [{ role: 'org_admin', scopeKind: 'organization', scopeId: org.id }] });
    await ask(new Client(t), admin.email);
    const token = tokenIn((await mailTo(admin.email)).text);
    const c = new Client(t);
    const res = await c.post('/api/auth/magic-link/consume', { token });
    expect(res.json()).toEqual({ next: 'totp_enrolment', returnTo: '/' });
    expect((await c.get('/api/me')).json().account.mfaVerified).toBe(false);
  });

  it('refuses return paths that leave the site', async () => {
    const { email } = await makeAccount(t.dbh.db);
    const c = new Client(t);
    for (const bad of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'evil']) {
      const res = await ask(c, email, bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.field).toBe('returnTo');
    }
  });

  it('limits requests per IP address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/magic-link',
        remoteAddress: '10.77.0.1',
        cookies: { rempart_csrf: 'c'.repeat(32) },
        headers: { 'x-csrf-token': 'c'.repeat(32) },
        payload: { email: `n${i}@nobody.test` },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 60).every((s) => s === 202)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});
