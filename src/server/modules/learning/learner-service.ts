import { toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Forbidden, Invalid, NotFound, Unauthenticated } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isUniqueViolation } from '../identity/shared.js';
import { asLevel, selectQuestions } from './adaptive.js';
import { certificatePdf } from './certificate.js';
import { assignmentCard, byPriority, type ModuleView, playerState } from './learner-present.js';
import { type AssignmentRow, type AttemptRow, LearnerRepo } from './learner-repo.js';
import type { AlertBanner, LearnerHome, PatchAttemptInput, PlayerState } from './learner-schema.js';
import { ModuleViews } from './learner-views.js';

/** The person behind the session, when the account is linked to an active person. */
export interface Learner {
  personId: string;
  organizationId: string;
}

/**
 * The learner's own data needs the account's full sign-in: a password alone must not open anything
 * once TOTP is enrolled (same rule as the access policy). An account with no active person record
 * has nothing to learn: null (lists are empty, single items are not found).
 */
export function learnerOf(ctx: RequestContext): Learner | null {
  const a = ctx.actor;
  if (!a) throw new Unauthenticated('signed_out', { fr: 'Connexion requise.', en: 'Sign-in required.' });
  if (a.totpEnrolled && !a.mfaVerified) {
    throw new Forbidden('mfa_required', {
      fr: 'Validez votre second facteur (TOTP) pour continuer.',
      en: 'Pass your second factor (TOTP) to continue.',
    });
  }
  if (!a.personId || !a.personOrganizationId) return null;
  return { personId: a.personId, organizationId: a.personOrganizationId };
}

export function requireLearner(ctx: RequestContext, what: string): Learner {
  const learner = learnerOf(ctx);
  if (!learner) throw new NotFound(what);
  return learner;
}

export const attemptFinished = (): Conflict =>
  new Conflict('attempt_finished', { fr: 'Cette tentative est déjà terminée.', en: 'This attempt is already finished.' });

/** The learner's dashboard, the player's state, starting and moving through an attempt, alerts, certificate. */
export class LearnerService {
  readonly repo = new LearnerRepo();
  /** Parsed modules, shared by the answer and review services of this app. */
  readonly views = new ModuleViews(this.repo);
  constructor(private readonly deps: AppDeps) {}

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  async view(moduleId: string, locale: RequestContext['locale']): Promise<ModuleView> {
    const view = await this.views.view(this.deps.db, moduleId, locale);
    if (!view) throw new NotFound('module');
    return view;
  }

  async home(ctx: RequestContext): Promise<LearnerHome> {
    const learner = learnerOf(ctx);
    if (!learner)
      return { assignments: [], alerts: [], reviews: { due: 0, nextAt: null }, totals: { assigned: 0, completed: 0, overdue: 0 } };
    const db = this.deps.db;
    const now = this.now();
    const rows = await this.repo.assignments(db, learner.personId);
    const [views, latest, alerts, reviews] = await Promise.all([
      this.views.views(
        db,
        rows.map((r) => r.module_id),
        ctx.locale,
      ),
      this.repo.latestAttempts(
        db,
        rows.map((r) => r.id),
      ),
      this.alerts(ctx),
      this.repo.reviewSummary(db, learner.personId, now),
    ]);
    const assignments = rows.flatMap((r) => {
      const view = views.get(r.module_id);
      return view ? [assignmentCard(r, view, latest.get(r.id), now)] : [];
    });
    assignments.sort(byPriority);
    const totals = {
      assigned: assignments.length,
      completed: assignments.filter((a) => a.status === 'completed').length,
      overdue: assignments.filter((a) => a.overdue).length,
    };
    return { assignments, alerts, reviews, totals };
  }

  private async ownAssignment(learner: Learner, assignmentId: string): Promise<AssignmentRow> {
    const a = await this.repo.assignment(this.deps.db, learner.personId, assignmentId);
    if (!a) throw new NotFound('assignment');
    return a;
  }

  /** The player: the module and the latest attempt (open, or the last finished one). */
  async player(ctx: RequestContext, assignmentId: string): Promise<PlayerState> {
    const learner = requireLearner(ctx, 'assignment');
    const a = await this.ownAssignment(learner, assignmentId);
    const attempt = (await this.repo.latestAttempts(this.deps.db, [a.id])).get(a.id);
    return this.state(a, attempt, ctx.locale);
  }

  async state(a: AssignmentRow, attempt: AttemptRow | undefined, locale: RequestContext['locale']): Promise<PlayerState> {
    const [view, answers] = await Promise.all([
      this.view(a.module_id, locale),
      attempt ? this.repo.answers(this.deps.db, attempt.id) : Promise.resolve([]),
    ]);
    return playerState(a, view, attempt, answers, this.now());
  }

  /** Starts an attempt with questions for the learner's level, or returns the open one (idempotent). */
  async start(ctx: RequestContext, assignmentId: string): Promise<PlayerState> {
    const learner = requireLearner(ctx, 'assignment');
    const db = this.deps.db;
    const a = await this.ownAssignment(learner, assignmentId);
    const latest = (await this.repo.latestAttempts(db, [a.id])).get(a.id);
    if (latest && latest.finished_at === null) return this.state(a, latest, ctx.locale);
    const now = this.now();
    const view = await this.view(a.module_id, ctx.locale);
    const [level, due] = await Promise.all([
      this.repo.masteryLevel(db, learner.personId, view.topic),
      this.repo.dueQuestionIds(db, learner.personId, a.module_id, now),
    ]);
    const attempt: AttemptRow = {
      id: newId(),
      assignment_id: a.id,
      organization_id: a.organization_id,
      person_id: learner.personId,
      module_id: a.module_id,
      module_version: view.version,
      number: (latest?.number ?? 0) + 1,
      question_ids: toJson(selectQuestions(view.questions, asLevel(level), due)),
      relearn_ids: '[]',
      phase: 'lesson',
      screen: 0,
      answered: 0,
      correct: 0,
      score: null,
      started_at: now,
      updated_at: now,
      finished_at: null,
    };
    try {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('learning_attempts').values(attempt).execute();
        if (a.status === 'assigned') {
          await trx
            .updateTable('learning_assignments')
            .set({ status: 'in_progress' })
            .where('id', '=', a.id)
            .where('status', '=', 'assigned')
            .execute();
        }
      });
    } catch (err) {
      // Two starts at once (a double click): the other one created the attempt; return it.
      if (!isUniqueViolation(err)) throw err;
      return this.player(ctx, assignmentId);
    }
    const status = a.status === 'assigned' ? 'in_progress' : a.status;
    return playerState({ ...a, status }, view, attempt, [], now);
  }

  /** Moves through the lesson (screen) or on to the quiz; saved at once so the learner can resume. */
  async move(ctx: RequestContext, attemptId: string, input: PatchAttemptInput): Promise<PlayerState> {
    const learner = requireLearner(ctx, 'attempt');
    const db = this.deps.db;
    const attempt = await this.repo.attempt(db, learner.personId, attemptId);
    if (!attempt) throw new NotFound('attempt');
    if (attempt.finished_at !== null) throw attemptFinished();
    const a = await this.ownAssignment(learner, attempt.assignment_id);
    const view = await this.view(a.module_id, ctx.locale);
    const changes: Partial<Pick<AttemptRow, 'screen' | 'phase'>> = {};
    if (input.screen !== undefined) {
      if (input.screen < 0 || input.screen >= Math.max(view.screens.length, 1)) {
        throw new Invalid(
          'invalid_screen',
          {
            fr: `Écran inexistant : ce module en compte ${view.screens.length}.`,
            en: `No such screen: this module has ${view.screens.length}.`,
          },
          'screen',
        );
      }
      changes.screen = input.screen;
    }
    // Going back to the lesson is a screen change only; the quiz, once started, stays started.
    if (input.phase === 'quiz' && attempt.phase === 'lesson') changes.phase = 'quiz';
    if (Object.keys(changes).length === 0) return this.state(a, attempt, ctx.locale);
    const now = this.now();
    const updated = await db
      .updateTable('learning_attempts')
      .set({ ...changes, updated_at: now })
      .where('id', '=', attempt.id)
      .where('finished_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw attemptFinished();
    return this.state(a, updated, ctx.locale);
  }

  /** Flash alerts not acknowledged yet, in the request's language. */
  async alerts(ctx: RequestContext): Promise<AlertBanner[]> {
    const learner = learnerOf(ctx);
    if (!learner) return [];
    const db = this.deps.db;
    const rows = await this.repo.openAlerts(db, learner.personId, this.now());
    if (rows.length === 0) return [];
    const moduleIds = rows.map((r) => r.module_id);
    const [views, assignments] = await Promise.all([
      this.views.views(db, moduleIds, ctx.locale),
      db
        .selectFrom('learning_assignments')
        .select(['id', 'module_id'])
        .where('person_id', '=', learner.personId)
        .where('module_id', 'in', moduleIds)
        .execute(),
    ]);
    const assignmentOf = new Map(assignments.map((r) => [r.module_id, r.id]));
    return rows.flatMap((r) => {
      const view = views.get(r.module_id);
      if (!view) return [];
      const assignmentId = assignmentOf.get(r.module_id) ?? null;
      return [{ id: r.id, moduleId: r.module_id, assignmentId, title: view.title, summary: view.summary, publishedAt: r.published_at }];
    });
  }

  /** Hides a flash alert's banner for this person; acknowledging twice changes nothing. */
  async acknowledge(ctx: RequestContext, alertId: string): Promise<void> {
    const learner = requireLearner(ctx, 'flash_alert');
    const receipt = await this.repo.receipt(this.deps.db, learner.personId, alertId);
    if (!receipt) throw new NotFound('flash_alert');
    if (receipt.acknowledged_at !== null) return;
    const now = this.now();
    await this.deps.db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('learning_flash_receipts')
        .set({ acknowledged_at: now })
        .where('alert_id', '=', alertId)
        .where('person_id', '=', learner.personId)
        .where('acknowledged_at', 'is', null)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) return;
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'flash_alert.acknowledged',
        entityType: 'learning_flash_alert',
        entityId: alertId,
        organizationId: receipt.organization_id,
        after: { personId: learner.personId, acknowledgedAt: now },
      });
    });
  }

  /** The completion certificate (PDF), once the module is completed. */
  async certificate(ctx: RequestContext, assignmentId: string): Promise<{ pdf: Buffer; filename: string }> {
    const learner = requireLearner(ctx, 'assignment');
    const a = await this.ownAssignment(learner, assignmentId);
    if (a.status !== 'completed' || a.completed_at === null) {
      throw new Conflict('not_completed', {
        fr: 'Le certificat est disponible une fois le module validé.',
        en: 'The certificate is available once the module is completed.',
      });
    }
    const [view, names] = await Promise.all([
      this.view(a.module_id, ctx.locale),
      this.repo.certificateNames(this.deps.db, learner.personId),
    ]);
    if (!names) throw new NotFound('person');
    const pdf = await certificatePdf({
      locale: ctx.locale,
      personName: `${names.first_name} ${names.last_name}`.trim(),
      moduleTitle: view.title,
      organizationName: names.organization_name,
      completedAt: a.completed_at,
      score: a.best_score === null ? null : Number(a.best_score),
      verificationId: a.id,
    });
    const prefix = ctx.locale === 'en' ? 'certificate' : 'certificat';
    return { pdf, filename: `${prefix}-${a.module_id}.pdf` };
  }
}
