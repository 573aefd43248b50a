import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { AppDeps } from '../../../platform/context.js';
import { processReportedMessage, REPORT_MAX_BYTES } from './intake.js';

export interface ReportReceiver {
  listen(port: number, host: string): Promise<void>;
  close(): Promise<void>;
  /** The port actually bound (useful with port 0). */
  port(): number;
}

type ReceiverDeps = Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'audit' | 'config'>;

/**
 * The mailbox staff forward suspicious emails to. It is reached by the organization's own mail
 * relay, so there is no authentication; it accepts mail for the reporting address only, so it
 * can never be used as a relay.
 */
export function createReportReceiver(deps: ReceiverDeps): ReportReceiver {
  const address = deps.config.REPORT_ADDRESS.toLowerCase();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: REPORT_MAX_BYTES,
    logger: false,
    onRcptTo(rcpt, _session, cb) {
      if (rcpt.address.toLowerCase() !== address) {
        const err = Object.assign(new Error('5.1.1 Unknown recipient'), { responseCode: 550 });
        cb(err);
        return;
      }
      cb();
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          cb(Object.assign(new Error('5.3.4 Message too large'), { responseCode: 552 }));
          return;
        }
        processReportedMessage(deps, Buffer.concat(chunks), 'smtp').then(
          () => cb(),
          // A temporary failure: the sending relay keeps the message and tries again later.
          () => cb(Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 })),
        );
      });
    },
  });
  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
    port: () => ((server as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo).port,
  };
}
