import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pooledSmtpUrl, SmtpMailer } from './mailer.js';

describe('pooledSmtpUrl', () => {
  it('turns pooling on and keeps what the operator wrote', () => {
    const url = new URL(pooledSmtpUrl('smtps://user:p%40ss@mail.example.fr:465'));
    expect(url.searchParams.get('pool')).toBe('true');
    expect(url.searchParams.get('maxConnections')).toBe('3');
    expect(url.username).toBe('user');
    expect(decodeURIComponent(url.password)).toBe('p@ss');
    expect(url.port).toBe('465');
  });

  it('leaves pooling off when the operator asks', () => {
    const url = new URL(pooledSmtpUrl('smtp://127.0.0.1:2525?pool=false&maxConnections=1'));
    expect(url.searchParams.get('pool')).toBe('false');
    expect(url.searchParams.get('maxConnections')).toBe('1');
  });
});

describe('SmtpMailer against a real SMTP server', () => {
  let connections = 0;
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, cb) {
      connections++;
      cb();
    },
    onData(stream, session, cb) {
      stream.resume();
      stream.on('end', () => {
        received.push(session.envelope.rcptTo[0]!.address);
        cb();
      });
    },
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends a run of emails over a few reused connections, each email once', async () => {
    const mailer = new SmtpMailer(url, 'Rempart <ne-pas-repondre@rempart.test>');
    const to = Array.from({ length: 40 }, (_, i) => `agent${i}@chu.test`);
    await Promise.all(to.map((address) => mailer.send({ to: address, subject: 'Rappel', text: 'Votre module est à faire.' })));
    mailer.close();
    expect(received.toSorted()).toEqual(to.toSorted());
    // One connection per email without the pool.
    expect(connections).toBeLessThanOrEqual(3);
  });
});
