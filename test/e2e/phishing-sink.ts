import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server inside the spec that keeps each message whole (raw bytes and headers): the
 * suite's shared sink keeps only subject and text, and the phishing checks need the
 * X-Rempart-Simulation header and the raw email to parse and to forward.
 */
export interface RawMessage {
  to: string[];
  raw: Buffer;
  /** X-Rempart-Simulation: the campaign id, or `test` for a profile's test email. */
  simulation: string | null;
  messageId: string | null;
  receivedAt: number;
}

export interface RawSink {
  port: number;
  messages: RawMessage[];
  ofCampaign(campaignId: string): RawMessage[];
  stop(): Promise<void>;
}

export async function startRawSink(port: number): Promise<RawSink> {
  const messages: RawMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 5 * 1024 * 1024,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const sim = parsed.headers.get('x-rempart-simulation');
            messages.push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              raw,
              simulation: typeof sim === 'string' ? sim.trim() : null,
              messageId: parsed.messageId ?? null,
              receivedAt: Date.now(),
            });
            cb();
          })
          .catch((err: Error) => cb(err));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    messages,
    ofCampaign: (id) => messages.filter((m) => m.simulation === id),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
