import * as client from 'openid-client';
import { baseUrl } from '../../config.js';
import { fromBool01 } from '../../db/dialect.js';
import type { ModuleDeps } from '../../modules/index.js';
import { findAccountByEmail, findActivePersonByEmail, organizationOfAccount, provisionAccount } from './accounts.js';
import type { AuthService, ClientInfo, StartedSession } from './service.js';

export const OIDC_STATE_TTL_MS = 10 * 60_000;
export const OIDC_STATE_COOKIE = 'rempart_oidc';
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/** Why an OIDC sign-in did not end in a session; the web shell shows `/sign-in?error=<code>`. */
export type OidcFailure = 'oidc_unknown_email' | 'oidc_email_unverified' | 'oidc_state' | 'oidc_failed' | 'oidc_disabled';

export type OidcOutcome = { ok: true; session: StartedSession; returnTo: string | null } | { ok: false; error: OidcFailure };

/**
 * Sign-in through the establishment's identity provider: authorization code flow with PKCE
 * (S256), state and nonce. The provider's metadata is discovered once and kept.
 */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    private readonly deps: ModuleDeps,
    private readonly auth: AuthService,
  ) {}

  get enabled(): boolean {
    return Boolean(this.deps.config.OIDC_ISSUER && this.deps.config.OIDC_CLIENT_ID);
  }

  get redirectUri(): string {
    return `${baseUrl(this.deps.config)}${OIDC_CALLBACK_PATH}`;
  }

  private discover(): Promise<client.Configuration> {
    const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = this.deps.config;
    if (!OIDC_ISSUER || !OIDC_CLIENT_ID) return Promise.reject(new Error('OIDC is not configured'));
    if (!this.configuration) {
      const issuer = new URL(OIDC_ISSUER);
      this.configuration = client
        .discovery(
          issuer,
          OIDC_CLIENT_ID,
          { redirect_uris: [this.redirectUri], response_types: ['code'] },
          OIDC_CLIENT_SECRET ? client.ClientSecretBasic(OIDC_CLIENT_SECRET) : client.None(),
          // Plain http only for a local provider (tests, a lab); production issuers are https.
          issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {},
        )
        .catch((err: unknown) => {
          this.configuration = null; // try again on the next sign-in rather than stay broken
          throw err;
        });
    }
    return this.configuration;
  }

  /** Builds the provider URL and remembers the flow's secrets for the callback. */
  async start(returnTo: string | null): Promise<{ url: string; state: string }> {
    const config = await this.discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const now = this.deps.clock.now();
    await this.deps.db
      .deleteFrom('oidc_states')
      .where('created_at', '<', new Date(now.getTime() - OIDC_STATE_TTL_MS).toISOString())
      .execute();
    await this.deps.db
      .insertInto('oidc_states')
      .values({ state, code_verifier: codeVerifier, nonce, return_to: returnTo, created_at: now.toISOString() })
      .execute();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Completes the flow. `rawQuery` is the callback's query string as received; `cookieState`
   * binds the answer to the browser that started the flow (no login CSRF).
   */
  async callback(rawQuery: string, cookieState: string | undefined, info: ClientInfo): Promise<OidcOutcome> {
    const params = new URLSearchParams(rawQuery);
    const state = params.get('state');
    if (!state || state.length > 200) return { ok: false, error: 'oidc_state' };
    // Single use: the row goes whatever happens next.
    const row = await this.deps.db.selectFrom('oidc_states').selectAll().where('state', '=', state).executeTakeFirst();
    await this.deps.db.deleteFrom('oidc_states').where('state', '=', state).execute();
    const now = this.deps.clock.now();
    if (!row || cookieState !== state || now.getTime() - Date.parse(row.created_at) > OIDC_STATE_TTL_MS) {
      return { ok: false, error: 'oidc_state' };
    }
    if (params.has('error')) return { ok: false, error: 'oidc_failed' };

    let email: string | undefined;
    let emailVerified: unknown;
    let name: string | undefined;
    try {
      const config = await this.discover();
      const currentUrl = new URL(this.redirectUri);
      currentUrl.search = rawQuery;
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: row.code_verifier,
        expectedState: state,
        expectedNonce: row.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) return { ok: false, error: 'oidc_failed' };
      let source: Record<string, unknown> = claims;
      // Providers that follow the spec strictly put scope claims in userinfo, not the ID token.
      if (typeof claims.email !== 'string') source = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      email = typeof source.email === 'string' ? source.email : undefined;
      emailVerified = source.email_verified;
      name = typeof source.name === 'string' ? source.name : undefined;
    } catch {
      return { ok: false, error: 'oidc_failed' };
    }
    if (!email) return this.refused('oidc_unknown_email', info.ip);
    // An unverified address could be anyone's; a provider that omits the claim vouches for its emails.
    if (emailVerified === false || emailVerified === 'false') return this.refused('oidc_email_unverified', info.ip);

    const account = await this.accountFor(email, name, info.ip);
    if (!account) return this.refused('oidc_unknown_email', info.ip);
    const session = await this.auth.startSession(account.row, 'oidc', info, account.orgId);
    return { ok: true, session, returnTo: row.return_to };
  }

  /** Audits a refused identity (without the address: it may belong to nobody here). */
  private async refused(error: OidcFailure, ip: string | null): Promise<OidcOutcome> {
    await this.deps.db
      .transaction()
      .execute((trx) =>
        this.deps.audit.record(
          trx,
          { accountId: null, label: 'oidc', ip },
          { action: 'auth.sign_in_failed', entityType: 'account', entityId: null, after: { method: 'oidc', reason: error } },
        ),
      );
    return { ok: false, error };
  }

  /** An existing active account, else one opened from an active person of the directory. */
  private async accountFor(email: string, name: string | undefined, ip: string | null) {
    const { db, audit } = this.deps;
    const existing = await findAccountByEmail(db, email);
    if (existing) {
      if (!fromBool01(existing.active)) return null;
      return { row: existing, orgId: await organizationOfAccount(db, existing.id) };
    }
    const person = await findActivePersonByEmail(db, email);
    if (!person) return null;
    const accountId = await db.transaction().execute(async (trx) => {
      const id = await provisionAccount(trx, {
        email: person.email,
        displayName: `${person.first_name} ${person.last_name}`.trim() || name || email,
        personId: person.id,
      });
      await audit.record(
        trx,
        { accountId: null, label: 'oidc', ip },
        {
          action: 'account.provisioned',
          entityType: 'account',
          entityId: id,
          organizationId: person.organization_id,
          after: { personId: person.id, via: 'oidc' },
        },
      );
      return id;
    });
    const row = await findAccountByEmail(db, person.email);
    return row && row.id === accountId ? { row, orgId: person.organization_id } : null;
  }
}
