/** Maturity diagnostics as the API shows them (docs/api-maturity.md); mirrors src/server/modules/maturity/schema.ts. */
export type Text = { fr: string; en: string };
export const variants = ['short', 'full'] as const;
export type Variant = (typeof variants)[number];
export const diagnosticStatuses = ['draft', 'completed'] as const;
export type DiagnosticStatus = (typeof diagnosticStatuses)[number];
/** Columns the diagnostics list sorts by (GET …/diagnostics?sort=…&order=asc|desc). */
export const diagnosticSorts = ['createdAt', 'completedAt', 'overall'] as const;
export type DiagnosticSort = (typeof diagnosticSorts)[number];
export type AnswerValue = string | string[];
export type Answers = Record<string, AnswerValue>;
export const efforts = ['low', 'medium', 'high'] as const;
export type Effort = (typeof efforts)[number];
export const themeKinds = ['hygiene', 'care'] as const;
export type ThemeKind = (typeof themeKinds)[number];

export interface Option {
  id: string;
  label: Text;
  score: number;
}

export interface Question {
  id: string;
  themeId: string;
  text: Text;
  help: Text;
  reference?: string;
  type: 'single' | 'multiple';
  options: Option[];
  weight: number;
  parentId?: string;
  showWhen?: string[];
  short?: boolean;
  source?: { metric: string };
}

export interface Theme {
  id: string;
  title: Text;
  kind: ThemeKind;
}

/** GET /api/maturity/referential?variant=…: the questions of that variant only. */
export interface Referential {
  id: string;
  version: number;
  versionId: string;
  variant: Variant;
  title: Text;
  themes: Theme[];
  questions: Question[];
}

export type Provenance =
  | { origin: 'answered'; at: string; by: string | null }
  | {
      origin: 'rempart';
      metric: string;
      figure: number | null;
      measuredAt: string;
      since: string | null;
      optionId: string | null;
      note: Text | null;
    };

export interface ThemeScore {
  themeId: string;
  title: Text;
  kind: ThemeKind;
  score: number | null;
  missing: string[];
}

export interface Recommendation {
  id: string;
  rank: number;
  priority: boolean;
  priorityLevel: number;
  effort: Effort;
  gap: number;
  questionIds: string[];
  title: Text;
  why: Text;
  how: Text[];
}

export interface Diagnostic {
  id: string;
  organizationId: string;
  referential: { id: string; version: number; versionId: string; title: Text };
  variant: Variant;
  status: DiagnosticStatus;
  answers: Answers;
  provenance: Record<string, Provenance>;
  scores: { overall: number | null; themes: ThemeScore[]; missing: string[] };
  recommendations: Recommendation[];
  startedBy: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

export interface DiagnosticSummary {
  id: string;
  variant: Variant;
  status: DiagnosticStatus;
  overall: number | null;
  referentialVersion: number;
  startedBy: string | null;
  createdAt: string;
  completedAt: string | null;
}
