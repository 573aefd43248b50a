import { type Answers, answerScore, type DiagnosticVersion, questionsIn, visibleQuestions } from './answers.js';
import type { Question, Referential, Theme } from './referential.js';

export interface ThemeScore {
  themeId: string;
  kind: Theme['kind'];
  /** 0..100, or null when the version asks nothing in this theme. */
  score: number | null;
  /** Asked but not answered (counted as 0). */
  missing: string[];
}

export interface ScoreReport {
  version: DiagnosticVersion;
  /** 0..100 over every question of the version, or null when it asks nothing. */
  overall: number | null;
  themes: ThemeScore[];
  missing: string[];
}

/**
 * What a question contributes, 0..1. A nested question hidden by its parent's answer is not asked
 * and not missing, but counts 0: it only shows on the better answers of its parent, so hiding it
 * means the ground it checks is absent (no backup, no restore test). Keeping its weight is what
 * makes scores monotone: a better answer never removes weight that was already earned.
 */
export function effectiveScore(q: Question, answers: Answers, visible: Set<string>): number {
  return visible.has(q.id) ? (answerScore(q, answers[q.id]) ?? 0) : 0;
}

const percent = (earned: number, weight: number): number | null => (weight === 0 ? null : Math.round((100 * earned) / weight));

/** Weighted scores per theme and overall, for the full or the short version. */
export function score(ref: Referential, answers: Answers, version: DiagnosticVersion = 'full'): ScoreReport {
  const visible = visibleQuestions(ref, answers, version);
  const asked = questionsIn(ref, version);
  const isMissing = (q: Question) => visible.has(q.id) && answerScore(q, answers[q.id]) === undefined;
  let earned = 0;
  let weight = 0;
  const themes = ref.themes.map((theme): ThemeScore => {
    let themeEarned = 0;
    let themeWeight = 0;
    const missing: string[] = [];
    for (const q of asked) {
      if (q.themeId !== theme.id) continue;
      themeEarned += q.weight * effectiveScore(q, answers, visible);
      themeWeight += q.weight;
      if (isMissing(q)) missing.push(q.id);
    }
    earned += themeEarned;
    weight += themeWeight;
    return { themeId: theme.id, kind: theme.kind, score: percent(themeEarned, themeWeight), missing };
  });
  return { version, overall: percent(earned, weight), themes, missing: asked.filter(isMissing).map((q) => q.id) };
}
