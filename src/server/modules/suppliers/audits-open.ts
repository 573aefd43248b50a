import { baseUrl } from '../../config.js';
import { fromBool01 } from '../../db/dialect.js';
import type { AuditActor } from '../../platform/audit-log/audit-log.js';
import { MAGIC_LINK_TTL_MINUTES } from '../../platform/auth/magic-link.js';
import { addMs } from '../../platform/clock.js';
import { auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid } from '../../platform/errors.js';
import { randomToken, sha256Hex } from '../../platform/ids.js';
import type { MailMessage } from '../../platform/mail/mailer.js';
import type { ModuleDeps } from '../index.js';
import { ledAudit } from './audits-access.js';
import { auditNoticeEmail } from './audits-mails.js';
import { type AuditRow, auditsRepo } from './audits-repo.js';
import type { AuditsService } from './audits-service.js';
import { portalAccount, providerOrganization } from './portal-accounts.js';

type Db = ModuleDeps['db'];

/** Where the notice's sign-in link leads once consumed (the portal page of the audit). */
export const portalPath = (auditId: string) => `/portal/audits/${auditId}`;

const noContacts = () =>
  new Invalid(
    'supplier_without_contacts',
    {
      fr: "Ajoutez au moins un contact au prestataire : c'est lui qui recevra l'avis d'audit et y répondra.",
      en: 'Add at least one contact to the provider: they receive the audit notice and answer it.',
    },
    'contacts',
  );

/**
 * Opening an audit and sending its notice: each contact of the provider gets a portal account and
 * an email with a sign-in link to the audit. Mails leave after the commit; a failed one is
 * reported, not fatal.
 */
export class AuditOpening {
  constructor(
    private readonly deps: ModuleDeps,
    private readonly audits: AuditsService,
  ) {}

  /** planned → open, then the notice. */
  async open(ctx: RequestContext, orgId: string, auditId: string) {
    return this.run(ctx, orgId, auditId, async (trx, audit, stamp) => {
      const clause = audit.contract_id
        ? await trx.selectFrom('supplier_audit_clauses').select('payer').where('contract_id', '=', audit.contract_id).executeTakeFirst()
        : undefined;
      const opened = await auditsRepo.transition(trx, auditId, ['planned'], {
        status: 'open',
        opened_at: stamp,
        notice_sent_at: stamp,
        payer: clause?.payer ?? audit.payer,
        updated_at: stamp,
      });
      if (!opened) {
        throw new Conflict('audit_not_planned', {
          fr: "Seul un audit planifié peut être ouvert : celui-ci l'est déjà ou a été annulé.",
          en: 'Only a planned audit can be opened: this one already is, or was cancelled.',
        });
      }
      return { action: 'suppliers.audit.opened', status: 'open' as const };
    });
  }

  /** The notice again, to every contact (new ones included), e.g. when the first links expired. */
  async resend(ctx: RequestContext, orgId: string, auditId: string) {
    return this.run(ctx, orgId, auditId, async (trx, audit, stamp) => {
      if (!(await auditsRepo.transition(trx, auditId, ['open'], { notice_sent_at: stamp, updated_at: stamp }))) {
        throw new Conflict('audit_not_open', {
          fr: "L'avis ne se renvoie que pour un audit ouvert.",
          en: 'The notice can only be sent again for an open audit.',
        });
      }
      return { action: 'suppliers.audit.notice_resent', status: audit.status };
    });
  }

  private async run(
    ctx: RequestContext,
    orgId: string,
    auditId: string,
    step: (trx: Db, audit: AuditRow, stamp: string) => Promise<{ action: string; status: AuditRow['status'] }>,
  ) {
    const { db, clock } = this.deps;
    const who = auditActor(ctx);
    const { mails, detail } = await db.transaction().execute(async (trx) => {
      const audit = await ledAudit(trx, orgId, auditId);
      const now = clock.now();
      const { action, status } = await step(trx, audit, now.toISOString());
      const { mails, skipped, providerOrgId } = await this.notices(trx, who, audit, now);
      await this.audits.recordStatus(trx, who, audit, status, action, {
        providerOrganizationId: providerOrgId,
        noticeTo: mails.map((m) => m.to),
        skipped,
      });
      return { mails, detail: await this.audits.get(orgId, auditId, trx) };
    });
    const failures: string[] = [];
    for (const m of mails) {
      try {
        await this.deps.mailer.send(m);
      } catch {
        failures.push(m.to);
      }
    }
    return { ...detail, noticesSent: mails.length - failures.length, noticeFailures: failures };
  }

  /** Accounts, grants and a fresh single-use sign-in link per active contact, in the caller's transaction. */
  private async notices(trx: Db, who: AuditActor, audit: AuditRow, now: Date) {
    const stamp = now.toISOString();
    const supplier = await trx.selectFrom('suppliers').selectAll().where('id', '=', audit.supplier_id).executeTakeFirstOrThrow();
    const contacts = await trx.selectFrom('supplier_contacts').selectAll().where('supplier_id', '=', supplier.id).orderBy('name').execute();
    if (contacts.length === 0) throw noContacts();
    const providerOrgId = await providerOrganization(this.deps, trx, who, supplier, stamp);
    const establishment = await trx
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', audit.organization_id)
      .executeTakeFirstOrThrow();
    const base = baseUrl(this.deps.config);
    const mails: MailMessage[] = [];
    const skipped: string[] = [];
    for (const contact of contacts) {
      const accountId = await portalAccount(this.deps, trx, who, providerOrgId, contact, stamp);
      const account = await trx.selectFrom('accounts').select(['email', 'active']).where('id', '=', accountId).executeTakeFirstOrThrow();
      if (!fromBool01(account.active)) {
        skipped.push(contact.email);
        continue;
      }
      const token = randomToken();
      await trx
        .insertInto('magic_links')
        .values({
          token_hash: sha256Hex(token),
          account_id: accountId,
          created_at: stamp,
          expires_at: addMs(now, MAGIC_LINK_TTL_MINUTES * 60_000).toISOString(),
          used_at: null,
          return_to: portalPath(audit.id),
        })
        .execute();
      mails.push(
        auditNoticeEmail({
          to: account.email,
          displayName: contact.name,
          establishment: establishment.name,
          title: audit.title,
          dueOn: audit.due_on,
          link: `${base}/auth/magic?token=${encodeURIComponent(token)}`,
          signInUrl: `${base}/sign-in`,
          expiresInMinutes: MAGIC_LINK_TTL_MINUTES,
        }),
      );
    }
    return { mails, skipped, providerOrgId };
  }
}
