import { fromBool01, toBool01 } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import type { Actor, Grant } from '../access/actor.js';
import { adminRoles } from '../access/roles.js';
import { addMs, type Clock } from '../clock.js';
import { randomToken, sha256Hex } from '../ids.js';
import type { SignInMethod } from './tables.js';

export const SESSION_COOKIE = 'rempart_session';
export const CSRF_COOKIE = 'rempart_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/**
 * Server-side sessions. The cookie carries a 256-bit random token; only its SHA-256 is stored,
 * so a database leak does not hand out live sessions. A new id is issued at every sign-in.
 */
export class Sessions {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
  ) {}

  async create(
    accountId: string,
    method: SignInMethod,
    mfaVerified: boolean,
    ip: string | null,
    userAgent: string | null,
  ): Promise<string> {
    const token = randomToken();
    const now = this.clock.now();
    await this.db
      .insertInto('sessions')
      .values({
        id: sha256Hex(token),
        account_id: accountId,
        method,
        mfa_verified: toBool01(mfaVerified),
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        absolute_expires_at: addMs(now, this.policy.absoluteMs).toISOString(),
        ip,
        user_agent: userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    return token;
  }

  /** Loads the actor for a cookie token; expired sessions are deleted and yield null. */
  async actorFor(token: string | undefined): Promise<Actor | null> {
    if (!token || token.length > 100) return null;
    const id = sha256Hex(token);
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .leftJoin('people', 'people.id', 'accounts.person_id')
      .select([
        'sessions.id as session_id',
        'sessions.last_seen_at',
        'sessions.absolute_expires_at',
        'sessions.mfa_verified',
        'accounts.id as account_id',
        'accounts.email',
        'accounts.display_name',
        'accounts.locale',
        'accounts.active',
        'accounts.totp_enabled_at',
        'accounts.person_id',
        'people.organization_id as person_org_id',
        'people.active as person_active',
      ])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const now = this.clock.now();
    const idleExpired = now.getTime() - Date.parse(row.last_seen_at) > this.policy.idleMs;
    const absoluteExpired = now.getTime() > Date.parse(row.absolute_expires_at);
    if (idleExpired || absoluteExpired || !fromBool01(row.active)) {
      await this.db.deleteFrom('sessions').where('id', '=', id).execute();
      return null;
    }
    // Touch at most once a minute to keep reads cheap.
    if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
      await this.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
    }
    const grants = await this.grantsOf(row.account_id);
    const personOrg = row.person_org_id && fromBool01(row.person_active ?? 0) ? row.person_org_id : null;
    const holdsAdmin = grants.some((g) => adminRoles.includes(g.role));
    return {
      accountId: row.account_id,
      sessionId: row.session_id,
      email: row.email,
      displayName: row.display_name,
      personId: row.person_id,
      personOrganizationId: personOrg,
      locale: row.locale,
      grants,
      mfaVerified: fromBool01(row.mfa_verified),
      totpEnrolled: row.totp_enabled_at !== null,
      mfaEnrolmentRequired: holdsAdmin && row.totp_enabled_at === null,
    };
  }

  async grantsOf(accountId: string): Promise<Grant[]> {
    const rows = await this.db
      .selectFrom('role_grants')
      .select(['role', 'scope_kind', 'scope_id'])
      .where('account_id', '=', accountId)
      .execute();
    return rows.map((r) => ({ role: r.role, scopeKind: r.scope_kind, scopeId: r.scope_id }));
  }

  async markMfaVerified(sessionId: string): Promise<void> {
    await this.db.updateTable('sessions').set({ mfa_verified: 1 }).where('id', '=', sessionId).execute();
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  }

  /** "Sign out everywhere": every session of the account. */
  async revokeAll(accountId: string): Promise<number> {
    const res = await this.db.deleteFrom('sessions').where('account_id', '=', accountId).executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}
