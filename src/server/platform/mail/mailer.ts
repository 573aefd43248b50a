import nodemailer, { type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Two implementations: SMTP (real, also used in e2e against a local sink) and a log outbox. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Lets go of open connections (app shutdown). */
  close?(): void;
}

/**
 * The SMTP URL with connection pooling on unless the operator said otherwise (`?pool=false`): a
 * connection per email managed about 10 emails a second against a local server, so a flash alert to
 * 1,700 nurses took three minutes; a few reused connections send the same in seconds.
 */
export function pooledSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', '3');
  return url.toString();
}

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(pooledSmtpUrl(smtpUrl));
  }
  close(): void {
    this.transport.close();
  }
  async send(m: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: m.to, subject: m.subject, text: m.text, ...(m.html ? { html: m.html } : {}) });
  }
}

/**
 * Used when no SMTP_URL is configured (the demo): messages are kept in memory and printed to the
 * log, so a demo user can still follow a magic link. Also the in-memory twin for unit tests.
 */
export class OutboxMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  constructor(private readonly log?: (line: string) => void) {}
  async send(m: MailMessage): Promise<void> {
    this.sent.push(m);
    if (this.sent.length > 200) this.sent.shift();
    this.log?.(`[mail] to=${m.to} subject=${JSON.stringify(m.subject)}\n${m.text}`);
  }
}
