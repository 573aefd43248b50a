import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { type SmtpSink, startSmtpSink } from '../../../../test/support/smtp-sink.js';
import { auditOf } from '../identity/test-kit.js';
import { profileInput, tenant } from './library-test-kit.js';
import type { ProfileDto } from './profiles-schema.js';

/** A port on which nothing listens (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('phishing sending profiles', () => {
  let t: TestApp;
  let sink: SmtpSink;
  beforeAll(async () => {
    t = await makeTestApp();
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.stop();
    await t.close();
  });

  it('creates, lists, updates and archives a profile; the password is sealed and never answered', async () => {
    const { orgId, admin, base } = await tenant(t);
    const res = await admin.client.post(`${base}/profiles`, profileInput());
    expect(res.statusCode).toBe(201);
    const created: ProfileDto = res.json();
    expect(created).toMatchObject({ name: 'Relais interne', hasPassword: true, windowDays: [1, 2, 3, 4, 5], tlsMode: 'none' });
    expect(JSON.stringify(created)).not.toContain('S3cret-relais!');
    const row = await t.dbh.db.selectFrom('phishing_sending_profiles').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.organization_id).toBe(orgId);
    expect(row.password_sealed).not.toContain('S3cret');
    expect(t.deps.secrets.open(row.password_sealed!)).toBe('S3cret-relais!');

    const list = await admin.client.get(`${base}/profiles`);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: created.id, hasPassword: true }] });
    expect(list.body).not.toContain('S3cret');

    // No password in the update: the sealed one stays; null removes it.
    const { password: _p, ...withoutPassword } = profileInput({ name: 'Relais renommé', windowDays: [5, 1, 1] });
    const kept = await admin.client.put(`${base}/profiles/${created.id}`, withoutPassword);
    expect(kept.json()).toMatchObject({ name: 'Relais renommé', hasPassword: true, windowDays: [1, 5] });
    const cleared = await admin.client.put(`${base}/profiles/${created.id}`, profileInput({ password: null }));
    expect(cleared.json().hasPassword).toBe(false);

    const other = await tenant(t);
    expect((await other.admin.client.get(`${other.base}/profiles/${created.id}`)).statusCode).toBe(404);
    expect((await other.admin.client.post(`${other.base}/profiles/${created.id}/test`, { to: 'x@example.org' })).statusCode).toBe(404);

    expect((await admin.client.delete(`${base}/profiles/${created.id}`)).statusCode).toBe(204);
    expect((await admin.client.get(`${base}/profiles/${created.id}`)).statusCode).toBe(404);
    const audit = await auditOf(t, created.id);
    expect(audit.map((a) => a.action)).toEqual([
      'phishing.profile.create',
      'phishing.profile.update',
      'phishing.profile.update',
      'phishing.profile.archive',
    ]);
    expect(JSON.stringify(audit)).not.toContain('S3cret');
  });

  it('refuses bad settings, naming the field', async () => {
    const { admin, base } = await tenant(t);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ host: 'smtp://relay.example.org' }, 'body.host'],
      [{ port: 70000 }, 'body.port'],
      [{ tlsMode: 'ssl' }, 'body.tlsMode'],
      [{ fromAddress: 'pas-une-adresse' }, 'body.fromAddress'],
      [{ ratePerMinute: 0 }, 'body.ratePerMinute'],
      [{ ratePerMinute: 6001 }, 'body.ratePerMinute'],
      [{ windowDays: [0, 8] }, 'body.windowDays.0'],
      [{ windowDays: [] }, 'body.windowDays'],
      [{ windowStart: '8h' }, 'body.windowStart'],
      [{ windowStart: '18:00', windowEnd: '08:00' }, 'body.windowEnd'],
      [{ timeZone: 'Europe/Rouen' }, 'body.timeZone'],
      [{ extraHeaders: [{ name: 'Subject', value: 'x' }] }, 'body.extraHeaders.0.name'],
      [{ extraHeaders: [{ name: 'X-Ok', value: 'a\r\nBcc: victim@example.org' }] }, 'body.extraHeaders.0.value'],
      [{ fromName: 'Nom\nBcc: x@example.org' }, 'body.fromName'],
    ];
    for (const [over, field] of cases) {
      const res = await admin.client.post(`${base}/profiles`, profileInput(over));
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
  });

  it('sends a real test email through the profile to the SMTP sink', async () => {
    const { admin, base } = await tenant(t);
    const created: ProfileDto = (await admin.client.post(`${base}/profiles`, profileInput({ port: sink.port }))).json();
    const res = await admin.client.post(`${base}/profiles/${created.id}/test`, { to: 'Responsable.Securite@chu.example.fr' });
    expect(res.statusCode).toBe(200);
    expect(res.json().ok).toBe(true);
    expect(res.json().message).toContain('250');
    const mail = await sink.waitFor((m) => m.to.includes('responsable.securite@chu.example.fr'));
    expect(mail.from).toBe('support@simulation.example.fr');
    expect(mail.subject).toContain('Relais interne');
  });

  it('answers 422 with a clear message when the server is unreachable or refuses', async () => {
    const { admin, base } = await tenant(t);
    const port = await closedPort();
    const down: ProfileDto = (await admin.client.post(`${base}/profiles`, profileInput({ port }))).json();
    const res = await admin.client.post(`${base}/profiles/${down.id}/test`, { to: 'rssi@chu.example.fr' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'smtp_unreachable', field: 'host' });
    expect(res.json().error.message).toContain(`Impossible de joindre le serveur SMTP 127.0.0.1:${port}`);

    const unknownHost: ProfileDto = (
      await admin.client.post(`${base}/profiles`, profileInput({ host: 'smtp.rempart.invalid', port: 25 }))
    ).json();
    const dns = await admin.client.request({
      method: 'POST',
      url: `${base}/profiles/${unknownHost.id}/test`,
      payload: { to: 'rssi@chu.example.fr' },
      cookies: { rempart_locale: 'en' },
    });
    expect(dns.statusCode).toBe(422);
    expect(dns.json().error.message).toContain('Could not reach the SMTP server smtp.rempart.invalid:25');

    // The sink offers no STARTTLS: a profile that requires it is refused with the reason.
    const tls: ProfileDto = (await admin.client.post(`${base}/profiles`, profileInput({ port: sink.port, tlsMode: 'starttls' }))).json();
    const refused = await admin.client.post(`${base}/profiles/${tls.id}/test`, { to: 'rssi@chu.example.fr' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/STARTTLS/i);
  });
});
