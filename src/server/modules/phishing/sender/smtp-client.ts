import { isIP, connect as netConnect, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { type ConnectionOptions, type TLSSocket, connect as tlsConnect } from 'node:tls';
import type { TlsMode } from '../tables.js';

/**
 * A small SMTP client (RFC 5321) over node:net and node:tls, written for the sender's
 * exactly-once design (ADR 0007): the caller decides the very moment the final "." of DATA is
 * written, so it can commit "sent" to the database in the same synchronous tick. Library clients
 * write the body and its end together and give no such hook.
 */

export interface SmtpOptions {
  host: string;
  port: number;
  tlsMode: TlsMode;
  username?: string | null;
  password?: string | null;
  /** The name given in EHLO (default: this machine's host name). */
  clientName?: string;
  /** How long to wait for each reply (default 2 minutes). */
  timeoutMs?: number;
  /** Extra TLS options, e.g. a test server's own certificate authority. */
  tls?: ConnectionOptions;
}

export interface SmtpReply {
  code: number;
  lines: string[];
}

export type SmtpStage = 'connect' | 'greeting' | 'ehlo' | 'starttls' | 'auth' | 'mail' | 'rcpt' | 'data' | 'end' | 'rset' | 'quit';

/** An SMTP failure: `code` is the server's reply code, or null when the network failed. */
export class SmtpError extends Error {
  constructor(
    readonly stage: SmtpStage,
    readonly code: number | null,
    message: string,
  ) {
    super(message);
  }
  /** 4xx and network failures may succeed later; 5xx will not. */
  get temporary(): boolean {
    return this.code === null || this.code < 500;
  }
}

/** SNI names a host, never an address (RFC 6066). */
const serverName = (host: string) => (isIP(host) ? {} : { servername: host });
const replyText = (r: SmtpReply) => `${r.code} ${r.lines.join(' ')}`.trim();

/** Escapes lines starting with "." and makes every line end with CRLF (RFC 5321 §4.5.2). */
export function dotStuff(raw: Buffer): Buffer {
  let s = raw.toString('latin1').replace(/\r?\n/g, '\r\n');
  s = s.replace(/(^|\r\n)\./g, '$1..');
  if (!s.endsWith('\r\n')) s += '\r\n';
  return Buffer.from(s, 'latin1');
}

interface Waiter {
  stage: SmtpStage;
  resolve: (r: SmtpReply) => void;
  reject: (e: SmtpError) => void;
  timer: NodeJS.Timeout;
}

export class SmtpClient {
  private socket: Socket | TLSSocket;
  private buffer = '';
  private partial: string[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly early: SmtpReply[] = [];
  private failure: SmtpError | null = null;
  private capabilities = new Set<string>();
  private authMethods = new Set<string>();
  /** A transaction was started since the last RSET: the next message begins with one. */
  private dirty = false;
  private readonly timeoutMs: number;

  private constructor(
    private readonly opts: SmtpOptions,
    socket: Socket | TLSSocket,
  ) {
    this.timeoutMs = opts.timeoutMs ?? 120_000;
    this.socket = socket;
    this.attach(socket);
  }

  /** Connects, reads the greeting, says EHLO, upgrades with STARTTLS when asked, authenticates. */
  static async connect(opts: SmtpOptions): Promise<SmtpClient> {
    const socket = await new Promise<Socket | TLSSocket>((resolve, reject) => {
      const fail = (err: Error) => reject(new SmtpError('connect', null, `${opts.host}:${opts.port}: ${err.message}`));
      const s =
        opts.tlsMode === 'tls'
          ? tlsConnect({ host: opts.host, port: opts.port, ...serverName(opts.host), ...opts.tls }, () => resolve(s))
          : netConnect({ host: opts.host, port: opts.port }, () => resolve(s));
      s.once('error', fail);
      s.setTimeout(opts.timeoutMs ?? 120_000, () => s.destroy(new Error('connection timed out')));
    });
    socket.removeAllListeners('error');
    socket.setTimeout(0);
    socket.setNoDelay(true);
    const client = new SmtpClient(opts, socket);
    try {
      await client.expect(await client.reply('greeting'), [220], 'greeting');
      await client.hello();
      if (opts.tlsMode === 'starttls') await client.startTls();
      if (opts.username) await client.authenticate(opts.username, opts.password ?? '');
      return client;
    } catch (err) {
      client.destroy();
      throw err;
    }
  }

  /** Whether the connection can carry another message. */
  get usable(): boolean {
    return this.failure === null && !this.socket.destroyed;
  }

  supports(extension: string): boolean {
    return this.capabilities.has(extension.toUpperCase());
  }

  /** MAIL FROM, RCPT TO, DATA (after a RSET when a transaction came before). */
  async beginMessage(from: string, to: string): Promise<void> {
    if (this.dirty) await this.command('RSET', 'rset', [250]);
    this.dirty = true;
    const body = this.supports('8BITMIME') ? ' BODY=8BITMIME' : '';
    await this.command(`MAIL FROM:<${from}>${body}`, 'mail', [250]);
    await this.command(`RCPT TO:<${to}>`, 'rcpt', [250, 251]);
    await this.command('DATA', 'data', [354]);
  }

  /** Writes the message, dot-stuffed, without its end; resolves once the kernel has it all. */
  writeBody(raw: Buffer): Promise<void> {
    const data = dotStuff(raw);
    return new Promise((resolve, reject) => {
      if (!this.usable) return reject(this.failure ?? new SmtpError('data', null, 'connection closed'));
      this.socket.write(data, (err) => (err ? reject(new SmtpError('data', null, err.message)) : resolve()));
    });
  }

  /**
   * Writes the final "." synchronously (the caller has just committed "sent") and returns the
   * server's verdict on the message, whatever its code; rejects only if the network fails.
   */
  endData(): Promise<SmtpReply> {
    const pending = this.reply('end');
    pending.catch(() => {}); // the caller awaits it; a failure before that must not go unhandled
    if (this.usable) this.socket.write('.\r\n');
    return pending;
  }

  async quit(): Promise<void> {
    if (this.usable) {
      try {
        await this.command('QUIT', 'quit', [221]);
      } catch {
        // Closing anyway.
      }
    }
    this.destroy();
  }

  destroy(): void {
    this.fail(new SmtpError('quit', null, 'connection closed by the client'));
    this.socket.destroy();
  }

  // ---------------------------------------------------------------------------------------------

  private attach(socket: Socket | TLSSocket): void {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.onData(chunk));
    socket.on('error', (err) => this.fail(new SmtpError('connect', null, err.message)));
    socket.on('close', () => this.fail(new SmtpError('connect', null, 'connection closed by the server')));
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let at = this.buffer.indexOf('\n');
    while (at >= 0) {
      const line = this.buffer.slice(0, at).replace(/\r$/, '');
      this.buffer = this.buffer.slice(at + 1);
      this.onLine(line);
      at = this.buffer.indexOf('\n');
    }
  }

  /** "250-first" lines continue a reply, "250 last" ends it (RFC 5321 §4.2.1). */
  private onLine(line: string): void {
    const m = /^(\d{3})([ -]?)(.*)$/.exec(line);
    if (!m) {
      this.fail(new SmtpError('connect', null, `unreadable reply: ${line.slice(0, 200)}`));
      this.socket.destroy();
      return;
    }
    this.partial.push(m[3] ?? '');
    if (m[2] === '-') return;
    const reply: SmtpReply = { code: Number(m[1]), lines: this.partial };
    this.partial = [];
    const waiter = this.waiters.shift();
    if (!waiter) {
      this.early.push(reply);
      return;
    }
    clearTimeout(waiter.timer);
    waiter.resolve(reply);
  }

  private fail(err: SmtpError): void {
    if (!this.failure) this.failure = err;
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new SmtpError(w.stage, null, err.message));
    }
  }

  private reply(stage: SmtpStage): Promise<SmtpReply> {
    const early = this.early.shift();
    if (early) return Promise.resolve(early);
    if (this.failure) return Promise.reject(new SmtpError(stage, null, this.failure.message));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const err = new SmtpError(stage, null, `no reply within ${this.timeoutMs} ms`);
        this.fail(err);
        this.socket.destroy();
      }, this.timeoutMs);
      this.waiters.push({ stage, resolve, reject, timer });
    });
  }

  private expect(reply: SmtpReply, codes: number[], stage: SmtpStage): SmtpReply {
    if (!codes.includes(reply.code)) throw new SmtpError(stage, reply.code, replyText(reply));
    return reply;
  }

  private async command(line: string, stage: SmtpStage, codes: number[]): Promise<SmtpReply> {
    if (!this.usable) throw new SmtpError(stage, null, this.failure?.message ?? 'connection closed');
    const pending = this.reply(stage);
    this.socket.write(`${line}\r\n`);
    return this.expect(await pending, codes, stage);
  }

  private async hello(): Promise<void> {
    const name = this.opts.clientName ?? (hostname() || 'localhost');
    const pending = this.reply('ehlo');
    this.socket.write(`EHLO ${name}\r\n`);
    const reply = await pending;
    if (reply.code !== 250) {
      // A server from another age: HELO, no extension.
      await this.command(`HELO ${name}`, 'ehlo', [250]);
      this.capabilities = new Set();
      return;
    }
    const keywords = reply.lines.slice(1).map((l) => l.trim().toUpperCase());
    this.capabilities = new Set(keywords.map((k) => k.split(/[\s=]/)[0] ?? ''));
    this.authMethods = new Set(keywords.filter((k) => /^AUTH[\s=]/.test(k)).flatMap((k) => k.slice(5).split(/\s+/)));
  }

  private async startTls(): Promise<void> {
    if (!this.supports('STARTTLS')) throw new SmtpError('starttls', null, `${this.opts.host} does not offer STARTTLS`);
    await this.command('STARTTLS', 'starttls', [220]);
    const plain = this.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('error');
    plain.removeAllListeners('close');
    this.socket = await new Promise<TLSSocket>((resolve, reject) => {
      const s = tlsConnect({ socket: plain, ...serverName(this.opts.host), ...this.opts.tls }, () => resolve(s));
      s.once('error', (err) => reject(new SmtpError('starttls', null, err.message)));
    });
    this.socket.removeAllListeners('error');
    this.attach(this.socket);
    await this.hello();
  }

  private async authenticate(user: string, pass: string): Promise<void> {
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
    if (this.authMethods.has('LOGIN') && !this.authMethods.has('PLAIN')) {
      await this.command('AUTH LOGIN', 'auth', [334]);
      await this.command(b64(user), 'auth', [334]);
      await this.command(b64(pass), 'auth', [235]);
      return;
    }
    await this.command(`AUTH PLAIN ${b64(`\u0000${user}\u0000${pass}`)}`, 'auth', [235]);
  }
}
