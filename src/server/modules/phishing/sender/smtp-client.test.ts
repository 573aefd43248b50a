import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptedSmtp, startScriptedSmtp } from '../../../../../test/support/smtp-scripted.js';
import { type SmtpSink, startSmtpSink } from '../../../../../test/support/smtp-sink.js';
import { dotStuff, SmtpClient, SmtpError } from './smtp-client.js';

const message = (to: string, subject: string, body: string) =>
  Buffer.from(
    `From: a@simulation.test\r\nTo: ${to}\r\nSubject: ${subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n${body}`,
  );

async function send(client: SmtpClient, to: string, raw: Buffer) {
  await client.beginMessage('a@simulation.test', to);
  await client.writeBody(raw);
  return client.endData();
}

const selfSigned = { rejectUnauthorized: false };

describe('SMTP client', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => sink.stop());

  it('sends several messages over one connection to the SMTP sink', async () => {
    const client = await SmtpClient.connect({ host: '127.0.0.1', port: sink.port, tlsMode: 'none' });
    const r1 = await send(
      client,
      'one@staff.test',
      message('one@staff.test', 'Premier', 'Bonjour\r\n.ligne qui commence par un point\r\n'),
    );
    const r2 = await send(client, 'two@staff.test', message('two@staff.test', 'Second', 'Encore'));
    await client.quit();
    expect([r1.code, r2.code]).toEqual([250, 250]);
    const first = await sink.waitFor((m) => m.to.includes('one@staff.test'));
    expect(first.subject).toBe('Premier');
    expect(first.text).toContain('.ligne qui commence par un point');
    expect((await sink.waitFor((m) => m.to.includes('two@staff.test'))).subject).toBe('Second');
  });

  it('dot-stuffs lines that start with a dot and ends every line with CRLF', () => {
    expect(dotStuff(Buffer.from('.a\n..b\r\nc.\n.')).toString()).toBe('..a\r\n...b\r\nc.\r\n..\r\n');
  });

  it('speaks STARTTLS, implicit TLS, AUTH PLAIN and AUTH LOGIN', async () => {
    const servers: ScriptedSmtp[] = [];
    try {
      const starttls = await startScriptedSmtp({ starttls: true, auth: { user: 'rssi', pass: 's3cret', methods: ['PLAIN'] } });
      const implicit = await startScriptedSmtp({ secure: true, auth: { user: 'rssi', pass: 's3cret', methods: ['LOGIN'] } });
      servers.push(starttls, implicit);
      for (const [server, tlsMode] of [
        [starttls, 'starttls'],
        [implicit, 'tls'],
      ] as const) {
        const client = await SmtpClient.connect({
          host: '127.0.0.1',
          port: server.port,
          tlsMode,
          username: 'rssi',
          password: 's3cret',
          tls: selfSigned,
        });
        expect((await send(client, 'x@staff.test', message('x@staff.test', 'TLS', 'ok'))).code).toBe(250);
        await client.quit();
        expect(server.messages).toHaveLength(1);
        expect(server.messages[0]).toMatchObject({ secure: true, user: 'rssi', to: ['x@staff.test'] });
      }
      const refused = await SmtpClient.connect({
        host: '127.0.0.1',
        port: implicit.port,
        tlsMode: 'tls',
        username: 'rssi',
        password: 'wrong',
        tls: selfSigned,
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(SmtpError);
      expect(refused).toMatchObject({ stage: 'auth', code: 535 });
    } finally {
      for (const s of servers) await s.stop();
    }
  });

  it('refuses to go on in clear text when STARTTLS is asked and not offered', async () => {
    const err = await SmtpClient.connect({ host: '127.0.0.1', port: sink.port, tlsMode: 'starttls' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ stage: 'starttls' });
  });

  it('reports refusals with their code: temporary at RCPT, permanent at the end of DATA', async () => {
    const server = await startScriptedSmtp();
    server.onRecipient = (to) => (to.startsWith('busy') ? { code: 451, message: 'Mailbox busy, try later' } : null);
    server.onMessage = (to) => (to.startsWith('gone') ? { code: 550, message: 'No such user here' } : null);
    try {
      const client = await SmtpClient.connect({ host: '127.0.0.1', port: server.port, tlsMode: 'none' });
      const busy = await client.beginMessage('a@simulation.test', 'busy@staff.test').catch((e: unknown) => e);
      expect(busy).toMatchObject({ stage: 'rcpt', code: 451, temporary: true });
      expect((busy as Error).message).toContain('Mailbox busy');
      const gone = await send(client, 'gone@staff.test', message('gone@staff.test', 'x', 'y'));
      expect(gone.code).toBe(550);
      expect(gone.lines.join(' ')).toContain('No such user');
      // The connection is still good for the next message (after a RSET).
      expect((await send(client, 'ok@staff.test', message('ok@staff.test', 'x', 'y'))).code).toBe(250);
      await client.quit();
      expect(server.messages.map((m) => m.to[0])).toEqual(['ok@staff.test']);
    } finally {
      await server.stop();
    }
  });

  it('fails with a network error (temporary) when nobody listens', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const err = await SmtpClient.connect({ host: '127.0.0.1', port, tlsMode: 'none' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ stage: 'connect', code: null, temporary: true });
  });
});

describe('SMTP client, byte by byte', () => {
  let server: Server;
  let port: number;
  const transcript: string[] = [];

  // A scripted peer: multi-line greeting and EHLO, then records every line the client writes.
  beforeAll(async () => {
    server = createServer((socket) => {
      socket.write('220-smtp.example.test ESMTP\r\n220-second line\r\n220 ready\r\n');
      let buffer = '';
      let inData = false;
      socket.on('data', (chunk) => {
        buffer += chunk.toString('latin1');
        for (let at = buffer.indexOf('\r\n'); at >= 0; at = buffer.indexOf('\r\n')) {
          const line = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          transcript.push(line);
          if (inData) {
            if (line === '.') {
              inData = false;
              socket.write('250 2.0.0 queued\r\n');
            }
            continue;
          }
          if (line.startsWith('EHLO')) socket.write('250-smtp.example.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 1000000\r\n');
          else if (line === 'DATA') {
            inData = true;
            socket.write('354 go ahead\r\n');
          } else if (line === 'QUIT') socket.end('221 bye\r\n');
          else socket.write('250 ok\r\n');
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => new Promise<void>((r) => server.close(() => r())));

  it('reads multi-line replies, resets between messages, stuffs dots and quits', async () => {
    const client = await SmtpClient.connect({ host: '127.0.0.1', port, tlsMode: 'none', clientName: 'rempart.test' });
    expect(client.supports('8BITMIME')).toBe(true);
    await send(client, 'a@staff.test', Buffer.from('Subject: 1\r\n\r\n.hidden\r\nend'));
    await send(client, 'b@staff.test', Buffer.from('Subject: 2\r\n\r\nbody'));
    await client.quit();
    expect(transcript).toEqual([
      'EHLO rempart.test',
      'MAIL FROM:<a@simulation.test> BODY=8BITMIME',
      'RCPT TO:<a@staff.test>',
      'DATA',
      'Subject: 1',
      '',
      '..hidden',
      'end',
      '.',
      'RSET',
      'MAIL FROM:<a@simulation.test> BODY=8BITMIME',
      'RCPT TO:<b@staff.test>',
      'DATA',
      'Subject: 2',
      '',
      'body',
      '.',
      'QUIT',
    ]);
  });
});
