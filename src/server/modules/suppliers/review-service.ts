import { fromJson, toCount } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, type Locale, NotFound } from '../../platform/errors.js';
import { questionsOf } from './grid-definition.js';
import { gridScore } from './grid-logic.js';
import { type AuditRow, auditFor, requireStatus, snapshotOf } from './review-audit.js';
import type { ReviewQuestion, ReviewView } from './review-schema.js';
import type { AnswerRating, AuditStatus } from './tables.js';

type AnswerRow = {
  question_id: string;
  value: string;
  comment: string;
  answered_at: string;
  rating: AnswerRating | null;
  rating_note: string;
  rated_at: string | null;
};

/** The weighted score of an audit from its ratings (grid-logic.ts), with section titles in the reader's language. */
export function scoreOf(audit: AuditRow, answers: AnswerRow[], locale: Locale): ReviewView['score'] {
  const { grid } = snapshotOf(audit);
  const s = gridScore(grid, new Map(answers.map((a) => [a.question_id, a.rating])));
  const titles = new Map(grid.sections.map((sec) => [sec.id, sec.title[locale]]));
  return { ...s, sections: s.sections.map((x) => ({ ...x, title: titles.get(x.sectionId) ?? x.sectionId })) };
}

export async function answersOf(db: Db, auditId: string): Promise<AnswerRow[]> {
  return db
    .selectFrom('supplier_audit_answers')
    .select(['question_id', 'value', 'comment', 'answered_at', 'rating', 'rating_note', 'rated_at'])
    .where('audit_id', '=', auditId)
    .execute();
}

/** Every question of the frozen grid with the provider's answer and the auditor's rating. */
export function reviewGridOf(audit: AuditRow, answers: AnswerRow[], locale: Locale): ReviewView['grid'] {
  const { title, grid } = snapshotOf(audit);
  const byQuestion = new Map(answers.map((a) => [a.question_id, a]));
  return {
    title: title[locale],
    sections: grid.sections.map((s) => ({
      id: s.id,
      title: s.title[locale],
      questions: s.questions.map((q): ReviewQuestion => {
        const a = byQuestion.get(q.id);
        // A rating without an answer row cannot exist (rate() refuses it), so rating follows the answer.
        return {
          id: q.id,
          text: q.text[locale],
          type: q.type,
          weight: q.weight,
          reference: q.reference ?? null,
          answer: a ? { value: fromJson<unknown>(a.value, null), comment: a.comment, answeredAt: a.answered_at } : null,
          rating: a?.rating ?? null,
          ratingNote: a?.rating_note ?? '',
          ratedAt: a?.rated_at ?? null,
        };
      }),
    })),
  };
}

/** Starting a review, rating answers and finishing the review (suppliers.audit). */
export class ReviewService {
  constructor(private readonly deps: AppDeps) {}

  async view(orgId: string, auditId: string, locale: Locale): Promise<ReviewView> {
    const { audit, lead } = await auditFor(this.deps.db, orgId, auditId, 'read');
    const supplier = await this.deps.db.selectFrom('suppliers').select('name').where('id', '=', audit.supplier_id).executeTakeFirst();
    const answers = await answersOf(this.deps.db, audit.id);
    return {
      audit: {
        id: audit.id,
        title: audit.title,
        status: audit.status,
        supplierId: audit.supplier_id,
        supplierName: supplier?.name ?? '',
        contractId: audit.contract_id,
        dueOn: audit.due_on,
        submittedAt: audit.submitted_at,
        reviewedAt: audit.reviewed_at,
        closedAt: audit.closed_at,
        shared: audit.shared === 1,
        lead,
      },
      grid: reviewGridOf(audit, answers, locale),
      score: scoreOf(audit, answers, locale),
    };
  }

  /** submitted → in_review; the review date (reviewed_at) is the start of the review and dates the findings' deadlines. */
  async start(ctx: RequestContext, orgId: string, auditId: string): Promise<ReviewView> {
    await this.deps.db.transaction().execute(async (trx) => {
      const { audit } = await auditFor(trx, orgId, auditId, 'lead');
      requireStatus(audit, ['submitted'], 'audit_not_submitted', {
        fr: 'Seul un audit soumis par le prestataire peut passer en revue',
        en: 'Only an audit the provider has submitted can be reviewed',
      });
      const at = this.deps.clock.now().toISOString();
      const patch = { status: 'in_review' as const, reviewed_at: at, auditor_account_id: ctx.actor?.accountId ?? null, updated_at: at };
      await trx.updateTable('supplier_audits').set(patch).where('id', '=', audit.id).where('status', '=', 'submitted').execute();
      await this.record(
        trx,
        ctx,
        'suppliers.audit.review_started',
        audit,
        { status: audit.status },
        { status: 'in_review', reviewedAt: at },
      );
    });
    return this.view(orgId, auditId, ctx.locale);
  }

  /** Rates one answer; only while the audit is in review (409 `audit_not_in_review` otherwise). */
  async rate(ctx: RequestContext, orgId: string, auditId: string, questionId: string, rating: AnswerRating, note: string) {
    return this.deps.db.transaction().execute(async (trx) => {
      const { audit } = await auditFor(trx, orgId, auditId, 'lead');
      requireStatus(audit, ['in_review'], 'audit_not_in_review', {
        fr: 'Les réponses ne se notent que pendant la revue',
        en: 'Answers can only be rated while the audit is in review',
      });
      if (!questionsOf(snapshotOf(audit).grid).some((q) => q.id === questionId)) throw new NotFound('question');
      const before = await trx
        .selectFrom('supplier_audit_answers')
        .select(['rating', 'rating_note'])
        .where('audit_id', '=', audit.id)
        .where('question_id', '=', questionId)
        .executeTakeFirst();
      if (!before) {
        throw new Conflict('answer_missing', {
          fr: 'Le prestataire n’a pas répondu à cette question : ouvrez plutôt un écart.',
          en: 'The provider did not answer this question: open a finding instead.',
        });
      }
      const at = this.deps.clock.now().toISOString();
      await trx
        .updateTable('supplier_audit_answers')
        .set({ rating, rating_note: note, rated_by: ctx.actor?.accountId ?? null, rated_at: at })
        .where('audit_id', '=', audit.id)
        .where('question_id', '=', questionId)
        .execute();
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'suppliers.answer.rated',
        entityType: 'supplier_audit',
        entityId: audit.id,
        organizationId: orgId,
        before: { questionId, rating: before.rating, note: before.rating_note },
        after: { questionId, rating, note },
      });
      const answers = await answersOf(trx, audit.id);
      return { questionId, rating, note, ratedAt: at, score: scoreOf(audit, answers, ctx.locale) };
    });
  }

  /** Ends the review: → remediation while findings are open, → closed when there are none (or all closed). */
  async complete(ctx: RequestContext, orgId: string, auditId: string): Promise<ReviewView> {
    await this.deps.db.transaction().execute(async (trx) => {
      const { audit } = await auditFor(trx, orgId, auditId, 'lead');
      requireStatus(audit, ['in_review'], 'audit_not_in_review', {
        fr: 'Seul un audit en revue peut terminer sa revue',
        en: 'Only an audit in review can end its review',
      });
      const open = await trx
        .selectFrom('supplier_findings')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('audit_id', '=', audit.id)
        .where('status', '!=', 'closed')
        .executeTakeFirst();
      const at = this.deps.clock.now().toISOString();
      const status: AuditStatus = toCount(open?.n) > 0 ? 'remediation' : 'closed';
      await trx
        .updateTable('supplier_audits')
        .set({ status, closed_at: status === 'closed' ? at : null, updated_at: at })
        .where('id', '=', audit.id)
        .execute();
      await this.record(trx, ctx, 'suppliers.audit.review_completed', audit, { status: audit.status }, { status });
    });
    return this.view(orgId, auditId, ctx.locale);
  }

  private record(trx: Db, ctx: RequestContext, action: string, audit: AuditRow, before: unknown, after: unknown) {
    return this.deps.audit.record(trx, auditActor(ctx), {
      action,
      entityType: 'supplier_audit',
      entityId: audit.id,
      organizationId: audit.organization_id,
      before,
      after,
    });
  }
}
