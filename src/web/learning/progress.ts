import type { AnswerKind, AssignmentCard, AssignmentProgress, Attempt, QuizQuestion } from './types.js';

/**
 * How far a learner is in a module, 0–100: every lesson screen and every quiz question is one
 * step, so a long lesson with a short quiz moves the bar as much as reading does.
 */
export function progressPercent(p: AssignmentProgress, status?: AssignmentCard['status']): number {
  if (status === 'completed' || p.phase === 'done') return 100;
  if (p.phase === null) return 0;
  const total = Math.max(p.screens, 0) + Math.max(p.questions, 0);
  if (total === 0) return 0;
  const read = p.phase === 'lesson' ? clamp(p.screen, 0, p.screens) : p.screens;
  const answered = p.phase === 'lesson' ? 0 : clamp(p.answered, 0, p.questions);
  return Math.round(((read + answered) / total) * 100);
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

/** "Screen x of n" as people count: from 1, never beyond the last screen. */
export function screenNumber(p: AssignmentProgress): { current: number; total: number } {
  return { current: clamp(p.screen + 1, 1, Math.max(p.screens, 1)), total: p.screens };
}

/** Overdue first, then the nearest due date, then those without a due date; ties by title. */
export function byUrgency(a: AssignmentCard, b: AssignmentCard): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const da = a.dueAt ? Date.parse(a.dueAt) : Number.POSITIVE_INFINITY;
  const db = b.dueAt ? Date.parse(b.dueAt) : Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return a.title.localeCompare(b.title);
}

export interface AssignmentGroups {
  toDo: AssignmentCard[];
  inProgress: AssignmentCard[];
  completed: AssignmentCard[];
}

/** The three lists of "My learning": not started, started, done (newest completion first). */
export function groupAssignments(cards: readonly AssignmentCard[]): AssignmentGroups {
  const toDo = cards.filter((c) => c.status === 'assigned').sort(byUrgency);
  const inProgress = cards.filter((c) => c.status === 'in_progress').sort(byUrgency);
  const completed = cards
    .filter((c) => c.status === 'completed')
    .sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? '') || a.title.localeCompare(b.title));
  return { toDo, inProgress, completed };
}

/** What the player shows next for an attempt, from what the server stored. */
export type PlayerStep =
  | { kind: 'lesson'; screen: number }
  | { kind: 'question'; answerKind: AnswerKind; question: QuizQuestion; index: number; total: number }
  | { kind: 'finish' }
  | { kind: 'done' };

function answeredIds(attempt: Attempt, kind: AnswerKind): Set<string> {
  return new Set(attempt.answers.filter((a) => a.kind === kind).map((a) => a.questionId));
}

/**
 * The next step of an attempt: the stored screen while in the lesson, then the first quiz
 * question without an answer, then the first missed question not yet asked again, then finish.
 * Computed from the answers rather than trusting the phase alone, so a resumed attempt lands
 * exactly where it was left.
 */
export function nextStep(attempt: Attempt, screens: number): PlayerStep {
  if (attempt.phase === 'done') return { kind: 'done' };
  if (attempt.phase === 'lesson') return { kind: 'lesson', screen: clamp(attempt.screen, 0, Math.max(screens - 1, 0)) };
  const quizDone = answeredIds(attempt, 'quiz');
  const pendingQuiz = attempt.questions.findIndex((q) => !quizDone.has(q.id));
  if (pendingQuiz >= 0) {
    return {
      kind: 'question',
      answerKind: 'quiz',
      question: attempt.questions[pendingQuiz]!,
      index: pendingQuiz,
      total: attempt.questions.length,
    };
  }
  const relearnDone = answeredIds(attempt, 'relearn');
  const relearn = attempt.relearn.map((id) => attempt.questions.find((q) => q.id === id)).filter((q): q is QuizQuestion => Boolean(q));
  const pendingRelearn = relearn.findIndex((q) => !relearnDone.has(q.id));
  if (pendingRelearn >= 0) {
    return { kind: 'question', answerKind: 'relearn', question: relearn[pendingRelearn]!, index: pendingRelearn, total: relearn.length };
  }
  return { kind: 'finish' };
}

/** Share of right answers in a self-check (the public patient page), as a whole percentage. */
export function selfCheckScore(results: ReadonlyArray<boolean>): number {
  if (results.length === 0) return 0;
  return Math.round((results.filter(Boolean).length / results.length) * 100);
}

/** A date as the reader says it ("12 décembre 2026"), in their time zone; '' when absent or unreadable. */
export function formatDay(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(d);
}

/** Where a due date stands for the reader: overdue, due within a week, or later. */
export function dueTone(card: Pick<AssignmentCard, 'overdue' | 'dueAt'>, now: Date): 'overdue' | 'soon' | 'later' | 'none' {
  if (card.overdue) return 'overdue';
  if (!card.dueAt) return 'none';
  const days = (Date.parse(card.dueAt) - now.getTime()) / 86_400_000;
  return days <= 7 ? 'soon' : 'later';
}

/** A score as the reader writes numbers ("87,5" in French), one decimal at most. */
export function formatScore(score: number | null | undefined, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(score ?? 0);
}
