/**
 * A real SMTP server (smtp-server) whose answers a test scripts: temporary or permanent refusals
 * of a recipient or of a message, implicit TLS or STARTTLS (smtp-server's own localhost
 * certificate), required authentication. Keeps each accepted message raw, with its envelope.
 *
 *   const smtp = await startScriptedSmtp({ auth: { user: 'u', pass: 'p', methods: ['LOGIN'] } });
 *   smtp.onMessage = (to) => (to.startsWith('busy') ? { code: 451, message: 'try later' } : null);
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ScriptedReply {
  code: number;
  message: string;
}

export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: Buffer;
  /** Whether the session was encrypted (implicit TLS or STARTTLS), and who authenticated. */
  secure: boolean;
  user: string | null;
}

export interface ScriptedSmtp {
  port: number;
  messages: ReceivedMessage[];
  /** Answer to RCPT TO; null accepts. */
  onRecipient: (to: string) => ScriptedReply | null;
  /** Answer to the end of DATA; null accepts (250). */
  onMessage: (to: string, raw: Buffer) => ScriptedReply | null;
  /** MAIL, RCPT and DATA as the server saw them, in order. */
  commands: string[];
  stop(): Promise<void>;
}

export interface ScriptedOptions {
  /** Implicit TLS from the first byte. */
  secure?: boolean;
  /** Offer STARTTLS (off by default, like a plain relay). */
  starttls?: boolean;
  auth?: { user: string; pass: string; methods?: Array<'PLAIN' | 'LOGIN'> };
}

const refusal = (r: ScriptedReply) => Object.assign(new Error(r.message), { responseCode: r.code });

export async function startScriptedSmtp(opts: ScriptedOptions = {}): Promise<ScriptedSmtp> {
  const state: ScriptedSmtp = {
    port: 0,
    messages: [],
    commands: [],
    onRecipient: () => null,
    onMessage: () => null,
    stop: async () => {},
  };
  const disabled = [...(opts.starttls || opts.secure ? [] : ['STARTTLS']), ...(opts.auth ? [] : ['AUTH'])];
  const server = new SMTPServer({
    secure: opts.secure ?? false,
    logger: false,
    disabledCommands: disabled,
    authMethods: opts.auth?.methods ?? ['PLAIN', 'LOGIN'],
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, cb) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) return cb(null, { user: auth.username });
      return cb(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onMailFrom(_address, _session, cb) {
      state.commands.push('MAIL');
      cb();
    },
    onRcptTo(address, _session, cb) {
      state.commands.push('RCPT');
      const r = state.onRecipient(address.address.toLowerCase());
      cb(r ? refusal(r) : undefined);
    },
    onData(stream, session, cb) {
      state.commands.push('DATA');
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', () => {}); // the client went away before the end: nothing was received
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const r = state.onMessage(to[0] ?? '', raw);
        if (r) return cb(refusal(r));
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        state.messages.push({ from, to, raw, secure: session.secure, user: (session.user as string | undefined) ?? null });
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  state.port = (server.server.address() as AddressInfo).port;
  state.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}
