import { z } from 'zod';
import { baseUrl } from '../../config.js';
import { fromBool01, fromJson, toJson } from '../../db/dialect.js';
import { auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import type { ModuleDeps } from '../index.js';
import { auditForProvider } from './audits-access.js';
import { validateAnswer, visibleQuestions } from './audits-answers.js';
import { submittedNoticeEmail } from './audits-mails.js';
import { answerMapOf, evidenceLimits, presentAnswer, presentComment, presentEvidence, snapshotOf } from './audits-present.js';
import { type AuditRow, auditsRepo } from './audits-repo.js';
import type { PortalDetail, PortalSummary } from './audits-schema.js';
import { establishmentPath, establishmentRecipients } from './comments-service.js';
import { findingsOfAudit } from './findings-repo.js';
import { stepSchema } from './findings-schema.js';
import { type FindingActor, FindingsService } from './findings-service.js';
import { questionsOf } from './grid-definition.js';
import { findingStatuses, severities } from './review-schema.js';

type Db = ModuleDeps['db'];
const frozen: AuditRow['status'][] = ['submitted', 'in_review', 'remediation', 'closed'];

/** The answers are frozen: every later write gets this 409. */
export const submittedError = () =>
  new Conflict('audit_submitted', {
    fr: "L'audit a été remis : ses réponses et ses preuves ne peuvent plus changer.",
    en: 'The audit was submitted: its answers and evidence can no longer change.',
  });

/**
 * Locks the audit row for the rest of the transaction if it is still open (a no-op update takes
 * the row lock on PostgreSQL), so an answer and a submission cannot cross; else the right 409.
 */
export async function lockOpenAudit(trx: Db, audit: AuditRow, stamp: string): Promise<void> {
  if (await auditsRepo.transition(trx, audit.id, ['open'], { updated_at: stamp })) return;
  const now = await auditsRepo.get(trx, audit.id);
  if (now && frozen.includes(now.status)) throw submittedError();
  throw new Conflict('audit_not_open', { fr: "Cet audit n'est pas ouvert aux réponses.", en: 'This audit is not open for answers.' });
}

/** Submission refused: what is missing, by question id. */
export class IncompleteAudit extends Invalid {
  constructor(
    readonly missingAnswers: string[],
    readonly missingEvidence: string[],
  ) {
    const list = [...missingAnswers, ...missingEvidence.map((q) => `${q} (preuve/evidence)`)].join(', ');
    super(
      'audit_incomplete',
      { fr: `Il manque des réponses ou des preuves : ${list}.`, en: `Answers or evidence are missing: ${list}.` },
      'answers',
    );
  }
}

/**
 * What the portal shows of a finding of the provider's audit: the finding, its deadline, its plan
 * and the files proving the steps; never the root cause, the auditor or anything else of the
 * establishment. `planProposedBy` tells whether the provider may agree the plan (only to one the
 * establishment proposed).
 */
export const providerFindingSchema = z.object({
  id: z.string(),
  questionId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(severities),
  status: z.enum(findingStatuses),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  planProposedBy: z.enum(['establishment', 'provider']).nullable(),
  steps: z.array(stepSchema),
  evidence: z.array(z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), uploadedAt: z.string() })),
});
export type ProviderFinding = z.infer<typeof providerFindingSchema>;

// Findings exist from the review on; before it the provider has none to see.
const reviewed: AuditRow['status'][] = ['in_review', 'remediation', 'closed'];

/** A provider contact's side: their audits, answers saved as drafts, submission. */
export class PortalService {
  constructor(private readonly deps: ModuleDeps) {}

  async list(providerOrgs: string[]): Promise<{ items: PortalSummary[] }> {
    const rows = await this.deps.db
      .selectFrom('supplier_audits')
      .innerJoin('suppliers', 'suppliers.id', 'supplier_audits.supplier_id')
      .innerJoin('organizations', 'organizations.id', 'supplier_audits.organization_id')
      .selectAll('supplier_audits')
      .select('organizations.name as establishment_name')
      .where('suppliers.provider_organization_id', 'in', providerOrgs)
      .where('supplier_audits.opened_at', 'is not', null)
      .orderBy('supplier_audits.due_on')
      .orderBy('supplier_audits.id')
      .execute();
    return { items: rows.map(summary) };
  }

  async get(providerOrgs: string[], auditId: string, db: Db = this.deps.db): Promise<PortalDetail> {
    const audit = await auditForProvider(db, providerOrgs, auditId);
    const [answers, evidence, comments, participants] = await Promise.all([
      auditsRepo.answers(db, auditId),
      auditsRepo.evidence(db, auditId),
      auditsRepo.comments(db, auditId),
      auditsRepo.participants(db, auditId),
    ]);
    const grid = snapshotOf(audit);
    return {
      ...summary(audit),
      sharedWith: fromBool01(audit.shared) ? participants.map((p) => p.name) : [],
      grid,
      visibleQuestionIds: visibleQuestions(grid.definition, answerMapOf(answers)).map((q) => q.id),
      answers: answers.map(presentAnswer),
      // Remediation evidence belongs to the review; the portal shows what answers questions or the audit.
      evidence: evidence.map(presentEvidence),
      comments: comments.map(presentComment),
      readOnly: audit.status !== 'open',
      ...evidenceLimits(this.deps.config),
    };
  }

  /** The findings of one of the provider's audits, with their remediation plans. */
  async findings(providerOrgs: string[], auditId: string): Promise<ProviderFinding[]> {
    const audit = await auditForProvider(this.deps.db, providerOrgs, auditId);
    if (!reviewed.includes(audit.status)) return [];
    const today = this.deps.clock.now().toISOString().slice(0, 10);
    const rows = await findingsOfAudit(this.deps.db, auditId, today);
    const proposers = await planProposers(
      this.deps.db,
      rows.map((f) => f.id),
    );
    return rows.map((f) => ({
      id: f.id,
      questionId: f.questionId,
      title: f.title,
      description: f.description,
      severity: f.severity,
      status: f.status,
      dueOn: f.dueOn,
      overdue: f.overdue,
      closedAt: f.closedAt,
      planProposedBy: f.status === 'open' ? null : (proposers.get(f.id) ?? null),
      steps: f.steps,
      evidence: f.evidence,
    }));
  }

  async finding(providerOrgs: string[], auditId: string, findingId: string): Promise<ProviderFinding> {
    const found = (await this.findings(providerOrgs, auditId)).find((f) => f.id === findingId);
    if (!found) throw new NotFound('finding');
    return found;
  }

  /**
   * The provider's side of a plan (propose, agree, step done): the establishment's FindingsService
   * calls, once the contact may see the audit. A closed audit is over: 409 for every write.
   */
  async onFinding(
    providerOrgs: string[],
    auditId: string,
    findingId: string,
    act: (findings: FindingsService, who: FindingActor) => Promise<void>,
  ): Promise<ProviderFinding> {
    const audit = await auditForProvider(this.deps.db, providerOrgs, auditId);
    if (!reviewed.includes(audit.status)) throw new NotFound('finding');
    if (audit.status === 'closed') {
      throw new Conflict('audit_closed', {
        fr: "L'audit est clos : ses écarts et leurs plans ne changent plus.",
        en: 'The audit is closed: its findings and their plans no longer change.',
      });
    }
    await act(new FindingsService(this.deps), { side: 'provider', auditId: audit.id });
    return this.finding(providerOrgs, auditId, findingId);
  }

  /** Saves a draft answer to a question currently asked. */
  async answer(
    ctx: RequestContext,
    providerOrgs: string[],
    auditId: string,
    questionId: string,
    input: { value: unknown; comment?: string | undefined },
  ) {
    const { db, clock, audit: log } = this.deps;
    return db.transaction().execute(async (trx) => {
      const audit = await auditForProvider(trx, providerOrgs, auditId);
      const stamp = clock.now().toISOString();
      await lockOpenAudit(trx, audit, stamp);
      const grid = snapshotOf(audit).definition;
      const question = questionsOf(grid).find((q) => q.id === questionId);
      if (!question) throw new NotFound('question');
      const current = await auditsRepo.answers(trx, auditId);
      if (!visibleQuestions(grid, answerMapOf(current)).some((q) => q.id === questionId)) {
        throw new Invalid(
          'question_hidden',
          {
            fr: "Cette question n'est pas posée avec vos réponses actuelles.",
            en: 'This question is not asked given your current answers.',
          },
          'questionId',
        );
      }
      const value = validateAnswer(question, input.value);
      const previous = current.find((r) => r.question_id === questionId);
      await auditsRepo.upsertAnswer(trx, {
        audit_id: auditId,
        question_id: questionId,
        value: toJson(value),
        comment: input.comment?.trim() ?? previous?.comment ?? '',
        answered_by: ctx.actor?.accountId ?? null,
        answered_at: stamp,
        rating: null,
        rating_note: '',
        rated_by: null,
        rated_at: null,
      });
      await log.record(trx, auditActor(ctx), {
        action: 'suppliers.audit.answer_saved',
        entityType: 'supplier_audit',
        entityId: auditId,
        organizationId: audit.organization_id,
        before: previous ? { questionId, value: fromJson(previous.value, null) } : null,
        after: { questionId, value },
      });
      return this.get(providerOrgs, auditId, trx);
    });
  }

  /**
   * Hands the audit over: every question asked must be answered and carry its required evidence.
   * Answers to questions no longer asked are dropped, then everything is frozen.
   */
  async submit(ctx: RequestContext, providerOrgs: string[], auditId: string): Promise<PortalDetail> {
    const { db, clock } = this.deps;
    const { detail, audit } = await db.transaction().execute(async (trx) => {
      const audit = await auditForProvider(trx, providerOrgs, auditId);
      const stamp = clock.now().toISOString();
      await lockOpenAudit(trx, audit, stamp);
      const grid = snapshotOf(audit).definition;
      const answers = await auditsRepo.answers(trx, auditId);
      const evidence = await auditsRepo.evidence(trx, auditId);
      const asked = visibleQuestions(grid, answerMapOf(answers));
      const answered = new Set(answers.map((a) => a.question_id));
      const proven = new Set(evidence.map((e) => e.question_id));
      const missingAnswers = asked.filter((q) => !answered.has(q.id)).map((q) => q.id);
      const missingEvidence = asked.filter((q) => q.evidence === 'required' && !proven.has(q.id)).map((q) => q.id);
      if (missingAnswers.length > 0 || missingEvidence.length > 0) throw new IncompleteAudit(missingAnswers, missingEvidence);
      const askedIds = new Set(asked.map((q) => q.id));
      const dropped = answers.filter((a) => !askedIds.has(a.question_id)).map((a) => a.question_id);
      await auditsRepo.deleteAnswers(trx, auditId, dropped);
      await auditsRepo.update(trx, auditId, { status: 'submitted', submitted_at: stamp, updated_at: stamp });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'suppliers.audit.submitted',
        entityType: 'supplier_audit',
        entityId: auditId,
        organizationId: audit.organization_id,
        before: { status: 'open' },
        after: { status: 'submitted', answers: asked.length, evidence: evidence.length, droppedHiddenAnswers: dropped },
      });
      return { audit, detail: await this.get(providerOrgs, auditId, trx) };
    });
    const provider = await db.selectFrom('suppliers').select('name').where('id', '=', audit.supplier_id).executeTakeFirstOrThrow();
    const link = `${baseUrl(this.deps.config)}${establishmentPath(auditId)}`;
    for (const to of await establishmentRecipients(db, audit)) {
      // The submission is saved whatever the mail server says.
      await this.deps.mailer.send(submittedNoticeEmail({ to, title: audit.title, provider: provider.name, link })).catch(() => undefined);
    }
    return detail;
  }
}

/** Who proposed the current plan of each finding, from the audit log (the plan rows keep no author). */
async function planProposers(db: Db, findingIds: string[]): Promise<Map<string, 'establishment' | 'provider'>> {
  const out = new Map<string, 'establishment' | 'provider'>();
  if (findingIds.length === 0) return out;
  const rows = await db
    .selectFrom('audit_log')
    .select(['entity_id', 'after_json'])
    .where('entity_id', 'in', findingIds)
    .where('action', '=', 'suppliers.finding.plan_proposed')
    .orderBy('seq')
    .execute();
  for (const r of rows) {
    const side = fromJson<{ side?: string }>(r.after_json, {}).side;
    if (r.entity_id && (side === 'establishment' || side === 'provider')) out.set(r.entity_id, side);
  }
  return out;
}

function summary(a: AuditRow & { establishment_name: string }): PortalSummary {
  return {
    id: a.id,
    title: a.title,
    status: a.status,
    dueOn: a.due_on,
    establishmentName: a.establishment_name,
    openedAt: a.opened_at,
    submittedAt: a.submitted_at,
    shared: fromBool01(a.shared),
    sharingAgreed: a.provider_agreed_shared_at !== null,
  };
}
