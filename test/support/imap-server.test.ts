import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImapServer, startImapServer } from './imap-server.js';

const PASSWORD = 'mot de "passe" \\ ñ';

describe('the test IMAP server, as imapflow sees it', () => {
  let imap: ImapServer;
  beforeAll(async () => {
    imap = await startImapServer();
    imap.addUser('boite', PASSWORD, ['INBOX', 'Signalements']);
    for (const n of [1, 2, 3]) imap.append('boite', 'Signalements', `From: a${n}@test.localhost\nSubject: n${n}\n\ncorps ${n}\n`);
  });
  afterAll(() => imap.stop());

  const client = (loginMethod?: 'LOGIN', pass = PASSWORD) => {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port: imap.port,
      secure: false,
      auth: { user: 'boite', pass, ...(loginMethod ? { loginMethod } : {}) },
      logger: false,
      disableAutoIdle: true,
    });
    c.on('error', () => {});
    return c;
  };

  it('logs in with LOGIN or AUTHENTICATE PLAIN, quoted characters included, and refuses a wrong password', async () => {
    for (const method of ['LOGIN', undefined] as const) {
      const c = client(method);
      await c.connect();
      await c.logout();
    }
    expect(imap.commands).toEqual(expect.arrayContaining(['LOGIN boite ***', 'AUTHENTICATE PLAIN']));
    expect(imap.commands.join('\n')).not.toContain('passe');
    await expect(client(undefined, 'faux').connect()).rejects.toMatchObject({ authenticationFailed: true });
  });

  it('answers UID ranges as IMAP does (n:* always includes the last message) and keeps flags', async () => {
    const c = client();
    await c.connect();
    const box = await c.mailboxOpen('Signalements');
    expect([box.exists, box.uidNext]).toEqual([3, 4]);
    expect(await c.search({ uid: '2:*' }, { uid: true })).toEqual([2, 3]);
    const beyond: number[] = [];
    for await (const m of c.fetch('9:*', { uid: true }, { uid: true })) beyond.push(m.uid);
    expect(beyond).toEqual([3]);
    const peeked = await c.fetchOne('2', { source: true }, { uid: true });
    expect(peeked ? peeked.source?.toString() : '').toContain('corps 2');
    expect(imap.flags('boite', 'Signalements', 2)).toEqual([]);
    await c.messageFlagsAdd('2', ['\\Seen'], { uid: true });
    expect(imap.flags('boite', 'Signalements', 2)).toEqual(['\\Seen']);
    expect(await c.search({ seen: false }, { uid: true })).toEqual([1, 3]);
    await c.logout();

    imap.rebuild('boite', 'Signalements');
    const again = client();
    await again.connect();
    const rebuilt = await again.mailboxOpen('Signalements');
    expect(rebuilt.uidValidity).not.toBe(box.uidValidity);
    await expect(again.mailboxOpen('Absent')).rejects.toMatchObject({ serverResponseCode: 'NONEXISTENT' });
    await again.logout();
  });
});
