/**
 * Maturity tables (migration 2026-11-29T1330_maturity). JSON columns are text (ADR 0002), instants
 * ISO-8601 UTC. Design: docs/api-maturity.md.
 */
type JsonText = string;

export type DiagnosticVariant = 'full' | 'short';
export type DiagnosticStatus = 'draft' | 'completed';

/**
 * One row per published version of a referential, written once by the start-up sync and never
 * updated: diagnostics point at it, so the row is their frozen copy of the questions they answered.
 */
export interface MaturityReferentialsTable {
  id: string;
  referential_id: string;
  version: number;
  title_fr: string;
  title_en: string;
  content: JsonText; // the whole Referential
  last_reviewed: string;
  created_at: string;
}

export interface MaturityDiagnosticsTable {
  id: string;
  organization_id: string;
  referential_version_id: string;
  variant: DiagnosticVariant;
  status: DiagnosticStatus;
  answers: JsonText; // Answers: { questionId: optionId | optionId[] }
  provenance: JsonText; // Record<questionId, AnswerProvenance>
  scores: JsonText; // ScoreReport, recomputed on every save, frozen at completion
  /** Overall score 0..100 (null: nothing asked), copied out of `scores` for trends and lists. */
  overall: number | null;
  started_by: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface MaturityTables {
  maturity_referentials: MaturityReferentialsTable;
  maturity_diagnostics: MaturityDiagnosticsTable;
}
