import { type Answers, type DiagnosticVersion, questionsIn, visibleQuestions } from './answers.js';
import type { Effort, Recommendation, Referential } from './referential.js';
import { effectiveScore } from './scoring.js';

/** How many recommendations the restitution flags as priorities. */
export const PRIORITY_COUNT = 6;

export interface RecommendedAction {
  id: string;
  /** 1-based position in the list. */
  rank: number;
  /** Flagged for the first PRIORITY_COUNT recommendations. */
  priority: boolean;
  /** The referential's urgency, 1 (do it now) to 4. */
  priorityLevel: Recommendation['priority'];
  effort: Effort;
  /** Weighted gap Σ weight × (1 − score) over the asked questions it answers. */
  gap: number;
  /** The asked questions it answers that scored below 1. */
  questionIds: string[];
  title: Recommendation['title'];
  why: Recommendation['why'];
  how: Recommendation['how'];
}

const effortRank: Record<Effort, number> = { low: 0, medium: 1, high: 2 };

/**
 * Recommendations for what the answers leave open, ordered by urgency, then by weighted gap (the
 * most points to win first), then by effort (the cheapest first). Only asked questions count: a
 * hidden nested question is covered by its parent's recommendation, and the short version only
 * recommends from the short questions.
 */
export function recommend(ref: Referential, answers: Answers, version: DiagnosticVersion = 'full'): RecommendedAction[] {
  const visible = visibleQuestions(ref, answers, version);
  const asked = new Map(questionsIn(ref, version).map((q) => [q.id, q]));
  const open = ref.recommendations.flatMap((r) => {
    let gap = 0;
    const questionIds: string[] = [];
    for (const id of r.questionIds) {
      const q = asked.get(id);
      if (!q || !visible.has(id)) continue;
      const lost = q.weight * (1 - effectiveScore(q, answers, visible));
      if (lost <= 1e-9) continue;
      gap += lost;
      questionIds.push(id);
    }
    return gap > 0 ? [{ r, gap: Math.round(gap * 100) / 100, questionIds }] : [];
  });
  open.sort(
    (a, b) =>
      a.r.priority - b.r.priority || b.gap - a.gap || effortRank[a.r.effort] - effortRank[b.r.effort] || a.r.id.localeCompare(b.r.id),
  );
  return open.map(({ r, gap, questionIds }, i) => ({
    id: r.id,
    rank: i + 1,
    priority: i < PRIORITY_COUNT,
    priorityLevel: r.priority,
    effort: r.effort,
    gap,
    questionIds,
    title: r.title,
    why: r.why,
    how: r.how,
  }));
}
