import type { AuditActor } from '../../platform/audit-log/audit-log.js';
import { auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid } from '../../platform/errors.js';
import type { ModuleDeps } from '../index.js';
import { auditForOrg, ledAudit } from './audits-access.js';
import { visibleQuestions } from './audits-answers.js';
import { answerMapOf, presentAnswer, presentComment, presentEvidence, presentSummary, snapshotOf } from './audits-present.js';
import { type AuditRow, auditsRepo } from './audits-repo.js';
import type { AuditCreateInput, AuditDetail, AuditListQuery } from './audits-schema.js';
import { planAudit } from './calendar-plan.js';

type Db = ModuleDeps['db'];

export const auditSnapshot = (a: AuditRow) => ({ id: a.id, status: a.status, dueOn: a.due_on, supplierId: a.supplier_id, title: a.title });

/** The establishment's side of audits: the list, one audit with everything, creation and cancellation. */
export class AuditsService {
  constructor(private readonly deps: ModuleDeps) {}

  async list(orgId: string, query: AuditListQuery) {
    const { items, total } = await auditsRepo.listForOrg(this.deps.db, orgId, query);
    return { items: items.map((a) => presentSummary(a, orgId)), total, page: query.page, pageSize: query.pageSize };
  }

  /** One audit as the organization sees it; a participant sees answers only once the provider agreed. */
  async get(orgId: string, auditId: string, db: Db = this.deps.db): Promise<AuditDetail> {
    const { audit, lead } = await auditForOrg(db, orgId, auditId);
    const supplier = await db.selectFrom('suppliers').select('name').where('id', '=', audit.supplier_id).executeTakeFirstOrThrow();
    const visible = lead || audit.provider_agreed_shared_at !== null;
    const [answers, evidence, comments, participants] = visible
      ? await Promise.all([
          auditsRepo.answers(db, auditId),
          auditsRepo.evidence(db, auditId),
          auditsRepo.comments(db, auditId),
          auditsRepo.participants(db, auditId),
        ])
      : [[], [], [], await auditsRepo.participants(db, auditId)];
    const grid = snapshotOf(audit);
    return {
      ...presentSummary({ ...audit, supplier_name: supplier.name }, orgId),
      grid,
      visibleQuestionIds: visibleQuestions(grid.definition, answerMapOf(answers)).map((q) => q.id),
      answersVisible: visible,
      answers: answers.map((r) => ({ ...presentAnswer(r), rating: r.rating, ratingNote: r.rating_note })),
      evidence: evidence.map(presentEvidence),
      comments: comments.map(presentComment),
      participants: participants.map((p) => ({ organizationId: p.organization_id, name: p.name, joinedAt: p.joined_at })),
    };
  }

  /** An audit launched by hand: the grid is copied now, so later edits of the grid never reach it. */
  async create(ctx: RequestContext, orgId: string, input: AuditCreateInput): Promise<AuditDetail> {
    const { db, clock, audit: log } = this.deps;
    return db.transaction().execute(async (trx) => {
      const supplier = await trx
        .selectFrom('suppliers')
        .select(['id', 'name'])
        .where('id', '=', input.supplierId)
        .where('organization_id', '=', orgId)
        .where('archived', '=', 0)
        .executeTakeFirst();
      if (!supplier) throw unknown('supplierId', "Ce prestataire n'est pas dans votre registre.", 'This provider is not in your register.');
      if (input.contractId) {
        const contract = await trx
          .selectFrom('supplier_contracts')
          .select('id')
          .where('id', '=', input.contractId)
          .where('organization_id', '=', orgId)
          .where('supplier_id', '=', supplier.id)
          .executeTakeFirst();
        if (!contract)
          throw unknown('contractId', "Ce contrat n'est pas un contrat de ce prestataire.", 'This contract is not one of this provider.');
      }
      const row = await planAudit(trx, log, auditActor(ctx), {
        organizationId: orgId,
        supplierId: supplier.id,
        contractId: input.contractId ?? null,
        kind: 'extra',
        triggerReason: null,
        dueOn: input.dueOn,
        gridId: input.gridId,
        ...(input.title ? { title: input.title } : {}),
        now: clock.now().toISOString(),
      });
      if (!row)
        throw unknown('gridId', "Cette grille d'audit est introuvable ou archivée.", 'This audit grid does not exist or is archived.');
      return this.get(orgId, row.id, trx);
    });
  }

  /** Planned or open audits can be cancelled; what the provider already wrote stays. */
  async cancel(ctx: RequestContext, orgId: string, auditId: string): Promise<AuditDetail> {
    const { db, clock } = this.deps;
    return db.transaction().execute(async (trx) => {
      const audit = await ledAudit(trx, orgId, auditId);
      const now = clock.now().toISOString();
      if (!(await auditsRepo.transition(trx, auditId, ['planned', 'open'], { status: 'cancelled', updated_at: now }))) {
        throw new Conflict('audit_not_cancellable', {
          fr: 'Seul un audit planifié ou ouvert peut être annulé : celui-ci a déjà été remis par le prestataire ou est clos.',
          en: 'Only a planned or open audit can be cancelled: this one was already submitted by the provider or is closed.',
        });
      }
      await this.recordStatus(trx, auditActor(ctx), audit, 'cancelled', 'suppliers.audit.cancelled');
      return this.get(orgId, auditId, trx);
    });
  }

  /** Audit-log entry of a status change, with the before and after states. */
  async recordStatus(trx: Db, who: AuditActor, before: AuditRow, status: AuditRow['status'], action: string, extra: object = {}) {
    await this.deps.audit.record(trx, who, {
      action,
      entityType: 'supplier_audit',
      entityId: before.id,
      organizationId: before.organization_id,
      before: { status: before.status },
      after: { status, ...extra },
    });
  }
}

function unknown(field: string, fr: string, en: string) {
  return new Invalid(`unknown_${field.replace(/Id$/, '')}`, { fr, en }, field);
}
