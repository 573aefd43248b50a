import { toCount } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { syncFindingAction } from '../actions/from-findings.js';
import { type FindingActor, findingFor, RemediationPlans } from './findings-plan.js';
import { findingById, findingsOfAudit, findingsOfOrg } from './findings-repo.js';
import type { Finding, FindingsQuery, OpenFindingInput, PlanInput } from './findings-schema.js';
import { questionsOf } from './grid-definition.js';
import { isCalendarDate } from './grid-logic.js';
import { addDays, auditFor, requireStatus, snapshotOf } from './review-audit.js';

/** Who acts on a finding (establishment or provider): see findings-plan.ts. */
export type { FindingActor };

/** Findings, remediation plans and closure (issue 5, "Review and follow-up"). */
export class FindingsService {
  private readonly plans: RemediationPlans;
  constructor(private readonly deps: AppDeps) {
    this.plans = new RemediationPlans(deps);
  }

  private today(): string {
    return this.deps.clock.now().toISOString().slice(0, 10);
  }

  /**
   * Opens a finding from a non-conformity while the audit is in review (or already in remediation).
   * Deadline: the review date plus the contract's audit clause `fix_deadline_days`; without a
   * clause, the `dueOn` given (400 `due_on_required` when absent).
   */
  async open(ctx: RequestContext, orgId: string, auditId: string, input: OpenFindingInput): Promise<Finding> {
    const id = newId();
    await this.deps.db.transaction().execute(async (trx) => {
      const { audit } = await auditFor(trx, orgId, auditId, 'lead');
      requireStatus(audit, ['in_review', 'remediation'], 'audit_not_in_review', {
        fr: 'Un écart s’ouvre pendant la revue ou la remédiation',
        en: 'A finding is opened during the review or the remediation',
      });
      const questionId = input.questionId ?? null;
      if (questionId !== null && !questionsOf(snapshotOf(audit).grid).some((q) => q.id === questionId)) {
        throw new Invalid(
          'unknown_question',
          { fr: 'Cette question n’est pas dans la grille de l’audit.', en: 'This question is not in the audit’s grid.' },
          'questionId',
        );
      }
      const clause = audit.contract_id
        ? await trx
            .selectFrom('supplier_audit_clauses')
            .select('fix_deadline_days')
            .where('contract_id', '=', audit.contract_id)
            .executeTakeFirst()
        : undefined;
      const reviewDay = (audit.reviewed_at ?? this.deps.clock.now().toISOString()).slice(0, 10);
      let dueOn: string;
      if (clause) dueOn = addDays(reviewDay, clause.fix_deadline_days);
      else if (input.dueOn && isCalendarDate(input.dueOn)) dueOn = input.dueOn;
      else {
        throw new Invalid(
          'due_on_required',
          {
            fr: 'Le contrat n’a pas de clause d’audit : indiquez la date limite de correction (AAAA-MM-JJ).',
            en: 'The contract has no audit clause: give the fix deadline (YYYY-MM-DD).',
          },
          'dueOn',
        );
      }
      const at = this.deps.clock.now().toISOString();
      const row = {
        id,
        audit_id: audit.id,
        organization_id: audit.organization_id,
        question_id: questionId,
        title: input.title,
        description: input.description,
        severity: input.severity,
        root_cause: input.rootCause,
        status: 'open' as const,
        due_on: dueOn,
        closed_at: null,
        created_at: at,
        updated_at: at,
      };
      await trx.insertInto('supplier_findings').values(row).execute();
      await this.record(trx, ctx, 'suppliers.finding.opened', id, audit.organization_id, null, row);
      // The finding appears in the organization's action plan in the same transaction.
      await syncFindingAction(trx, this.deps, auditActor(ctx), id);
    });
    return this.get(orgId, id);
  }

  async get(orgId: string, findingId: string): Promise<Finding> {
    const f = await findingById(this.deps.db, orgId, findingId, this.today());
    if (!f) throw new NotFound('finding');
    return f;
  }

  async ofAudit(orgId: string, auditId: string): Promise<Finding[]> {
    await auditFor(this.deps.db, orgId, auditId, 'read');
    return findingsOfAudit(this.deps.db, auditId, this.today());
  }

  ofOrganization(orgId: string, q: FindingsQuery) {
    return findingsOfOrg(this.deps.db, orgId, q, this.today());
  }

  /** The provider’s side calls these through the portal with `{ side: 'provider', auditId }`. */
  proposePlan(ctx: RequestContext, who: FindingActor, findingId: string, plan: PlanInput): Promise<void> {
    return this.plans.proposePlan(ctx, who, findingId, plan);
  }

  agreePlan(ctx: RequestContext, who: FindingActor, findingId: string): Promise<void> {
    return this.plans.agreePlan(ctx, who, findingId);
  }

  stepDone(ctx: RequestContext, who: FindingActor, findingId: string, stepId: string, evidenceId: string): Promise<void> {
    return this.plans.stepDone(ctx, who, findingId, stepId, evidenceId);
  }

  /** Closes a finding whose agreed plan is done; the audit closes with its last open finding. */
  async close(ctx: RequestContext, orgId: string, findingId: string): Promise<Finding> {
    await this.deps.db.transaction().execute(async (trx) => {
      const f = await findingFor(trx, { side: 'establishment', organizationId: orgId }, findingId);
      if (f.status !== 'plan_agreed') {
        throw new Conflict('plan_not_agreed', {
          fr: 'Un écart se clôt une fois son plan de remédiation convenu et réalisé.',
          en: 'A finding is closed once its remediation plan is agreed and done.',
        });
      }
      const pending = await trx
        .selectFrom('supplier_remediation_steps')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('finding_id', '=', f.id)
        .where('status', '!=', 'done')
        .executeTakeFirst();
      if (toCount(pending?.n) > 0) {
        throw new Conflict('steps_pending', {
          fr: 'Des étapes du plan ne sont pas réalisées.',
          en: 'Some steps of the plan are not done.',
        });
      }
      const at = this.deps.clock.now().toISOString();
      await trx.updateTable('supplier_findings').set({ status: 'closed', closed_at: at, updated_at: at }).where('id', '=', f.id).execute();
      await this.record(trx, ctx, 'suppliers.finding.closed', f.id, f.organization_id, { status: f.status }, { status: 'closed' });
      await syncFindingAction(trx, this.deps, auditActor(ctx), f.id);
      const open = await trx
        .selectFrom('supplier_findings')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('audit_id', '=', f.audit_id)
        .where('status', '!=', 'closed')
        .executeTakeFirst();
      const audit = await trx.selectFrom('supplier_audits').select(['id', 'status']).where('id', '=', f.audit_id).executeTakeFirstOrThrow();
      if (toCount(open?.n) === 0 && audit.status === 'remediation') {
        await trx
          .updateTable('supplier_audits')
          .set({ status: 'closed', closed_at: at, updated_at: at })
          .where('id', '=', audit.id)
          .execute();
        await this.deps.audit.record(trx, auditActor(ctx), {
          action: 'suppliers.audit.closed',
          entityType: 'supplier_audit',
          entityId: audit.id,
          organizationId: f.organization_id,
          before: { status: 'remediation' },
          after: { status: 'closed' },
        });
      }
    });
    return this.get(orgId, findingId);
  }

  private record(trx: Db, ctx: RequestContext, action: string, id: string, orgId: string, before: unknown, after: unknown) {
    return this.deps.audit.record(trx, auditActor(ctx), {
      action,
      entityType: 'supplier_finding',
      entityId: id,
      organizationId: orgId,
      before,
      after,
    });
  }
}
