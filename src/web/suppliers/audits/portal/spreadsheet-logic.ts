/**
 * Answers in a spreadsheet (docs/api-suppliers.md, "Answers in a spreadsheet"): the paths, the
 * report's shape mirrored from the server, and the wording of each issue, kept pure for tests.
 */
export type SheetFormat = 'xlsx' | 'csv';

export interface AnswerIssue {
  /** Line in the file, the header being line 1; null for the file as a whole. */
  line: number | null;
  column: string | null;
  questionId?: string;
  code: string;
  /** Already in the user's language. */
  message: string;
}

export interface AnswersImportReport {
  dryRun: boolean;
  valid: boolean;
  saved: number;
  unchanged: number;
  issues: AnswerIssue[];
}

const seg = encodeURIComponent;

export const spreadsheetApi = {
  portalFile: (auditId: string, format: SheetFormat) => `/api/portal/audits/${seg(auditId)}/answers.${format}`,
  portalImport: (auditId: string, format: SheetFormat, dryRun: boolean) =>
    `/api/portal/audits/${seg(auditId)}/answers/import?format=${format}&dryRun=${dryRun}`,
  orgFile: (orgId: string, auditId: string, format: SheetFormat) =>
    `/api/orgs/${seg(orgId)}/suppliers/audits/${seg(auditId)}/answers.${format}`,
};

/** The server reads the format from the query, not the bytes: the file's extension decides. */
export const formatOf = (name: string): SheetFormat => (name.trim().toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');

export interface IssueWords {
  line: (line: number) => string;
  wholeFile: string;
  column: (column: string) => string;
  question: (id: string) => string;
}

/** Where to look in the file: "Ligne 3, colonne answer, question q1", or the whole file. */
export function issuePlace(issue: AnswerIssue, words: IssueWords): string {
  const parts = [
    issue.line === null ? words.wholeFile : words.line(issue.line),
    issue.column ? words.column(issue.column) : null,
    issue.questionId ? words.question(issue.questionId) : null,
  ];
  return parts.filter((p): p is string => p !== null).join(', ');
}

/** File issues first, then by line, so the list reads from the top of the spreadsheet down. */
export function sortedIssues(issues: readonly AnswerIssue[]): AnswerIssue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** What a dry run means for the next step: fix the file, nothing to do, or confirm the import. */
export type DryRunOutcome = { kind: 'issues'; count: number } | { kind: 'nothing' } | { kind: 'ready'; saved: number; unchanged: number };

export function outcomeOf(report: AnswersImportReport): DryRunOutcome {
  if (!report.valid || report.issues.length > 0) return { kind: 'issues', count: report.issues.length };
  if (report.saved === 0) return { kind: 'nothing' };
  return { kind: 'ready', saved: report.saved, unchanged: report.unchanged };
}
