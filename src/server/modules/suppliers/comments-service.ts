import { baseUrl } from '../../config.js';
import { auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { ModuleDeps } from '../index.js';
import { auditForOrg, auditForProvider, ledAudit } from './audits-access.js';
import { commentNoticeEmail } from './audits-mails.js';
import { portalPath } from './audits-open.js';
import { presentComment, snapshotOf } from './audits-present.js';
import { type AuditRow, auditsRepo, type CommentRow } from './audits-repo.js';
import type { CommentDto } from './audits-schema.js';
import { questionsOf } from './grid-definition.js';
import type { CommentSide } from './tables.js';

type Db = ModuleDeps['db'];
export interface CommentInput {
  body: string;
  questionId?: string | null | undefined;
}

/** Where the establishment reads an audit in the web app (used in notification links). */
export const establishmentPath = (auditId: string) => `/suppliers/audits/${auditId}`;

/**
 * The thread of an audit, per question or about the whole audit. Both sides write; the other side
 * gets an email with a link only, so nothing of the exchange travels by mail.
 */
export class CommentsService {
  constructor(private readonly deps: ModuleDeps) {}

  async listForProvider(providerOrgs: string[], auditId: string): Promise<CommentDto[]> {
    await auditForProvider(this.deps.db, providerOrgs, auditId);
    return (await auditsRepo.comments(this.deps.db, auditId)).map(presentComment);
  }

  async listForOrg(orgId: string, auditId: string): Promise<CommentDto[]> {
    const { audit, lead } = await auditForOrg(this.deps.db, orgId, auditId);
    if (!lead && !audit.provider_agreed_shared_at) return [];
    return (await auditsRepo.comments(this.deps.db, auditId)).map(presentComment);
  }

  async postAsProvider(ctx: RequestContext, providerOrgs: string[], auditId: string, input: CommentInput): Promise<CommentDto> {
    const { comment, audit } = await this.deps.db.transaction().execute(async (trx) => {
      const audit = await auditForProvider(trx, providerOrgs, auditId);
      return { audit, comment: await this.insert(trx, ctx, audit, 'provider', input) };
    });
    await this.notify(await establishmentRecipients(this.deps.db, audit), audit, 'provider', establishmentPath(auditId));
    return comment;
  }

  async postAsEstablishment(ctx: RequestContext, orgId: string, auditId: string, input: CommentInput): Promise<CommentDto> {
    const { comment, audit } = await this.deps.db.transaction().execute(async (trx) => {
      const audit = await ledAudit(trx, orgId, auditId);
      if (audit.status === 'planned') {
        throw new Conflict('audit_not_open', {
          fr: "Le prestataire ne voit pas encore cet audit : ouvrez-le d'abord.",
          en: 'The provider does not see this audit yet: open it first.',
        });
      }
      return { audit, comment: await this.insert(trx, ctx, audit, 'establishment', input) };
    });
    await this.notify(await providerRecipients(this.deps.db, audit), audit, 'establishment', portalPath(auditId));
    return comment;
  }

  private async insert(trx: Db, ctx: RequestContext, audit: AuditRow, side: CommentSide, input: CommentInput): Promise<CommentDto> {
    if (audit.status === 'cancelled' || audit.status === 'closed') {
      throw new Conflict('audit_closed', { fr: 'Cet audit est clos ou annulé.', en: 'This audit is closed or cancelled.' });
    }
    const questionId = input.questionId ?? null;
    if (questionId && !questionsOf(snapshotOf(audit).definition).some((q) => q.id === questionId)) {
      throw new Invalid(
        'unknown_question',
        { fr: "Cette question n'est pas dans la grille de l'audit.", en: "This question is not in the audit's grid." },
        'questionId',
      );
    }
    const row: CommentRow = {
      id: newId(),
      audit_id: audit.id,
      question_id: questionId,
      author_account_id: ctx.actor?.accountId ?? null,
      side,
      body: input.body.trim(),
      created_at: this.deps.clock.now().toISOString(),
    };
    await auditsRepo.insertComment(trx, row);
    await this.deps.audit.record(trx, auditActor(ctx), {
      action: 'suppliers.audit.comment_posted',
      entityType: 'supplier_audit_comment',
      entityId: row.id,
      organizationId: audit.organization_id,
      after: { auditId: audit.id, questionId, side, length: row.body.length },
    });
    return presentComment({ ...row, author_name: ctx.actor?.displayName ?? null });
  }

  private async notify(to: string[], audit: AuditRow, from: CommentSide, path: string): Promise<void> {
    const link = `${baseUrl(this.deps.config)}${path}`;
    for (const address of to) {
      // A mail server hiccup must not lose a message already saved in the thread.
      await this.deps.mailer.send(commentNoticeEmail({ to: address, title: audit.title, from, link })).catch(() => undefined);
    }
  }
}

/** The audit's auditor, else the organization's admins. */
export async function establishmentRecipients(db: Db, audit: AuditRow): Promise<string[]> {
  if (audit.auditor_account_id) {
    const a = await db
      .selectFrom('accounts')
      .select('email')
      .where('id', '=', audit.auditor_account_id)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (a) return [a.email];
  }
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
    .select('accounts.email')
    .distinct()
    .where('role_grants.role', '=', 'org_admin')
    .where('role_grants.scope_kind', '=', 'organization')
    .where('role_grants.scope_id', '=', audit.organization_id)
    .where('accounts.active', '=', 1)
    .execute();
  return rows.map((r) => r.email);
}

/** The provider's contacts who have a portal account. */
export async function providerRecipients(db: Db, audit: AuditRow): Promise<string[]> {
  const rows = await db
    .selectFrom('supplier_contacts')
    .innerJoin('accounts', 'accounts.id', 'supplier_contacts.account_id')
    .select('accounts.email')
    .distinct()
    .where('supplier_contacts.supplier_id', '=', audit.supplier_id)
    .where('accounts.active', '=', 1)
    .execute();
  return rows.map((r) => r.email);
}
