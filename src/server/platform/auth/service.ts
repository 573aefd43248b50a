import argon2 from 'argon2';
import type { Transaction } from 'kysely';
import { fromBool01 } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import type { ModuleDeps } from '../../modules/index.js';
import type { Actor } from '../access/actor.js';
import { adminRoles } from '../access/roles.js';
import type { AuditActor } from '../audit-log/audit-log.js';
import { Forbidden, Invalid, Unauthenticated } from '../errors.js';
import { newId, sha256Hex } from '../ids.js';
import { type AccountRow, findAccountByEmail, findAccountById, organizationOfAccount } from './accounts.js';
import { Lockout } from './lockout.js';
import { checkPasswordPolicy, hashPassword, verifyAgainstNothing, verifyPassword } from './password.js';
import type { SignInMethod } from './tables.js';
import { type EnrolmentMaterial, matchTotp, newEnrolment, newRecoveryCodes, recoveryCodeHash } from './totp.js';

/** What the web shell shows after a first factor: nothing more, the TOTP prompt, or TOTP enrolment. */
export type NextStep = 'done' | 'totp' | 'totp_enrolment';

/** Where a sign-in comes from; the previous session cookie is revoked so ids never carry over. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  previousToken: string | undefined;
}

export interface StartedSession {
  token: string;
  next: NextStep;
}

const badCredentials = () =>
  new Unauthenticated('bad_credentials', {
    fr: 'Adresse de courriel ou mot de passe incorrect.',
    en: 'Wrong email address or password.',
  });

const invalidCode = () => new Invalid('invalid_code', { fr: 'Code incorrect ou déjà utilisé.', en: 'Wrong or already used code.' }, 'code');

const mfaRequired = () =>
  new Forbidden('mfa_required', {
    fr: 'Validez d’abord votre second facteur (TOTP).',
    en: 'Pass your second factor (TOTP) first.',
  });

const who = (account: { id: string; email: string }, ip: string | null): AuditActor => ({
  accountId: account.id,
  label: account.email,
  ip,
});

/** Sign-in and account security use cases. Knows nothing of HTTP; the routes set the cookies. */
export class AuthService {
  readonly lockout: Lockout;

  constructor(private readonly deps: ModuleDeps) {
    this.lockout = new Lockout(deps.db, deps.clock, deps.audit);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  private async account(accountId: string): Promise<AccountRow> {
    const account = await findAccountById(this.deps.db, accountId);
    if (!account || !fromBool01(account.active)) {
      throw new Unauthenticated('signed_out', { fr: 'Connexion requise.', en: 'Sign-in required.' });
    }
    return account;
  }

  async nextStep(account: AccountRow): Promise<NextStep> {
    if (account.totp_enabled_at !== null) return 'totp';
    const grants = await this.deps.sessions.grantsOf(account.id);
    return grants.some((g) => adminRoles.includes(g.role)) ? 'totp_enrolment' : 'done';
  }

  /**
   * Same answer for an unknown email, an inactive account, an account without password and a
   * wrong password; an unknown email costs the same argon2 time as a known one.
   */
  async signInWithPassword(email: string, password: string, client: ClientInfo): Promise<StartedSession> {
    const account = await findAccountByEmail(this.deps.db, email);
    if (!account || !fromBool01(account.active) || account.password_hash === null) {
      await verifyAgainstNothing(password);
      await this.deps.db.transaction().execute((trx) =>
        this.deps.audit.record(trx, account ? who(account, client.ip) : { accountId: null, label: 'anonymous', ip: client.ip }, {
          action: 'auth.sign_in_failed',
          entityType: 'account',
          entityId: account?.id ?? null,
          after: { reason: account ? (fromBool01(account.active) ? 'no_password' : 'inactive') : 'unknown_email' },
        }),
      );
      throw badCredentials();
    }
    const orgId = await organizationOfAccount(this.deps.db, account.id);
    await this.lockout.beforeAttempt(account);
    if (!(await verifyPassword(account.password_hash, password))) {
      await this.lockout.recordFailure(account, who(account, client.ip), 'wrong_password', orgId);
      throw badCredentials();
    }
    if (argon2.needsRehash(account.password_hash)) {
      // Hashing parameters moved on since this password was set: upgrade while we hold the plain text.
      await this.deps.db
        .updateTable('accounts')
        .set({ password_hash: await hashPassword(password) })
        .where('id', '=', account.id)
        .execute();
    }
    return this.startSession(account, 'password', client, orgId);
  }

  /** Opens a new session after a first factor (password, magic link, OIDC) and audits it. */
  async startSession(account: AccountRow, method: SignInMethod, client: ClientInfo, orgId: string | null): Promise<StartedSession> {
    const { sessions, db, audit } = this.deps;
    if (client.previousToken && client.previousToken.length <= 100) await sessions.revoke(sha256Hex(client.previousToken));
    const next = await this.nextStep(account);
    const token = await sessions.create(account.id, method, false, client.ip, client.userAgent);
    await db.transaction().execute(async (trx) => {
      // The failure counter is cleared only once no second factor is pending: otherwise a stolen
      // password would let an attacker reset it between rounds of TOTP guesses.
      await trx
        .updateTable('accounts')
        .set(
          next === 'totp'
            ? { last_sign_in_at: this.now() }
            : { last_sign_in_at: this.now(), failed_attempts: 0, last_failed_at: null, locked_until: null },
        )
        .where('id', '=', account.id)
        .execute();
      await audit.record(trx, who(account, client.ip), {
        action: 'auth.signed_in',
        entityType: 'account',
        entityId: account.id,
        organizationId: orgId,
        after: { method, next },
      });
    });
    return { token, next };
  }

  /** Second factor for this session: a 6-digit TOTP code or a one-time recovery code. */
  async verifySecondFactor(actor: Actor, code: string, ip: string | null): Promise<void> {
    const account = await this.account(actor.accountId);
    if (!account.totp_secret_enc) {
      throw new Invalid(
        'totp_not_enrolled',
        { fr: "Aucun second facteur n'est encore enregistré.", en: 'No second factor is enrolled yet.' },
        'code',
      );
    }
    const orgId = await organizationOfAccount(this.deps.db, account.id);
    await this.lockout.beforeAttempt(account);
    const trimmed = code.trim();
    let kind: 'totp' | 'recovery_code';
    let remaining: number | null = null;
    if (/^\d{6}$/.test(trimmed.replace(/\s+/g, ''))) {
      kind = 'totp';
      if (!(await this.acceptTotp(account, trimmed))) {
        await this.lockout.recordFailure(account, who(account, ip), 'invalid_totp', orgId);
        throw invalidCode();
      }
    } else {
      kind = 'recovery_code';
      remaining = await this.consumeRecoveryCode(account.id, trimmed);
      if (remaining === null) {
        await this.lockout.recordFailure(account, who(account, ip), 'invalid_recovery_code', orgId);
        throw invalidCode();
      }
    }
    await this.deps.sessions.markMfaVerified(actor.sessionId);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('accounts')
        .set({ failed_attempts: 0, last_failed_at: null, locked_until: null })
        .where('id', '=', account.id)
        .execute();
      if (kind === 'recovery_code') {
        await this.deps.audit.record(trx, who(account, ip), {
          action: 'auth.recovery_code_used',
          entityType: 'account',
          entityId: account.id,
          organizationId: orgId,
          after: { remaining },
        });
      }
      await this.deps.audit.record(trx, who(account, ip), {
        action: 'auth.second_factor_passed',
        entityType: 'account',
        entityId: account.id,
        organizationId: orgId,
        after: { kind },
      });
    });
  }

  /** Checks a code against the enrolled secret and records its time step (race-safe replay guard). */
  private async acceptTotp(account: AccountRow, code: string): Promise<boolean> {
    if (!account.totp_secret_enc) return false;
    const secret = this.deps.secrets.open(account.totp_secret_enc);
    const step = await matchTotp(secret, code, this.deps.clock.now(), account.totp_last_step);
    if (step === null) return false;
    const res = await this.deps.db
      .updateTable('accounts')
      .set({ totp_last_step: step })
      .where('id', '=', account.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Marks the code used; returns how many remain, or null when it is unknown or already used. */
  private async consumeRecoveryCode(accountId: string, code: string): Promise<number | null> {
    const res = await this.deps.db
      .updateTable('recovery_codes')
      .set({ used_at: this.now() })
      .where('account_id', '=', accountId)
      .where('code_hash', '=', recoveryCodeHash(code))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return null;
    const left = await this.deps.db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('account_id', '=', accountId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(left.n);
  }

  /**
   * Starts (or restarts) TOTP enrolment: the new secret waits in totp_pending_enc until a code
   * confirms it. Replacing an enrolled secret needs this session to have passed the current one.
   */
  async startTotpEnrolment(actor: Actor, ip: string | null): Promise<EnrolmentMaterial> {
    const account = await this.account(actor.accountId);
    if (account.totp_enabled_at !== null && !actor.mfaVerified) throw mfaRequired();
    const material = await newEnrolment(account.email);
    const orgId = await organizationOfAccount(this.deps.db, account.id);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('accounts')
        .set({ totp_pending_enc: this.deps.secrets.seal(material.secret), updated_at: this.now() })
        .where('id', '=', account.id)
        .execute();
      await this.deps.audit.record(trx, who(account, ip), {
        action: 'auth.totp_enrolment_started',
        entityType: 'account',
        entityId: account.id,
        organizationId: orgId,
      });
    });
    return material;
  }

  /** Confirms enrolment with a first code; returns the recovery codes, shown this once only. */
  async confirmTotpEnrolment(actor: Actor, code: string, ip: string | null): Promise<string[]> {
    const account = await this.account(actor.accountId);
    if (!account.totp_pending_enc) {
      throw new Invalid(
        'no_pending_enrolment',
        { fr: "Aucune inscription TOTP n'est en cours : recommencez.", en: 'No TOTP enrolment in progress: start again.' },
        'code',
      );
    }
    if (account.totp_enabled_at !== null && !actor.mfaVerified) throw mfaRequired();
    const secret = this.deps.secrets.open(account.totp_pending_enc);
    const step = await matchTotp(secret, code, this.deps.clock.now(), null);
    if (step === null) throw invalidCode();
    const codes = newRecoveryCodes();
    const orgId = await organizationOfAccount(this.deps.db, account.id);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('accounts')
        .set({
          totp_secret_enc: account.totp_pending_enc,
          totp_pending_enc: null,
          totp_enabled_at: this.now(),
          totp_last_step: step,
          updated_at: this.now(),
        })
        .where('id', '=', account.id)
        .execute();
      await this.replaceRecoveryCodes(trx, account.id, codes);
      await this.deps.audit.record(trx, who(account, ip), {
        action: 'auth.totp_enrolled',
        entityType: 'account',
        entityId: account.id,
        organizationId: orgId,
        after: { recoveryCodes: codes.length },
      });
    });
    await this.deps.sessions.markMfaVerified(actor.sessionId);
    return codes;
  }

  /** New recovery codes against a current TOTP code; the old ones stop working. */
  async regenerateRecoveryCodes(actor: Actor, code: string, ip: string | null): Promise<string[]> {
    const account = await this.account(actor.accountId);
    if (!account.totp_secret_enc) {
      throw new Invalid(
        'totp_not_enrolled',
        { fr: "Aucun second facteur n'est encore enregistré.", en: 'No second factor is enrolled yet.' },
        'code',
      );
    }
    const orgId = await organizationOfAccount(this.deps.db, account.id);
    await this.lockout.beforeAttempt(account);
    if (!(await this.acceptTotp(account, code))) {
      await this.lockout.recordFailure(account, who(account, ip), 'invalid_totp', orgId);
      throw invalidCode();
    }
    const codes = newRecoveryCodes();
    await this.deps.db.transaction().execute(async (trx) => {
      await this.replaceRecoveryCodes(trx, account.id, codes);
      await this.deps.audit.record(trx, who(account, ip), {
        action: 'auth.recovery_codes_regenerated',
        entityType: 'account',
        entityId: account.id,
        organizationId: orgId,
        after: { recoveryCodes: codes.length },
      });
    });
    return codes;
  }

  private async replaceRecoveryCodes(trx: Transaction<Database>, accountId: string, codes: string[]): Promise<void> {
    await trx.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
    await trx
      .insertInto('recovery_codes')
      .values(
        codes.map((c) => ({ id: newId(), account_id: accountId, code_hash: recoveryCodeHash(c), used_at: null, created_at: this.now() })),
      )
      .execute();
  }

  /**
   * Sets or changes the password. The current one is required when there is one; the other
   * sessions of the account are closed, since a password change often follows a suspected leak.
   */
  async changePassword(
    actor: Actor,
    input: { currentPassword?: string | undefined; newPassword: string },
    ip: string | null,
  ): Promise<void> {
    const account = await this.account(actor.accountId);
    if (account.totp_enabled_at !== null && !actor.mfaVerified) throw mfaRequired();
    const orgId = await organizationOfAccount(this.deps.db, account.id);
    if (account.password_hash !== null) {
      if (!input.currentPassword) {
        throw new Invalid(
          'current_password_required',
          { fr: 'Saisissez votre mot de passe actuel.', en: 'Enter your current password.' },
          'currentPassword',
        );
      }
      await this.lockout.beforeAttempt(account);
      if (!(await verifyPassword(account.password_hash, input.currentPassword))) {
        await this.lockout.recordFailure(account, who(account, ip), 'wrong_current_password', orgId);
        throw new Invalid(
          'wrong_password',
          { fr: 'Le mot de passe actuel est incorrect.', en: 'The current password is wrong.' },
          'currentPassword',
        );
      }
    }
    try {
      checkPasswordPolicy(input.newPassword, { email: account.email, name: account.display_name });
    } catch (e) {
      // The policy names its field 'password'; this form calls it newPassword.
      if (e instanceof Invalid && e.field === 'password') throw new Invalid(e.code, e.text, 'newPassword');
      throw e;
    }
    const hash = await hashPassword(input.newPassword);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('accounts')
        .set({ password_hash: hash, password_changed_at: this.now(), failed_attempts: 0, last_failed_at: null, updated_at: this.now() })
        .where('id', '=', account.id)
        .execute();
      const closed = await trx
        .deleteFrom('sessions')
        .where('account_id', '=', account.id)
        .where('id', '!=', actor.sessionId)
        .executeTakeFirst();
      await this.deps.audit.record(trx, who(account, ip), {
        action: account.password_hash === null ? 'auth.password_set' : 'auth.password_changed',
        entityType: 'account',
        entityId: account.id,
        organizationId: orgId,
        after: { otherSessionsClosed: Number(closed.numDeletedRows) },
      });
    });
  }

  async setLocale(actor: Actor, locale: 'fr' | 'en', ip: string | null): Promise<void> {
    const account = await this.account(actor.accountId);
    if (account.locale === locale) return;
    const orgId = await organizationOfAccount(this.deps.db, account.id);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('accounts').set({ locale, updated_at: this.now() }).where('id', '=', account.id).execute();
      await this.deps.audit.record(trx, who(account, ip), {
        action: 'account.preferences_updated',
        entityType: 'account',
        entityId: account.id,
        organizationId: orgId,
        before: { locale: account.locale },
        after: { locale },
      });
    });
  }

  async signOut(actor: Actor, ip: string | null): Promise<void> {
    const orgId = await organizationOfAccount(this.deps.db, actor.accountId);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('sessions').where('id', '=', actor.sessionId).execute();
      await this.deps.audit.record(trx, who({ id: actor.accountId, email: actor.email }, ip), {
        action: 'auth.signed_out',
        entityType: 'account',
        entityId: actor.accountId,
        organizationId: orgId,
      });
    });
  }

  /** Closes every session of the account, this one included. */
  async signOutEverywhere(actor: Actor, ip: string | null): Promise<number> {
    const orgId = await organizationOfAccount(this.deps.db, actor.accountId);
    return this.deps.db.transaction().execute(async (trx) => {
      const res = await trx.deleteFrom('sessions').where('account_id', '=', actor.accountId).executeTakeFirst();
      const revoked = Number(res.numDeletedRows);
      await this.deps.audit.record(trx, who({ id: actor.accountId, email: actor.email }, ip), {
        action: 'auth.signed_out_everywhere',
        entityType: 'account',
        entityId: actor.accountId,
        organizationId: orgId,
        after: { revoked },
      });
      return revoked;
    });
  }
}
