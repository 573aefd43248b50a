import type { Db } from '../../../db/index.js';

/** Where a poll of a reporting mailbox stopped: the kind lets the admin page say it in its language. */
export type ImapFailureKind = 'connect' | 'tls' | 'auth' | 'folder' | 'fetch' | 'message';

export interface ImapPollState {
  /** The mailbox the UIDVALIDITY belongs to (host, user, folder): another mailbox starts afresh. */
  mailbox: string | null;
  uidValidity: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: { kind: ImapFailureKind; detail: string; at: string } | null;
}

const EMPTY: ImapPollState = { mailbox: null, uidValidity: null, lastPolledAt: null, lastSuccessAt: null, lastError: null };

/**
 * The poll's own bookkeeping, kept in the platform key/value `settings` table until
 * phishing_settings has columns for it (imap_uid_validity, imap_last_error...).
 */
const keyOf = (organizationId: string) => `phishing.imap-poll:${organizationId}`;

export const mailboxKey = (host: string, username: string | null, folder: string) => `${username ?? ''}@${host}/${folder}`;

export async function readImapPollState(db: Db, organizationId: string): Promise<ImapPollState> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', keyOf(organizationId)).executeTakeFirst();
  if (!row) return { ...EMPTY };
  try {
    return { ...EMPTY, ...(JSON.parse(row.value) as Partial<ImapPollState>) };
  } catch {
    return { ...EMPTY };
  }
}

export async function writeImapPollState(db: Db, organizationId: string, state: ImapPollState, at: string): Promise<void> {
  const value = JSON.stringify(state);
  await db
    .insertInto('settings')
    .values({ key: keyOf(organizationId), value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}
