import { fromJson, toJson } from '../../db/dialect.js';
import { auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, type Locale } from '../../platform/errors.js';
import type { ModuleDeps } from '../index.js';
import { auditForOrg, auditForProvider } from './audits-access.js';
import { answerMapOf, snapshotOf } from './audits-present.js';
import { type AnswerRow, type AuditRow, auditsRepo } from './audits-repo.js';
import { type ReadAnswer, rowsToAnswers } from './grid-answers.js';
import { answersToCsv, answersToXlsx } from './grid-answers-xlsx.js';
import { type GridDefinition, questionsOf } from './grid-definition.js';
import { visibleQuestions } from './grid-logic.js';
import { type ReadTable, tableFromCsv, tableFromXlsx } from './grid-sheets.js';
import { type FileIssue, fileIssue } from './grid-table.js';
import { contentTypes, type ExportedFile, type SheetFormat } from './grids-files.js';
import { lockOpenAudit, submittedError } from './portal-service.js';

/**
 * "Answer in a spreadsheet" (docs/api-suppliers.md): the audit's grid with the answers so far as a
 * file, and a filled-in file read back as answers. An import is all or nothing: every line is
 * checked as a single save would check it (type, then whether the question is asked given the
 * answers the import would leave), and one issue anywhere saves nothing.
 */
export interface AnswerIssue {
  line: number | null;
  column: string | null;
  questionId?: string;
  code: string;
  message: string;
}

export interface AnswersImportReport {
  dryRun: boolean;
  valid: boolean;
  /** Answers written (a dry run: that would be written). */
  saved: number;
  /** Lines that repeat what is already stored: nothing to write. */
  unchanged: number;
  issues: AnswerIssue[];
}

/** 400 on `file`: the report travels with it so the caller lists every line to fix. */
export class AnswersFileInvalid extends Invalid {
  constructor(
    readonly report: AnswersImportReport,
    locale: Locale,
  ) {
    const text = firstIssueText(report, locale);
    super('answers_file_invalid', { fr: text, en: text }, 'file');
  }
}

interface Change {
  read: ReadAnswer;
  previous: AnswerRow | undefined;
  comment: string;
}

interface Plan {
  changes: Change[];
  unchanged: number;
  issues: Array<FileIssue & { questionId?: string }>;
}

const frozen: AuditRow['status'][] = ['submitted', 'in_review', 'remediation', 'closed'];

/** The same 409s as a single save, without the row lock (a dry run writes nothing). */
function assertOpen(audit: AuditRow): void {
  if (audit.status === 'open') return;
  if (frozen.includes(audit.status)) throw submittedError();
  throw new Conflict('audit_not_open', { fr: "Cet audit n'est pas ouvert aux réponses.", en: 'This audit is not open for answers.' });
}

/**
 * What an import would do to the stored answers. A blank comment cell keeps the stored comment (a
 * blank cell never erases); a line equal to what is stored is left alone, so re-importing an
 * exported file is harmless even where a question has since been hidden.
 */
export function planImport(grid: GridDefinition, current: AnswerRow[], read: ReadAnswer[]): Plan {
  const stored = new Map(current.map((r) => [r.question_id, r]));
  const changes: Change[] = [];
  let unchanged = 0;
  for (const a of read) {
    const previous = stored.get(a.questionId);
    const comment = a.comment === '' ? (previous?.comment ?? '') : a.comment;
    const same =
      previous !== undefined && JSON.stringify(fromJson(previous.value, null)) === JSON.stringify(a.value) && previous.comment === comment;
    if (same) unchanged++;
    else changes.push({ read: a, previous, comment });
  }
  const after = new Map<string, unknown>(answerMapOf(current));
  for (const c of changes) after.set(c.read.questionId, c.read.value);
  const asked = new Set(visibleQuestions(grid, after).map((q) => q.id));
  const issues = changes
    .filter((c) => !asked.has(c.read.questionId))
    .map((c) => ({
      ...fileIssue(
        c.read.line,
        'question_id',
        'question_hidden',
        `Question « ${c.read.questionId} » non posée avec ces réponses : laissez sa réponse vide.`,
        `Question "${c.read.questionId}" is not asked given these answers: leave its answer blank.`,
      ),
      questionId: c.read.questionId,
    }));
  return { changes, unchanged, issues };
}

/** Lowercase letters and digits only: a file name every system and mail client keeps intact. */
const slug = (title: string): string =>
  title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'audit';

const where = (i: { line: number | null; column: string | null }, locale: Locale): string =>
  [i.line === null ? null : locale === 'en' ? `line ${i.line}` : `ligne ${i.line}`, i.column].filter(Boolean).join(', ');

export class AnswersFiles {
  constructor(private readonly deps: ModuleDeps) {}

  async exportForProvider(providerOrgs: string[], auditId: string, format: SheetFormat): Promise<ExportedFile> {
    const audit = await auditForProvider(this.deps.db, providerOrgs, auditId);
    return this.file(audit, await auditsRepo.answers(this.deps.db, auditId), format);
  }

  /** A participant sees the answers only once the provider agreed to the sharing, as on the audit page. */
  async exportForOrg(orgId: string, auditId: string, format: SheetFormat): Promise<ExportedFile> {
    const { audit, lead } = await auditForOrg(this.deps.db, orgId, auditId);
    const visible = lead || audit.provider_agreed_shared_at !== null;
    return this.file(audit, visible ? await auditsRepo.answers(this.deps.db, auditId) : [], format);
  }

  private async file(audit: AuditRow, rows: AnswerRow[], format: SheetFormat): Promise<ExportedFile> {
    const grid = snapshotOf(audit).definition;
    const given = rows.map((r) => ({ questionId: r.question_id, value: fromJson(r.value, null), comment: r.comment }));
    const body = format === 'csv' ? answersToCsv(grid, given) : await answersToXlsx(grid, given);
    return { fileName: `reponses-${slug(audit.title)}.${format}`, contentType: contentTypes[format], body };
  }

  /** Checks the whole file; writes only when nothing is wrong and it is not a dry run. */
  async import(
    ctx: RequestContext,
    providerOrgs: string[],
    auditId: string,
    bytes: Uint8Array,
    format: SheetFormat,
    dryRun: boolean,
  ): Promise<AnswersImportReport> {
    const { db, clock } = this.deps;
    const audit = await auditForProvider(db, providerOrgs, auditId);
    assertOpen(audit);
    if (bytes.length === 0)
      throw new Invalid(
        'empty_file',
        { fr: 'Fichier vide : envoyez le fichier comme corps de la requête.', en: 'Empty file: send the file as the request body.' },
        'file',
      );
    const grid = snapshotOf(audit).definition;
    const table = format === 'csv' ? tableFromCsv(bytes) : await tableFromXlsx(bytes);
    const parsed = table.issues.some((i) => i.line === null)
      ? { answers: [], issues: [] }
      : rowsToAnswers(grid, table.table.headers, table.table.rows);
    const fileIssues = [...table.issues, ...parsed.issues];
    const report = (plan: Plan): AnswersImportReport => {
      const issues = [...fileIssues, ...plan.issues]
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
        .map((i) => present(i, lineQuestions(grid, table), ctx.locale));
      return { dryRun, valid: issues.length === 0, saved: issues.length ? 0 : plan.changes.length, unchanged: plan.unchanged, issues };
    };
    const before = report(planImport(grid, await auditsRepo.answers(db, auditId), parsed.answers));
    if (dryRun) return before;
    if (!before.valid) throw new AnswersFileInvalid(before, ctx.locale);
    return db.transaction().execute(async (trx) => {
      const stamp = clock.now().toISOString();
      await lockOpenAudit(trx, audit, stamp);
      const plan = planImport(grid, await auditsRepo.answers(trx, auditId), parsed.answers);
      const done = report(plan);
      if (!done.valid) throw new AnswersFileInvalid(done, ctx.locale);
      for (const c of plan.changes)
        await auditsRepo.upsertAnswer(trx, {
          audit_id: auditId,
          question_id: c.read.questionId,
          value: toJson(c.read.value),
          comment: c.comment,
          answered_by: ctx.actor?.accountId ?? null,
          answered_at: stamp,
          rating: null,
          rating_note: '',
          rated_by: null,
          rated_at: null,
        });
      if (plan.changes.length > 0)
        await this.deps.audit.record(trx, auditActor(ctx), {
          action: 'suppliers.audit.answers_imported',
          entityType: 'supplier_audit',
          entityId: auditId,
          organizationId: audit.organization_id,
          before: {
            answers: plan.changes
              .filter((c) => c.previous)
              .map((c) => ({ questionId: c.read.questionId, value: fromJson(c.previous!.value, null), comment: c.previous!.comment })),
          },
          after: {
            format,
            saved: plan.changes.length,
            unchanged: plan.unchanged,
            answers: plan.changes.map((c) => ({ questionId: c.read.questionId, value: c.read.value, comment: c.comment })),
          },
        });
      return done;
    });
  }
}

/** The grid question each line of the file names, so every issue can point at its question. */
function lineQuestions(grid: GridDefinition, read: ReadTable): Map<number, string> {
  const ids = new Set(questionsOf(grid).map((q) => q.id));
  const out = new Map<number, string>();
  for (const r of read.table.rows) {
    const id = (r.cells.question_id ?? '').trim();
    if (ids.has(id)) out.set(r.line, id);
  }
  return out;
}

function present(i: FileIssue & { questionId?: string }, questions: Map<number, string>, locale: Locale): AnswerIssue {
  const questionId = i.questionId ?? (i.line === null ? undefined : questions.get(i.line));
  return {
    line: i.line,
    column: i.column,
    ...(questionId ? { questionId } : {}),
    code: i.code,
    message: locale === 'en' ? i.message.en : i.message.fr,
  };
}

/** The error's message: the first issue with where it is, in the request's language. */
export function firstIssueText(report: AnswersImportReport, locale: Locale): string {
  const first = report.issues[0];
  if (!first) return '';
  const at = where(first, locale);
  if (!at) return first.message;
  return locale === 'en' ? `${at}: ${first.message}` : `${at}\u00a0: ${first.message}`;
}
