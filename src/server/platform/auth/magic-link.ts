import type { FastifyBaseLogger } from 'fastify';
import { baseUrl } from '../../config.js';
import { fromBool01 } from '../../db/dialect.js';
import type { ModuleDeps } from '../../modules/index.js';
import { addMs } from '../clock.js';
import { Invalid } from '../errors.js';
import { randomToken, sha256Hex } from '../ids.js';
import { magicLinkEmail } from '../mail/templates.js';
import { findAccountByEmail, findAccountById, findActivePersonByEmail, organizationOfAccount, provisionAccount } from './accounts.js';
import { RateLimiter } from './rate-limit.js';
import type { AuthService, ClientInfo, StartedSession } from './service.js';

export const MAGIC_LINK_TTL_MINUTES = 15;

const linkError = (code: 'link_invalid' | 'link_used' | 'link_expired') => {
  const text = {
    link_invalid: { fr: 'Ce lien de connexion est invalide.', en: 'This sign-in link is invalid.' },
    link_used: {
      fr: 'Ce lien de connexion a déjà servi : demandez-en un nouveau.',
      en: 'This sign-in link was already used: ask for a new one.',
    },
    link_expired: {
      fr: 'Ce lien de connexion a expiré : demandez-en un nouveau.',
      en: 'This sign-in link has expired: ask for a new one.',
    },
  }[code];
  return new Invalid(code, text, 'token');
};

/**
 * Sign-in links sent by email. The request always answers the same and does its work after the
 * answer, so neither the answer nor its timing tells whether an address is known.
 */
export class MagicLinks {
  private readonly inFlight = new Set<Promise<void>>();
  /** Per address, so nobody can flood a colleague's mailbox. */
  private readonly perEmail: RateLimiter;

  constructor(
    private readonly deps: ModuleDeps,
    private readonly auth: AuthService,
    private readonly log: FastifyBaseLogger,
  ) {
    this.perEmail = new RateLimiter(deps.clock, 5, 15 * 60_000);
  }

  /** Queues the issuance; never throws and never says whether the email is known. */
  request(email: string, returnTo: string | null, ip: string | null): void {
    if (!this.perEmail.tryHit(email.trim().toLowerCase())) return;
    const task = this.issue(email, returnTo, ip).catch((err: unknown) => {
      this.log.error({ err }, 'magic link issuance failed');
    });
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }

  /** Waits for queued issuances (app shutdown, tests). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async issue(email: string, returnTo: string | null, ip: string | null): Promise<void> {
    const { db, clock, audit, config } = this.deps;
    const token = randomToken();
    const now = clock.now();
    const sent = await db.transaction().execute(async (trx) => {
      let accountId: string;
      let displayName: string;
      let address: string;
      let orgId: string | null;
      const account = await findAccountByEmail(trx, email);
      if (account) {
        if (!fromBool01(account.active)) return null;
        accountId = account.id;
        displayName = account.display_name;
        address = account.email;
        orgId = await organizationOfAccount(trx, account.id);
      } else {
        const person = await findActivePersonByEmail(trx, email);
        if (!person) return null;
        displayName = `${person.first_name} ${person.last_name}`.trim();
        accountId = await provisionAccount(trx, { email: person.email, displayName, personId: person.id });
        address = person.email.trim().toLowerCase();
        orgId = person.organization_id;
        await audit.record(
          trx,
          { accountId: null, label: 'magic-link', ip },
          {
            action: 'account.provisioned',
            entityType: 'account',
            entityId: accountId,
            organizationId: orgId,
            after: { personId: person.id, via: 'magic_link' },
          },
        );
      }
      // Spent and expired links of this account serve no purpose any more.
      await trx.deleteFrom('magic_links').where('account_id', '=', accountId).where('expires_at', '<', now.toISOString()).execute();
      await trx
        .insertInto('magic_links')
        .values({
          token_hash: sha256Hex(token),
          account_id: accountId,
          created_at: now.toISOString(),
          expires_at: addMs(now, MAGIC_LINK_TTL_MINUTES * 60_000).toISOString(),
          used_at: null,
          return_to: returnTo,
        })
        .execute();
      await audit.record(
        trx,
        { accountId: null, label: 'magic-link', ip },
        { action: 'auth.magic_link_sent', entityType: 'account', entityId: accountId, organizationId: orgId },
      );
      return { address, displayName };
    });
    if (!sent) return;
    const link = `${baseUrl(config)}/auth/magic?token=${encodeURIComponent(token)}`;
    await this.deps.mailer.send(
      magicLinkEmail({ to: sent.address, displayName: sent.displayName, link, expiresInMinutes: MAGIC_LINK_TTL_MINUTES }),
    );
  }

  /** Signs in with a link token: once only, within 15 minutes. */
  async consume(token: string, client: ClientInfo): Promise<StartedSession & { returnTo: string | null }> {
    const { db, clock, audit } = this.deps;
    const hash = sha256Hex(token);
    const row = await db.selectFrom('magic_links').selectAll().where('token_hash', '=', hash).executeTakeFirst();
    if (!row) throw linkError('link_invalid');
    if (row.used_at !== null) throw linkError('link_used');
    const now = clock.now();
    if (now.getTime() > Date.parse(row.expires_at)) throw linkError('link_expired');
    const account = await findAccountById(db, row.account_id);
    if (!account || !fromBool01(account.active)) throw linkError('link_invalid');
    const orgId = await organizationOfAccount(db, account.id);
    await db.transaction().execute(async (trx) => {
      // The conditional update is the single-use guarantee when two tabs race on one link.
      const res = await trx
        .updateTable('magic_links')
        .set({ used_at: now.toISOString() })
        .where('token_hash', '=', hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw linkError('link_used');
      await audit.record(
        trx,
        { accountId: account.id, label: account.email, ip: client.ip },
        { action: 'auth.magic_link_consumed', entityType: 'account', entityId: account.id, organizationId: orgId },
      );
    });
    const started = await this.auth.startSession(account, 'magic_link', client, orgId);
    return { ...started, returnTo: row.return_to };
  }
}
