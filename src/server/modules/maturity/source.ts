import type { Question } from './referential.js';

/**
 * The option a Rempart figure stands for (see `sourceMetrics` for each figure's unit), so the
 * diagnostic can pre-fill the question and show it as coming from Rempart. Undefined when the
 * question has no source or the figure fits no range; a null figure (nothing measured) gives the
 * source's `unknown` option if it has one.
 */
export function fromSource(question: Question, figure: number | null | undefined): string | undefined {
  const source = question.source;
  if (!source) return undefined;
  if (figure === null || figure === undefined) return source.unknown;
  if (!Number.isFinite(figure) || figure < 0) return undefined;
  return source.thresholds.find((t) => (t.min === undefined || figure >= t.min) && (t.max === undefined || figure < t.max))?.optionId;
}

const DAY_MS = 86_400_000;

/** Whole days from an ISO date (the end of the last exercise) to now; null when there is none. */
export function daysSince(isoDate: string | null | undefined, now: Date): number | null {
  if (!isoDate) return null;
  const at = Date.parse(isoDate);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.floor((now.getTime() - at) / DAY_MS));
}
