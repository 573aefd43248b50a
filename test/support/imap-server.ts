/**
 * A real IMAP4rev1 server over TCP (or implicit TLS), mailboxes in memory: enough of the protocol
 * for imapflow (CAPABILITY, LOGIN, AUTHENTICATE PLAIN, LIST, SELECT/EXAMINE, SEARCH, FETCH,
 * STORE, plain or UID, NOOP, CLOSE, LOGOUT). Tests append messages, read flags, and rebuild a
 * mailbox under a new UIDVALIDITY like a server whose index was recreated.
 * Usage: `startImapServer()`, then `addUser('signalement', 'secret', ['INBOX'])`, `append(user, 'INBOX', raw)`.
 */
import net from 'node:net';
import tls from 'node:tls';

export type StoredMessage = { uid: number; raw: Buffer; flags: Set<string> };
type Mailbox = { uidValidity: number; uidNext: number; messages: StoredMessage[] };

export interface ImapServer {
  port: number;
  /** Every command received, tag dropped, passwords masked: what the client really sends. */
  commands: string[];
  /** The commands of the sessions logged in as this user. */
  commandsOf(user: string): string[];
  addUser(user: string, password: string, folders?: string[]): void;
  append(user: string, folder: string, raw: Buffer | string, flags?: string[]): number;
  flags(user: string, folder: string, uid: number): string[];
  /** New UIDVALIDITY, messages renumbered from 1 (flags kept). */
  rebuild(user: string, folder: string): void;
  stop(): Promise<void>;
}

export interface ImapServerOptions {
  /** Implicit TLS with this key and certificate. */
  tls?: { key: string; cert: string };
}

const boxName = (folder: string) => (folder.toUpperCase() === 'INBOX' ? 'INBOX' : folder);
const CAPABILITIES = 'IMAP4rev1 AUTH=PLAIN';
const PERMANENT = '\\Seen \\Answered \\Flagged \\Deleted \\Draft';

export async function startImapServer(opts: ImapServerOptions = {}): Promise<ImapServer> {
  const users = new Map<string, { password: string; boxes: Map<string, Mailbox> }>();
  const sockets = new Set<net.Socket>();
  const byUser = new Map<string, string[]>();
  let nextValidity = 1000;
  const boxOf = (user: string, folder: string): Mailbox => {
    const box = users.get(user)?.boxes.get(boxName(folder));
    if (!box) throw new Error(`no mailbox ${folder} for ${user}`);
    return box;
  };

  const state: ImapServer = {
    port: 0,
    commands: [],
    commandsOf: (user) => byUser.get(user) ?? [],
    addUser(user, password, folders = ['INBOX']) {
      const boxes = new Map<string, Mailbox>();
      for (const f of folders) boxes.set(f, { uidValidity: nextValidity++, uidNext: 1, messages: [] });
      users.set(user, { password, boxes });
    },
    append(user, folder, raw, flags = []) {
      const box = boxOf(user, folder);
      const uid = box.uidNext++;
      box.messages.push({ uid, raw: Buffer.isBuffer(raw) ? raw : Buffer.from(raw.replace(/\r?\n/g, '\r\n')), flags: new Set(flags) });
      return uid;
    },
    flags: (user, folder, uid) => [...(boxOf(user, folder).messages.find((m) => m.uid === uid)?.flags ?? [])],
    rebuild(user, folder) {
      const box = boxOf(user, folder);
      box.uidValidity = nextValidity++;
      for (const [i, m] of box.messages.entries()) m.uid = i + 1;
      box.uidNext = box.messages.length + 1;
    },
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const onConnection = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const session: Session = { user: null, box: null, readOnly: false, pendingAuth: null };
    const write = (s: string | Buffer) => {
      if (!socket.destroyed) socket.write(s);
    };
    write(`* OK [CAPABILITY ${CAPABILITIES}] Rempart test IMAP ready\r\n`);
    // A command line may carry literals ({n}: announced with a continuation; {n+}: LITERAL+).
    let buffer = Buffer.alloc(0);
    let pending = '';
    let literal = -1;
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (literal >= 0) {
          if (buffer.length < literal) return;
          pending += quote(buffer.subarray(0, literal).toString());
          buffer = buffer.subarray(literal);
          literal = -1;
          continue;
        }
        const end = buffer.indexOf('\r\n');
        if (end < 0) return;
        const line = buffer.subarray(0, end).toString();
        buffer = buffer.subarray(end + 2);
        if (session.pendingAuth) {
          const tag = session.pendingAuth;
          session.pendingAuth = null;
          finishPlain(tag, line);
          continue;
        }
        const lit = /\{(\d+)(\+)?\}$/.exec(line);
        if (lit) {
          pending += line.slice(0, lit.index);
          literal = Number(lit[1]);
          if (!lit[2]) write('+ go ahead\r\n');
          continue;
        }
        const full = pending + line;
        pending = '';
        handle(full);
      }
    });

    const finishPlain = (tag: string, b64: string) => {
      const [, user = '', password = ''] = Buffer.from(b64, 'base64').toString().split('\0');
      login(tag, user, password);
    };
    const login = (tag: string, user: string, password: string) => {
      const known = users.get(user);
      if (!known || known.password !== password) return write(`${tag} NO [AUTHENTICATIONFAILED] Invalid credentials\r\n`);
      session.user = user;
      write(`${tag} OK [CAPABILITY ${CAPABILITIES}] Logged in\r\n`);
    };

    const handle = (line: string) => {
      const tokens = tokenize(line);
      const [tag = '*', first = ''] = tokens;
      const byUid = first.toUpperCase() === 'UID';
      const name = (byUid ? (tokens[2] ?? '') : first).toUpperCase();
      const args = tokens.slice(byUid ? 3 : 2).map((a) => a ?? '');
      const [a0 = '', a1 = ''] = args;
      const masked = name === 'LOGIN' ? `LOGIN ${a0} ***` : name === 'AUTHENTICATE' ? `AUTHENTICATE ${a0}` : null;
      const command = masked ?? line.slice(line.indexOf(' ') + 1);
      state.commands.push(command);
      if (session.user) byUser.set(session.user, [...(byUser.get(session.user) ?? []), command]);
      const ok = (text: string) => write(`${tag} OK ${text}\r\n`);
      switch (name) {
        case 'CAPABILITY':
          write(`* CAPABILITY ${CAPABILITIES}\r\n`);
          return ok('CAPABILITY completed');
        case 'NOOP':
          return ok(`${name} completed`);
        case 'LOGOUT':
          write('* BYE Logging out\r\n');
          ok('LOGOUT completed');
          socket.end();
          return;
        case 'LOGIN':
          return login(tag, a0, a1);
        case 'AUTHENTICATE': {
          if (a0.toUpperCase() !== 'PLAIN') return write(`${tag} NO Unsupported mechanism\r\n`);
          if (args.length > 1) return finishPlain(tag, a1);
          session.pendingAuth = tag;
          return write('+ \r\n');
        }
      }
      if (!session.user) return write(`${tag} NO Log in first\r\n`);
      const account = users.get(session.user);
      const box = session.box;
      if (['SEARCH', 'FETCH', 'STORE'].includes(name) && !box) return write(`${tag} BAD No mailbox selected\r\n`);
      switch (name) {
        case 'LIST':
        case 'LSUB':
          // An empty pattern asks for the hierarchy delimiter only.
          if (a1 === '') write(`* ${name} (\\Noselect) "/" ""\r\n`);
          else for (const f of account?.boxes.keys() ?? []) if (['*', '%', f].includes(a1)) write(`* ${name} () "/" "${f}"\r\n`);
          return ok(`${name} completed`);
        case 'SELECT':
        case 'EXAMINE': {
          const opened = account?.boxes.get(boxName(a0));
          session.box = opened ?? null;
          if (!opened) return write(`${tag} NO [NONEXISTENT] Unknown mailbox\r\n`);
          session.readOnly = name === 'EXAMINE';
          write(`* FLAGS (${PERMANENT})\r\n* ${opened.messages.length} EXISTS\r\n* 0 RECENT\r\n`);
          write(`* OK [PERMANENTFLAGS (${PERMANENT})] Flags\r\n`);
          write(`* OK [UIDVALIDITY ${opened.uidValidity}] UIDs valid\r\n* OK [UIDNEXT ${opened.uidNext}] Predicted next UID\r\n`);
          return ok(`[${session.readOnly ? 'READ-ONLY' : 'READ-WRITE'}] ${name} completed`);
        }
        case 'CLOSE':
        case 'UNSELECT':
          session.box = null;
          return ok(`${name} completed`);
        case 'SEARCH': {
          if (!box) return;
          const found = search(box, args);
          write(`* SEARCH${found.map((m) => ` ${byUid ? m.uid : box.messages.indexOf(m) + 1}`).join('')}\r\n`);
          return ok('SEARCH completed');
        }
        case 'FETCH': {
          if (!box) return;
          for (const m of select(box, a0, byUid)) write(fetchResponse(box, m, args.slice(1), byUid, session.readOnly));
          return ok('FETCH completed');
        }
        case 'STORE': {
          if (!box) return;
          if (session.readOnly) return write(`${tag} NO Mailbox is read-only\r\n`);
          const mode = a1.toUpperCase();
          const flags = args.slice(2);
          for (const m of select(box, a0, byUid)) {
            if (mode.startsWith('+')) for (const f of flags) m.flags.add(f);
            else if (mode.startsWith('-')) for (const f of flags) m.flags.delete(f);
            else m.flags = new Set(flags);
            if (!mode.endsWith('.SILENT'))
              write(`* ${box.messages.indexOf(m) + 1} FETCH (UID ${m.uid} FLAGS (${[...m.flags].join(' ')}))\r\n`);
          }
          return ok('STORE completed');
        }
        default:
          return write(`${tag} BAD Unknown command ${name}\r\n`);
      }
    };
  };

  const server = opts.tls ? tls.createServer({ key: opts.tls.key, cert: opts.tls.cert }, onConnection) : net.createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.port = (server.address() as net.AddressInfo).port;
  return state;
}

const quote = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** Atoms, quoted strings and section specs (BODY.PEEK[HEADER.FIELDS (A B)]); parentheses dropped. */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '(' || c === ')') {
      i++;
    } else if (c === '"') {
      let value = '';
      for (i++; i < line.length && line[i] !== '"'; i++) value += line[i] === '\\' ? line[++i] : line[i];
      tokens.push(value);
      i++;
    } else {
      let value = '';
      let depth = 0;
      for (; i < line.length && (depth > 0 || !' ()'.includes(line[i] as string)); i++) {
        if (line[i] === '[') depth++;
        if (line[i] === ']') depth--;
        value += line[i];
      }
      tokens.push(value);
    }
  }
  return tokens;
}

/** pendingAuth: the tag of an AUTHENTICATE PLAIN waiting for its response line. */
type Session = { user: string | null; box: Mailbox | null; readOnly: boolean; pendingAuth: string | null };

/** A sequence set (1,3:5,7:*) over sequence numbers or UIDs; `n:*` includes the last message. */
function select(box: Mailbox, set: string, byUid: boolean): StoredMessage[] {
  const last = byUid ? (box.messages.at(-1)?.uid ?? 0) : box.messages.length;
  const num = (s: string) => (s === '*' ? last : Number(s));
  const wanted = (n: number) =>
    set.split(',').some((part) => {
      const [a = '', b = a] = part.split(':');
      return n >= Math.min(num(a), num(b)) && n <= Math.max(num(a), num(b));
    });
  return box.messages.filter((m, i) => wanted(byUid ? m.uid : i + 1));
}

/** UID <set>, <sequence set>, SEEN, UNSEEN, ALL: criteria combined with AND. */
function search(box: Mailbox, args: string[]): StoredMessage[] {
  let found = box.messages;
  for (let i = 0; i < args.length; i++) {
    const key = (args[i] ?? '').toUpperCase();
    const only = key === 'UID' ? new Set(select(box, args[++i] ?? '', true)) : /^[\d*]/.test(key) ? new Set(select(box, key, false)) : null;
    if (only) found = found.filter((m) => only.has(m));
    else if (key === 'SEEN' || key === 'UNSEEN') found = found.filter((m) => m.flags.has('\\Seen') === (key === 'SEEN'));
  }
  return found;
}

function fetchResponse(box: Mailbox, m: StoredMessage, items: string[], byUid: boolean, readOnly: boolean): Buffer {
  const names = items.map((t) => t.toUpperCase());
  const wants = new Set(names.flatMap((n) => (n === 'ALL' || n === 'FAST' ? ['FLAGS', 'RFC822.SIZE', 'INTERNALDATE'] : [n])));
  const parts: Array<string | Buffer> = [];
  const body = [...wants].find((n) => n === 'BODY[]' || n === 'BODY.PEEK[]' || n === 'RFC822');
  if (body && body !== 'BODY.PEEK[]' && !readOnly) m.flags.add('\\Seen');
  if (byUid || wants.has('UID')) parts.push(`UID ${m.uid}`);
  if (wants.has('FLAGS') || (body && body !== 'BODY.PEEK[]')) parts.push(`FLAGS (${[...m.flags].join(' ')})`);
  if (wants.has('RFC822.SIZE')) parts.push(`RFC822.SIZE ${m.raw.length}`);
  if (wants.has('INTERNALDATE')) parts.push('INTERNALDATE "01-Dec-2026 10:00:00 +0000"');
  if (body) parts.push(Buffer.concat([Buffer.from(`${body === 'RFC822' ? 'RFC822' : 'BODY[]'} {${m.raw.length}}\r\n`), m.raw]));
  const chunks = parts.flatMap((p, i) => [...(i ? [Buffer.from(' ')] : []), Buffer.isBuffer(p) ? p : Buffer.from(p)]);
  return Buffer.concat([Buffer.from(`* ${box.messages.indexOf(m) + 1} FETCH (`), ...chunks, Buffer.from(')\r\n')]);
}
