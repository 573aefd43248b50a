import type { AppDeps, RequestContext } from '../../../platform/context.js';
import { auditActor } from '../../../platform/context.js';
import type { Locale } from '../../../platform/errors.js';
import { NotFound } from '../../../platform/errors.js';
import { type DecisionInput, presentReport, type ReportDto, type ReportsQuery } from '../reporting-schema.js';
import { feedbackMail } from './texts.js';

type TriageDeps = Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'audit'>;

/** Suspicious emails staff reported, examined by the organization's administrators. */
export class TriageService {
  constructor(private readonly deps: TriageDeps) {}

  async list(orgId: string, q: ReportsQuery): Promise<{ items: ReportDto[]; total: number; page: number; pageSize: number }> {
    let base = this.deps.db.selectFrom('phishing_reports').where('organization_id', '=', orgId).where('verdict', '!=', 'simulation');
    if (q.verdict) base = base.where('verdict', '=', q.verdict);
    const count = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const rows = await base
      .selectAll()
      .orderBy('received_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    return { items: rows.map(presentReport), total: Number(count.n), page: q.page, pageSize: q.pageSize };
  }

  async decide(ctx: RequestContext, orgId: string, id: string, input: DecisionInput): Promise<ReportDto> {
    const now = this.deps.clock.now().toISOString();
    const decided = await this.deps.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('phishing_reports')
        .selectAll()
        .where('id', '=', id)
        .where('organization_id', '=', orgId)
        .where('verdict', '!=', 'simulation')
        .executeTakeFirst();
      if (!before) throw new NotFound('report');
      const change = { verdict: input.verdict, note: input.note ?? before.note, decided_by: ctx.actor?.accountId ?? null, decided_at: now };
      await trx.updateTable('phishing_reports').set(change).where('id', '=', id).execute();
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'phishing.report.decide',
        entityType: 'phishing_report',
        entityId: id,
        organizationId: orgId,
        before: { verdict: before.verdict, note: before.note },
        after: { verdict: change.verdict, note: change.note, sendFeedback: input.sendFeedback },
      });
      return { ...before, ...change };
    });
    if (!input.sendFeedback || !decided.reporter_email) return presentReport(decided);
    // The mail goes out after the commit: a verdict is never lost because a relay is down.
    await this.deps.mailer.send(
      feedbackMail(
        decided.reporter_email,
        await this.localeOf(decided.reporter_email, decided.reporter_person_id),
        decided.subject,
        input.verdict,
      ),
    );
    await this.deps.db.updateTable('phishing_reports').set({ feedback_sent_at: now }).where('id', '=', id).execute();
    return presentReport({ ...decided, feedback_sent_at: now });
  }

  private async localeOf(email: string, personId: string | null): Promise<Locale> {
    const account = await this.deps.db
      .selectFrom('accounts')
      .select('locale')
      .where((eb) =>
        eb.or([eb(eb.fn('lower', ['email']), '=', email.toLowerCase()), ...(personId ? [eb('person_id', '=', personId)] : [])]),
      )
      .executeTakeFirst();
    return account?.locale === 'en' ? 'en' : 'fr';
  }
}
