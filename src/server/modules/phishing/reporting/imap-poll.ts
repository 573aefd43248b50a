import { ImapFlow } from 'imapflow';
import type { AppDeps } from '../../../platform/context.js';
import { type ImapFailureKind, type ImapPollState, mailboxKey, readImapPollState, writeImapPollState } from './imap-state.js';
import { processReportedMessage, REPORT_MAX_BYTES } from './intake.js';
import { parseReported } from './parse.js';

export type Deps = Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'audit' | 'secrets'>;

export interface PollOptions {
  /** Messages read per mailbox and run: a flooded mailbox is caught up over several runs. */
  maxPerMailbox?: number;
  /** Connection, greeting and socket inactivity limit, so one silent server cannot hold the job. */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export interface PollSummary {
  organizations: number;
  messages: number;
  failures: number;
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/;

interface MailboxRow {
  organization_id: string;
  imap_host: string | null;
  imap_port: number | null;
  imap_tls: number;
  imap_username: string | null;
  imap_password_sealed: string | null;
  imap_folder: string;
  imap_last_uid: number;
}

/**
 * Reads every organization's reporting mailbox: each new message goes through the same intake as
 * the SMTP receiver. One mailbox failing (unreachable, refused password) is recorded for its
 * organization and never stops the others.
 */
export async function pollReportMailboxes(deps: Deps, now: Date, opts: PollOptions = {}): Promise<PollSummary> {
  const log = opts.log ?? ((m: string) => console.warn(m));
  const rows = await deps.db
    .selectFrom('phishing_settings')
    .innerJoin('organizations', 'organizations.id', 'phishing_settings.organization_id')
    .select([
      'phishing_settings.organization_id',
      'imap_host',
      'imap_port',
      'imap_tls',
      'imap_username',
      'imap_password_sealed',
      'imap_folder',
      'imap_last_uid',
    ])
    .where('imap_host', 'is not', null)
    .where('imap_password_sealed', 'is not', null)
    .where('organizations.archived', '=', 0)
    .orderBy('phishing_settings.organization_id')
    .execute();
  const summary: PollSummary = { organizations: rows.length, messages: 0, failures: 0 };
  for (const row of rows) {
    const state = await readImapPollState(deps.db, row.organization_id);
    const outcome = await pollMailbox(deps, row, state, opts, log);
    summary.messages += outcome.messages;
    const at = now.toISOString();
    const next: ImapPollState = { ...outcome.state, lastPolledAt: at };
    if (outcome.error) {
      summary.failures++;
      next.lastError = { ...outcome.error, at };
      // The organization and what failed, never the credentials.
      log(`[imap] organization ${row.organization_id}: ${outcome.error.kind} failure: ${outcome.error.detail}`);
    } else {
      next.lastError = null;
      next.lastSuccessAt = at;
    }
    await writeImapPollState(deps.db, row.organization_id, next, at);
  }
  return summary;
}

async function pollMailbox(deps: Deps, row: MailboxRow, state: ImapPollState, opts: PollOptions, log: (m: string) => void) {
  const host = row.imap_host ?? '';
  const mailbox = mailboxKey(host, row.imap_username, row.imap_folder);
  const timeout = opts.timeoutMs ?? 30_000;
  let stage: ImapFailureKind = 'auth';
  let current = { ...state };
  const read = { messages: 0 };
  let client: ImapFlow | null = null;
  try {
    const pass = deps.secrets.open(row.imap_password_sealed ?? '');
    stage = 'connect';
    const secure = row.imap_tls === 1;
    client = new ImapFlow({
      host,
      port: row.imap_port ?? (secure ? 993 : 143),
      secure,
      // Certificates are always checked: a reporting mailbox holds staff mail.
      tls: { rejectUnauthorized: true },
      auth: { user: row.imap_username ?? '', pass },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 2,
    });
    // Failures reach us through the rejected command; the event only needs a listener.
    client.on('error', () => {});
    await client.connect();
    stage = 'folder';
    const box = await client.mailboxOpen(row.imap_folder);
    const validity = box.uidValidity === undefined ? null : String(box.uidValidity);
    let lastUid = row.imap_last_uid;
    // UIDs under another UIDVALIDITY name other messages; UIDNEXT never goes back within one.
    const renumbered = current.mailbox === mailbox && current.uidValidity !== null && current.uidValidity !== validity;
    if ((renumbered || box.uidNext <= lastUid) && lastUid > 0) {
      log(`[imap] organization ${row.organization_id}: mailbox renumbered (UIDVALIDITY ${validity}), read again from the start`);
      lastUid = (await saveLastUid(deps, row, 0)) ? 0 : -1;
    }
    current = { ...current, mailbox, uidValidity: validity };
    if (lastUid >= 0 && box.exists > 0) {
      stage = 'fetch';
      const waiting = await waitingMessages(client, lastUid);
      stage = 'message';
      for (const m of waiting.slice(0, opts.maxPerMailbox ?? 200)) {
        if (!(await readOne(deps, client, row, m))) break;
        read.messages++;
      }
    }
    await client.logout();
    return { messages: read.messages, state: current, error: null };
  } catch (err) {
    client?.close();
    return { messages: read.messages, state: current, error: failureOf(err, stage) };
  }
}

async function waitingMessages(client: ImapFlow, lastUid: number) {
  const waiting: Array<{ uid: number; size: number }> = [];
  // `n:*` always answers the last message, even below n: hence the filter.
  for await (const m of client.fetch(`${lastUid + 1}:*`, { uid: true, size: true }, { uid: true })) {
    if (m.uid > lastUid) waiting.push({ uid: m.uid, size: m.size ?? 0 });
  }
  return waiting.sort((a, b) => a.uid - b.uid);
}

/** False when the organization's mailbox changed meanwhile: the run stops there. */
async function readOne(deps: Deps, client: ImapFlow, row: MailboxRow, m: { uid: number; size: number }): Promise<boolean> {
  // Too large for the intake: not downloaded, and left unread for a person to see in the mailbox.
  const fits = m.size <= REPORT_MAX_BYTES;
  if (fits) {
    const fetched = await client.fetchOne(String(m.uid), { uid: true, source: true }, { uid: true });
    const raw = fetched ? fetched.source : undefined;
    if (raw && !(await alreadyInTriage(deps, raw))) await processReportedMessage(deps, raw, 'imap');
  }
  // Saved after each message: a crash replays at most the message in flight, and skips none.
  if (!(await saveLastUid(deps, row, m.uid))) return false;
  if (fits) await client.messageFlagsAdd(String(m.uid), ['\\Seen'], { uid: true });
  return true;
}

/**
 * Moves the reading position, unless an admin pointed the organization to another mailbox in
 * the meantime (the settings then restarted it at 0 for that mailbox).
 */
async function saveLastUid(deps: Deps, row: MailboxRow, uid: number): Promise<boolean> {
  const done = await deps.db
    .updateTable('phishing_settings')
    .set({ imap_last_uid: uid })
    .where('organization_id', '=', row.organization_id)
    .where('imap_host', '=', row.imap_host)
    .where('imap_username', '=', row.imap_username)
    .where('imap_folder', '=', row.imap_folder)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

/**
 * A message read a second time (renumbered mailbox, crash before the position was saved) must
 * not open a second triage row. Simulation reports need no such guard: the intake counts a
 * recipient's report once.
 */
async function alreadyInTriage(deps: Deps, raw: Buffer): Promise<boolean> {
  const sameSize = await deps.db
    .selectFrom('phishing_reports')
    .select(['subject', 'from_address', 'reporter_email'])
    .where('source', '=', 'imap')
    .where('raw_size', '=', raw.length)
    .execute();
  if (sameSize.length === 0) return false;
  const msg = await parseReported(raw);
  return sameSize.some((r) => r.subject === msg.subject && r.from_address === msg.fromAddress && r.reporter_email === msg.reporterEmail);
}

function failureOf(err: unknown, stage: ImapFailureKind): { kind: ImapFailureKind; detail: string } {
  const e = (err ?? {}) as { message?: string; code?: string; responseText?: string; authenticationFailed?: boolean };
  const kind: ImapFailureKind = e.authenticationFailed ? 'auth' : TLS_CODES.test(e.code ?? '') ? 'tls' : stage;
  const detail = [e.code, e.message, e.responseText].filter(Boolean).join(': ').slice(0, 500);
  return { kind, detail: detail || String(err).slice(0, 500) };
}
