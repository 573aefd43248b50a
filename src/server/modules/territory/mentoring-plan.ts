import type { Actor } from '../../platform/access/actor.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor } from '../identity/shared.js';
import { presentGoal, presentPlans, presentSession } from './mentoring-present.js';
import { MentoringRepo, type PairingView } from './mentoring-repo.js';
import type { GoalInput, GoalPatch, PlanDto, SessionInput, SessionPatch } from './mentoring-schema.js';
import { pairingEnded } from './mentoring-service.js';

type Access = 'write' | 'read' | 'none';

/**
 * A pairing's plan: goals and sessions. The mentor and the mentee's admins write it, the
 * territory's coordinators read it, anybody else is told it does not exist.
 */
export class MentoringPlans {
  private readonly repo = new MentoringRepo();
  constructor(private readonly deps: AppDeps) {}

  private isMentor(actor: Actor, p: PairingView): boolean {
    // Like any right, being the mentor counts only once the second factor is passed when enrolled.
    return actor.accountId === p.account_id && (actor.mfaVerified || !actor.totpEnrolled);
  }

  async accessOf(actor: Actor | null, p: PairingView): Promise<Access> {
    if (!actor) return 'none';
    if (this.isMentor(actor, p)) return 'write';
    const { policy } = this.deps;
    if ((await policy.decide(actor, 'org.manage', { kind: 'organization', id: p.organization_id })) === 'allow') return 'write';
    if ((await policy.decide(actor, 'territory.read', { kind: 'territory', id: p.territory_id })) === 'allow') return 'read';
    return 'none';
  }

  /** The pairing if the actor may see it (404 otherwise, whatever the reason). */
  async open(db: Executor, actor: Actor | null, territoryId: string, pairingId: string) {
    const [p] = await this.repo.pairings(db, { territoryId, pairingId });
    if (!p) throw new NotFound('pairing');
    const access = await this.accessOf(actor, p);
    if (access === 'none') throw new NotFound('pairing');
    return { pairing: p, access };
  }

  /** Who may end a pairing: its writers and the territory's managers. */
  async mayEnd(actor: Actor | null, territoryId: string, pairingId: string): Promise<void> {
    const { pairing, access } = await this.open(this.deps.db, actor, territoryId, pairingId);
    if (access === 'write') return;
    const manage = actor
      ? await this.deps.policy.decide(actor, 'territory.manage', { kind: 'territory', id: pairing.territory_id })
      : 'hidden';
    if (manage !== 'allow') throw readOnly();
  }

  async get(actor: Actor | null, territoryId: string, pairingId: string): Promise<PlanDto> {
    const { pairing, access } = await this.open(this.deps.db, actor, territoryId, pairingId);
    const [plan] = await this.plans([pairing], () => access === 'write');
    return plan as PlanDto;
  }

  /** The mentee's view: every pairing of the organization, current ones first. */
  async forMentee(orgId: string): Promise<PlanDto[]> {
    const rows = await this.repo.pairings(this.deps.db, { organizationId: orgId });
    return this.plans(sortCurrentFirst(rows), () => true);
  }

  /** The mentor's view: every pairing where the actor is the mentor. */
  async forMentor(actor: Actor): Promise<PlanDto[]> {
    const rows = await this.repo.pairings(this.deps.db, { mentorAccountId: actor.accountId });
    return this.plans(
      sortCurrentFirst(rows).filter((p) => this.isMentor(actor, p)),
      () => true,
    );
  }

  private async plans(rows: PairingView[], canWrite: (p: PairingView) => boolean): Promise<PlanDto[]> {
    const ids = rows.map((r) => r.id);
    const [goals, sessions] = await Promise.all([this.repo.goals(this.deps.db, ids), this.repo.sessions(this.deps.db, ids)]);
    return presentPlans(rows, goals, sessions, (p) => canWrite(p) && p.ended_at === null);
  }

  /** Runs a change on an active pairing the actor writes, with its audit entry, in one transaction. */
  private async write<T>(
    ctx: RequestContext,
    territoryId: string,
    pairingId: string,
    change: (
      trx: Executor,
      p: PairingView,
      now: string,
    ) => Promise<{ result: T; audit: { action: string; entityType: string; entityId: string; before?: unknown; after: unknown } }>,
  ): Promise<T> {
    // Rights are decided before the transaction: the policy reads through its own connection,
    // which SQLite's single connection would only hand over after this transaction.
    const { access } = await this.open(this.deps.db, ctx.actor, territoryId, pairingId);
    if (access !== 'write') throw readOnly();
    return this.deps.db.transaction().execute(async (trx) => {
      const [pairing] = await this.repo.pairings(trx, { territoryId, pairingId });
      if (!pairing) throw new NotFound('pairing');
      if (pairing.ended_at) throw pairingEnded();
      const now = this.deps.clock.now().toISOString();
      const { result, audit } = await change(trx, pairing, now);
      await this.repo.touchPairing(trx, pairing.id, now);
      await this.deps.audit.record(trx, auditActor(ctx), {
        ...audit,
        territoryId: pairing.territory_id,
        organizationId: pairing.organization_id,
      });
      return result;
    });
  }

  addGoal(ctx: RequestContext, territoryId: string, pairingId: string, input: GoalInput) {
    return this.write(ctx, territoryId, pairingId, async (trx, p, now) => {
      const row = {
        id: newId(),
        pairing_id: p.id,
        organization_id: p.organization_id,
        text: input.text,
        status: input.status,
        created_at: now,
        updated_at: now,
      };
      await this.repo.insertGoal(trx, row);
      const goal = presentGoal(row);
      return { result: goal, audit: { action: 'mentoring.goal_added', entityType: 'mentoring_goal', entityId: row.id, after: goal } };
    });
  }

  updateGoal(ctx: RequestContext, territoryId: string, pairingId: string, goalId: string, input: GoalPatch) {
    return this.write(ctx, territoryId, pairingId, async (trx, p, now) => {
      const before = await this.repo.goal(trx, p.id, goalId);
      if (!before) throw new NotFound('goal');
      const after = { ...before, text: input.text ?? before.text, status: input.status ?? before.status, updated_at: now };
      await this.repo.updateGoal(trx, goalId, { text: after.text, status: after.status, updated_at: now });
      return {
        result: presentGoal(after),
        audit: {
          action: 'mentoring.goal_updated',
          entityType: 'mentoring_goal',
          entityId: goalId,
          before: presentGoal(before),
          after: presentGoal(after),
        },
      };
    });
  }

  addSession(ctx: RequestContext, territoryId: string, pairingId: string, input: SessionInput) {
    return this.write(ctx, territoryId, pairingId, async (trx, p, now) => {
      const row = {
        id: newId(),
        pairing_id: p.id,
        organization_id: p.organization_id,
        held_on: input.heldOn,
        duration_minutes: input.durationMinutes,
        notes: input.notes.trim(),
        next_steps: input.nextSteps.trim(),
        created_by: ctx.actor?.accountId ?? null,
        created_at: now,
        updated_at: now,
      };
      await this.repo.insertSession(trx, row);
      const session = presentSession(row);
      return {
        result: session,
        audit: { action: 'mentoring.session_added', entityType: 'mentoring_session', entityId: row.id, after: session },
      };
    });
  }

  updateSession(ctx: RequestContext, territoryId: string, pairingId: string, sessionId: string, input: SessionPatch) {
    return this.write(ctx, territoryId, pairingId, async (trx, p, now) => {
      const before = await this.repo.session(trx, p.id, sessionId);
      if (!before) throw new NotFound('session');
      const after = {
        ...before,
        held_on: input.heldOn ?? before.held_on,
        duration_minutes: input.durationMinutes ?? before.duration_minutes,
        notes: input.notes?.trim() ?? before.notes,
        next_steps: input.nextSteps?.trim() ?? before.next_steps,
        updated_at: now,
      };
      const { held_on, duration_minutes, notes, next_steps } = after;
      await this.repo.updateSession(trx, sessionId, { held_on, duration_minutes, notes, next_steps, updated_at: now });
      return {
        result: presentSession(after),
        audit: {
          action: 'mentoring.session_updated',
          entityType: 'mentoring_session',
          entityId: sessionId,
          before: presentSession(before),
          after: presentSession(after),
        },
      };
    });
  }
}

const sortCurrentFirst = (rows: PairingView[]) => [...rows].sort((a, b) => Number(a.ended_at !== null) - Number(b.ended_at !== null));

const readOnly = () =>
  new Forbidden('plan_read_only', {
    fr: "Le plan d'accompagnement s'écrit par le mentor et les administrateurs de l'établissement accompagné ; vous pouvez le consulter.",
    en: "The mentoring plan is written by the mentor and the mentee's administrators; you may read it.",
  });
