import { toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, type Locale, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { ActionsFeed } from '../actions/feed.js';
import type { Priority } from '../actions/tables.js';
import { lockKey } from '../identity/shared.js';
import { type Answers, type AnswerValue, invalidAnswers, validateAnswers, visibleQuestions } from './answers.js';
import { prefill } from './figures.js';
import { answersOf, presentDiagnostic, provenanceOf } from './present.js';
import { recommend } from './recommend.js';
import { ReferentialStore } from './referential-store.js';
import { DiagnosticsRepo } from './repo.js';
import type { AnswersPatch, DiagnosticDto, DiagnosticsListQuery } from './schema.js';
import { score } from './scoring.js';
import type { DiagnosticVariant } from './tables.js';

const completedAlready = () =>
  new Conflict(
    'diagnostic_completed',
    {
      fr: 'Ce diagnostic est terminé\u00a0: ses réponses ne changent plus.',
      en: 'This diagnostic is completed: its answers no longer change.',
    },
    'status',
  );

/** A recommendation's urgency (1: do it now) as the action plan's priority. */
const priorityOfLevel: Record<number, Priority> = { 1: 'critical', 2: 'high', 3: 'medium', 4: 'low' };

/** Diagnostics of an organization: start (pre-filled from Rempart's figures), answer, complete, act. */
export class DiagnosticsService {
  private readonly repo = new DiagnosticsRepo();
  private readonly store = new ReferentialStore();
  constructor(private readonly deps: AppDeps) {}

  async list(orgId: string, query: DiagnosticsListQuery) {
    const { items, total } = await this.repo.page(this.deps.db, orgId, query);
    return {
      items: items.map((r) => ({
        id: r.id,
        variant: r.variant,
        status: r.status,
        overall: r.overall === null ? null : Number(r.overall),
        referentialVersion: Number(r.version),
        startedBy: r.started_by,
        createdAt: r.created_at,
        completedAt: r.completed_at,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(orgId: string, id: string): Promise<DiagnosticDto> {
    const row = await this.repo.get(this.deps.db, orgId, id);
    if (!row) throw new NotFound('diagnostic');
    return presentDiagnostic(row, await this.store.byVersionId(this.deps.db, row.referential_version_id));
  }

  async create(ctx: RequestContext, orgId: string, variant: DiagnosticVariant): Promise<DiagnosticDto> {
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const id = newId();
    await this.deps.db.transaction().execute(async (trx) => {
      const { versionId, ref } = await this.store.current(trx);
      const { answers, provenance } = await prefill(trx, ref, variant, orgId, now);
      const report = score(ref, answers, variant);
      await this.repo.insert(trx, {
        id,
        organization_id: orgId,
        referential_version_id: versionId,
        variant,
        status: 'draft',
        answers: toJson(answers),
        provenance: toJson(provenance),
        scores: toJson(report),
        overall: report.overall,
        started_by: ctx.actor?.accountId ?? null,
        created_at: at,
        updated_at: at,
        completed_at: null,
      });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'maturity.diagnostic.created',
        entityType: 'maturity_diagnostic',
        entityId: id,
        organizationId: orgId,
        before: null,
        after: { variant, referentialVersion: versionId, prefilled: answers },
      });
    });
    return this.get(orgId, id);
  }

  /**
   * Merges a partial set of answers (null clears one) into a draft. Answers of nested questions the
   * change hides are dropped with it; anything the referential refuses is a 400 naming
   * `answers.<questionId>` and nothing is written.
   */
  async saveAnswers(ctx: RequestContext, orgId: string, id: string, patch: AnswersPatch): Promise<DiagnosticDto> {
    const at = this.deps.clock.now().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.deps.dbh.dialect, `maturity:${id}`);
      const row = await this.repo.get(trx, orgId, id);
      if (!row) throw new NotFound('diagnostic');
      if (row.status === 'completed') throw completedAlready();
      const ref = await this.store.byVersionId(trx, row.referential_version_id);
      const before = answersOf(row);
      const merged: Record<string, unknown> = { ...before };
      for (const [qid, value] of Object.entries(patch)) {
        if (value !== null) merged[qid] = value;
        else if (ref.questions.some((q) => q.id === qid)) delete merged[qid];
        else
          throw new Invalid(
            'answers_unknown_question',
            { fr: `La question « ${qid} » n’existe pas.`, en: `Question "${qid}" does not exist.` },
            `answers.${qid}`,
          );
      }
      // Shapes and options first: hiding follows the parents' answers, so they must be sound.
      const malformed = invalidAnswers(validateAnswers(ref, merged, row.variant).filter((i) => i.code !== 'hidden_question'));
      if (malformed) throw malformed;
      const dropped = dropHidden(ref, merged, row.variant, new Set(Object.keys(patch)));
      const refusal = invalidAnswers(validateAnswers(ref, merged, row.variant));
      if (refusal) throw refusal;
      const answers = merged as Answers;
      const provenance = provenanceOf(row);
      for (const qid of [...Object.keys(patch), ...dropped]) {
        const value = answers[qid];
        const was = provenance[qid];
        if (value === undefined) {
          if (was?.origin === 'answered') delete provenance[qid];
        } else if (!(was?.origin === 'rempart' && was.optionId !== null && sameAnswer(value, was.optionId))) {
          provenance[qid] = { origin: 'answered', at, by: ctx.actor?.accountId ?? null };
        }
      }
      const report = score(ref, answers, row.variant);
      await this.repo.update(trx, orgId, id, {
        answers: toJson(answers),
        provenance: toJson(provenance),
        scores: toJson(report),
        overall: report.overall,
        updated_at: at,
      });
      const changed = [...new Set([...Object.keys(patch), ...dropped])];
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'maturity.diagnostic.answers_saved',
        entityType: 'maturity_diagnostic',
        entityId: id,
        organizationId: orgId,
        before: Object.fromEntries(changed.map((q) => [q, before[q] ?? null])),
        after: Object.fromEntries(changed.map((q) => [q, answers[q] ?? null])),
      });
    });
    return this.get(orgId, id);
  }

  /** Freezes the answers and scores; every question the variant asks (and shows) must be answered. */
  async complete(ctx: RequestContext, orgId: string, id: string): Promise<DiagnosticDto> {
    const at = this.deps.clock.now().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.deps.dbh.dialect, `maturity:${id}`);
      const row = await this.repo.get(trx, orgId, id);
      if (!row) throw new NotFound('diagnostic');
      if (row.status === 'completed') throw completedAlready();
      const ref = await this.store.byVersionId(trx, row.referential_version_id);
      const report = score(ref, answersOf(row), row.variant);
      if (report.missing.length > 0) {
        const ids = report.missing.join(', ');
        const n = report.missing.length;
        throw new Invalid(
          'diagnostic_incomplete',
          {
            fr: `${n} question${n > 1 ? 's restent' : ' reste'} sans réponse\u00a0: ${ids}.`,
            en: `${n} question${n > 1 ? 's are' : ' is'} still unanswered: ${ids}.`,
          },
          `answers.${report.missing[0]}`,
        );
      }
      await this.repo.update(trx, orgId, id, {
        status: 'completed',
        completed_at: at,
        scores: toJson(report),
        overall: report.overall,
        updated_at: at,
      });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'maturity.diagnostic.completed',
        entityType: 'maturity_diagnostic',
        entityId: id,
        organizationId: orgId,
        before: { status: 'draft' },
        after: { status: 'completed', overall: report.overall, themes: report.themes.map((t) => ({ id: t.themeId, score: t.score })) },
      });
    });
    return this.get(orgId, id);
  }

  /**
   * Puts one recommendation of a completed diagnostic in the action plan, once: calling again
   * returns the same action untouched (whatever the plan has made of it since).
   */
  async toAction(ctx: RequestContext, orgId: string, id: string, recId: string): Promise<{ actionId: string; created: boolean }> {
    return this.deps.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.deps.dbh.dialect, `maturity:${id}`);
      const row = await this.repo.get(trx, orgId, id);
      if (!row) throw new NotFound('diagnostic');
      if (row.status !== 'completed')
        throw new Conflict(
          'diagnostic_not_completed',
          {
            fr: 'Terminez le diagnostic avant d’en tirer des actions.',
            en: 'Complete the diagnostic before turning its recommendations into actions.',
          },
          'status',
        );
      const ref = await this.store.byVersionId(trx, row.referential_version_id);
      const rec = recommend(ref, answersOf(row), row.variant).find((r) => r.id === recId);
      if (!rec) throw new NotFound('recommendation');
      const sourceId = `${id}:${recId}`;
      const existing = await trx
        .selectFrom('actions')
        .select('id')
        .where('organization_id', '=', orgId)
        .where('source_kind', '=', 'diagnostic')
        .where('source_id', '=', sourceId)
        .executeTakeFirst();
      if (existing) return { actionId: existing.id, created: false };
      const l: Locale = ctx.locale;
      const day = (row.completed_at ?? row.created_at).slice(0, 10);
      const actionId = await new ActionsFeed(this.deps).upsertFromSource(
        trx,
        {
          organizationId: orgId,
          sourceKind: 'diagnostic',
          sourceId,
          title: rec.title[l],
          description: [rec.why[l], ...rec.how.map((step, i) => `${i + 1}. ${step[l]}`)].join('\n'),
          sourceLabel: l === 'fr' ? `Diagnostic de maturité du ${day}` : `Maturity diagnostic of ${day}`,
          sourceLink: `/maturity/diagnostics/${id}`,
          priority: priorityOfLevel[rec.priorityLevel] ?? 'medium',
        },
        auditActor(ctx),
      );
      return { actionId, created: true };
    });
  }
}

const sameAnswer = (value: AnswerValue, optionId: string): boolean =>
  typeof value === 'string' ? value === optionId : value.length === 1 && value[0] === optionId;

/**
 * Drops the answers of questions the new answers hide (a parent changed to an answer that no longer
 * asks them), unless the request itself answers them: those stay and get a 400 `hidden_question`.
 */
function dropHidden(
  ref: Parameters<typeof visibleQuestions>[0],
  answers: Record<string, unknown>,
  variant: DiagnosticVariant,
  sent: Set<string>,
): string[] {
  const known = new Set(ref.questions.map((q) => q.id));
  const dropped: string[] = [];
  for (;;) {
    const visible = visibleQuestions(ref, answers as Answers, variant);
    const gone = Object.keys(answers).filter((q) => known.has(q) && !sent.has(q) && !visible.has(q));
    if (gone.length === 0) return dropped;
    for (const q of gone) delete answers[q];
    dropped.push(...gone);
  }
}
