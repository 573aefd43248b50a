import { fromJson } from '../../db/dialect.js';
import type { Answers } from './answers.js';
import type { Provenance } from './figures.js';
import { recommend } from './recommend.js';
import type { Referential } from './referential.js';
import type { DiagnosticRow } from './repo.js';
import type { DiagnosticDto } from './schema.js';
import { type ScoreReport, score } from './scoring.js';
import type { DiagnosticVariant } from './tables.js';

export const answersOf = (row: Pick<DiagnosticRow, 'answers'>): Answers => fromJson<Answers>(row.answers, {});
export const provenanceOf = (row: Pick<DiagnosticRow, 'provenance'>): Provenance => fromJson<Provenance>(row.provenance, {});

/**
 * Scores as stored: a completed diagnostic keeps the scores it was completed with; a draft's are
 * recomputed from its answers (the same function, so both agree while it is a draft).
 */
export function scoresOf(row: DiagnosticRow, ref: Referential): ScoreReport {
  const stored = fromJson<ScoreReport | null>(row.scores, null);
  return row.status === 'completed' && stored ? stored : score(ref, answersOf(row), row.variant);
}

/** The diagnostic as the API shows it: scores per theme with titles, and its ordered recommendations. */
export function presentDiagnostic(row: DiagnosticRow, ref: Referential): DiagnosticDto {
  const answers = answersOf(row);
  const report = scoresOf(row, ref);
  const titles = new Map(ref.themes.map((t) => [t.id, t.title]));
  return {
    id: row.id,
    organizationId: row.organization_id,
    referential: { id: ref.id, version: ref.version, versionId: row.referential_version_id, title: ref.title },
    variant: row.variant,
    status: row.status,
    answers,
    provenance: provenanceOf(row),
    scores: {
      overall: report.overall,
      themes: report.themes.map((t) => ({ ...t, title: titles.get(t.themeId) ?? { fr: t.themeId, en: t.themeId } })),
      missing: report.missing,
    },
    recommendations: recommend(ref, answers, row.variant as DiagnosticVariant),
    startedBy: row.started_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}
