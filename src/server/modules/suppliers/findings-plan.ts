import { fromJson } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { syncFindingAction } from '../actions/from-findings.js';
import type { PlanInput } from './findings-schema.js';
import { isCalendarDate } from './grid-logic.js';
import type { CommentSide } from './tables.js';

/**
 * Who acts on a finding. The establishment: the organization running the audit (its admins and
 * auditors, checked by the route). The provider: the portal part calls the same functions after
 * checking that the contact's account may see `auditId`; a finding of another audit is a 404.
 */
export type FindingActor = { side: 'establishment'; organizationId: string } | { side: 'provider'; auditId: string };

const sideOf = (who: FindingActor): CommentSide => who.side;

/** A finding the actor may act on; the establishment must be the one running the audit. */
export async function findingFor(trx: Db, who: FindingActor, findingId: string) {
  const f = await trx.selectFrom('supplier_findings').selectAll().where('id', '=', findingId).executeTakeFirst();
  const mine = f && (who.side === 'establishment' ? f.organization_id === who.organizationId : f.audit_id === who.auditId);
  if (!f || !mine) throw new NotFound('finding');
  return f;
}

/** The remediation plan of a finding, usable by both sides: propose, agree, mark steps done. */
export class RemediationPlans {
  constructor(private readonly deps: AppDeps) {}

  /** Either side proposes the steps (replacing an earlier proposal); open | plan_proposed → plan_proposed. */
  async proposePlan(ctx: RequestContext, who: FindingActor, findingId: string, plan: PlanInput): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const f = await findingFor(trx, who, findingId);
      if (f.status !== 'open' && f.status !== 'plan_proposed') {
        throw new Conflict('plan_locked', {
          fr: 'Le plan de remédiation est déjà convenu (ou l’écart est clos).',
          en: 'The remediation plan is already agreed (or the finding is closed).',
        });
      }
      plan.steps.forEach((s, i) => {
        if (!isCalendarDate(s.dueOn)) throw new Invalid('invalid_date', { fr: 'Date invalide.', en: 'Invalid date.' }, `steps.${i}.dueOn`);
      });
      const at = this.deps.clock.now().toISOString();
      const before = await trx
        .selectFrom('supplier_remediation_steps')
        .select(['description', 'due_on'])
        .where('finding_id', '=', f.id)
        .execute();
      await trx.deleteFrom('supplier_remediation_steps').where('finding_id', '=', f.id).execute();
      await trx
        .insertInto('supplier_remediation_steps')
        .values(
          plan.steps.map((s) => ({
            id: newId(),
            finding_id: f.id,
            description: s.description,
            due_on: s.dueOn,
            status: 'todo' as const,
            done_at: null,
            created_at: at,
          })),
        )
        .execute();
      await trx.updateTable('supplier_findings').set({ status: 'plan_proposed', updated_at: at }).where('id', '=', f.id).execute();
      await this.record(
        trx,
        ctx,
        'suppliers.finding.plan_proposed',
        f.id,
        f.organization_id,
        { status: f.status, steps: before },
        {
          status: 'plan_proposed',
          side: sideOf(who),
          steps: plan.steps,
        },
      );
    });
  }

  /**
   * Agrees the proposed plan: plan_proposed → plan_agreed. The establishment may always agree (it
   * decides); the provider only to a plan the establishment proposed, never to its own.
   */
  async agreePlan(ctx: RequestContext, who: FindingActor, findingId: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const f = await findingFor(trx, who, findingId);
      if (f.status !== 'plan_proposed') {
        throw new Conflict('no_plan_proposed', { fr: 'Aucun plan de remédiation n’est proposé.', en: 'No remediation plan is proposed.' });
      }
      if (who.side === 'provider' && (await this.proposer(trx, f.id)) === 'provider') {
        throw new Conflict('own_plan', {
          fr: 'Le plan proposé par le prestataire doit être accepté par l’établissement.',
          en: 'A plan the provider proposed must be agreed by the establishment.',
        });
      }
      const at = this.deps.clock.now().toISOString();
      await trx.updateTable('supplier_findings').set({ status: 'plan_agreed', updated_at: at }).where('id', '=', f.id).execute();
      await this.record(
        trx,
        ctx,
        'suppliers.finding.plan_agreed',
        f.id,
        f.organization_id,
        { status: f.status },
        { status: 'plan_agreed', side: sideOf(who) },
      );
      // Its action in the organization's plan moves to "in progress" with the agreement itself.
      await syncFindingAction(trx, this.deps, auditActor(ctx), f.id);
    });
  }

  /** The side of the latest proposal, from the audit log (the tables keep no author for a plan). */
  private async proposer(trx: Db, findingId: string): Promise<string | null> {
    const last = await trx
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', findingId)
      .where('action', '=', 'suppliers.finding.plan_proposed')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return fromJson<{ side?: string }>(last?.after_json, {}).side ?? null;
  }

  /** Marks a step of an agreed plan done with an evidence file of the same audit (supplier_evidence). */
  async stepDone(ctx: RequestContext, who: FindingActor, findingId: string, stepId: string, evidenceId: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const f = await findingFor(trx, who, findingId);
      if (f.status !== 'plan_agreed') {
        throw new Conflict('plan_not_agreed', {
          fr: 'Le plan de remédiation n’est pas encore convenu.',
          en: 'The remediation plan is not agreed yet.',
        });
      }
      const step = await trx
        .selectFrom('supplier_remediation_steps')
        .selectAll()
        .where('id', '=', stepId)
        .where('finding_id', '=', f.id)
        .executeTakeFirst();
      if (!step) throw new NotFound('step');
      const ev = await trx
        .selectFrom('supplier_evidence')
        .select(['id', 'finding_id'])
        .where('id', '=', evidenceId)
        .where('audit_id', '=', f.audit_id)
        .executeTakeFirst();
      if (!ev || (ev.finding_id !== null && ev.finding_id !== f.id)) {
        throw new Invalid(
          'unknown_evidence',
          { fr: 'Pièce justificative introuvable pour cet audit.', en: 'No such evidence file in this audit.' },
          'evidenceId',
        );
      }
      const at = this.deps.clock.now().toISOString();
      await trx.updateTable('supplier_evidence').set({ finding_id: f.id }).where('id', '=', ev.id).execute();
      await trx.updateTable('supplier_remediation_steps').set({ status: 'done', done_at: at }).where('id', '=', step.id).execute();
      await trx.updateTable('supplier_findings').set({ updated_at: at }).where('id', '=', f.id).execute();
      await this.record(
        trx,
        ctx,
        'suppliers.finding.step_done',
        f.id,
        f.organization_id,
        { stepId, status: step.status },
        {
          stepId,
          status: 'done',
          evidenceId,
          side: sideOf(who),
        },
      );
    });
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
