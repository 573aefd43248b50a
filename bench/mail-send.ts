/**
 * Benchmark: the app's own emails (magic links, learning reminders, flash alerts) through
 * SmtpMailer to a local SMTP server, one connection per email (`?pool=false`, as before) against the
 * shipped pooled transport (up to three reused connections). The learning jobs send one after the
 * other, so the run does too; the server counts connections and messages.
 *
 *   npx tsx bench/mail-send.ts
 * BENCH_EMAILS (300).
 */
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { SMTPServer } from 'smtp-server';
import { SmtpMailer } from '../src/server/platform/mail/mailer.js';

const emails = Number(process.env.BENCH_EMAILS ?? 300);

async function main(): Promise<void> {
  let connections = 0;
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, cb) {
      connections++;
      cb();
    },
    onData(stream, _session, cb) {
      stream.resume();
      stream.on('end', () => {
        received++;
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  console.log(
    `mail send: ${emails} emails one after the other; ${cpus().length} CPUs, node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`,
  );
  for (const [label, smtpUrl] of [
    ['one connection per email (?pool=false)', `${url}?pool=false`],
    ['pooled (shipped)', url],
  ] as const) {
    connections = 0;
    received = 0;
    const mailer = new SmtpMailer(smtpUrl, 'Rempart <ne-pas-repondre@rempart.test>');
    const started = performance.now();
    for (let i = 0; i < emails; i++) {
      await mailer.send({ to: `agent${i}@chu.test`, subject: 'Rappel : module à terminer', text: 'Bonjour,\n'.repeat(40) });
    }
    const seconds = (performance.now() - started) / 1000;
    mailer.close();
    console.log(
      `${label}: ${(emails / seconds).toFixed(0)} emails/s, ${seconds.toFixed(1)} s, ${connections} connections, ${received} received`,
    );
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

await main();
