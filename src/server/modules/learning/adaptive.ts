/**
 * The adaptive part of the player, as pure functions (no database, no clock): which questions an
 * attempt serves, when a missed question comes back (Leitner boxes), how mastery of a topic moves.
 */

export type Level = 1 | 2 | 3;

/** Questions served by one attempt (all of them when the module has fewer). */
export const QUESTIONS_PER_ATTEMPT = 8;

const DAY_MS = 86_400_000;

/**
 * Chooses the questions of an attempt: questions due for review come first (the learner already
 * missed them), then the others by preference for the learner's level: level 1 gets the easiest
 * first, level 3 the hardest first, level 2 its own level then a mix of both neighbours.
 * The result is also the serving order; ties keep the author's order, so it is deterministic.
 */
export function selectQuestions(
  questions: ReadonlyArray<{ id: string; level: number }>,
  learnerLevel: Level,
  dueIds: ReadonlySet<string> = new Set(),
  count = QUESTIONS_PER_ATTEMPT,
): string[] {
  const due = questions.filter((q) => dueIds.has(q.id));
  const rest = questions.filter((q) => !dueIds.has(q.id));
  // Position of each question among those of its own level, to interleave levels for level 2.
  const perLevel = new Map<number, number>();
  const keyed = rest.map((q, order) => {
    const nth = perLevel.get(q.level) ?? 0;
    perLevel.set(q.level, nth + 1);
    return { q, order, nth, rank: rankFor(learnerLevel)(q.level) };
  });
  keyed.sort((a, b) => a.rank - b.rank || (learnerLevel === 2 ? a.nth - b.nth || a.q.level - b.q.level : 0) || a.order - b.order);
  return [...due, ...keyed.map((k) => k.q)].slice(0, count).map((q) => q.id);
}

function rankFor(level: Level): (questionLevel: number) => number {
  if (level === 1) return (l) => l;
  if (level === 3) return (l) => -l;
  return (l) => Math.abs(l - 2);
}

// Leitner boxes -------------------------------------------------------------------------------

/** Days until the next review when a question sits in box 1, 2, 3, 4. */
export const BOX_DAYS = [3, 7, 21, 60] as const;
/** Reaching this box (three successes in a row from box 1) means the question is mastered. */
export const MASTERED_BOX = 4;

export interface ReviewState {
  box: number;
  dueAt: string;
  lapses: number;
  mastered: boolean;
}

const daysAfter = (now: Date, days: number): string => new Date(now.getTime() + days * DAY_MS).toISOString();
const boxDays = (box: number): number => BOX_DAYS[Math.min(Math.max(box, 1), BOX_DAYS.length) - 1]!;

/** A question was missed (in a quiz or a review): back to box 1, due in 3 days. */
export function afterMiss(previous: Pick<ReviewState, 'lapses'> | null, now: Date): ReviewState {
  return { box: 1, dueAt: daysAfter(now, boxDays(1)), lapses: (previous?.lapses ?? 0) + 1, mastered: false };
}

/** A due review was answered: right moves it up a box (7, 21, 60 days), wrong sends it back to box 1. */
export function afterReview(previous: ReviewState, correct: boolean, now: Date): ReviewState {
  if (!correct) return afterMiss(previous, now);
  const box = Math.min(previous.box + 1, MASTERED_BOX);
  return { box, dueAt: daysAfter(now, boxDays(box)), lapses: previous.lapses, mastered: box >= MASTERED_BOX };
}

// Mastery of a topic -----------------------------------------------------------------------------

export interface Mastery {
  /** Moving average of correct answers, 0..1. */
  score: number;
  level: Level;
  answers: number;
  correct: number;
  mastered: boolean;
}

export const LEVEL_UP = 0.8;
export const LEVEL_DOWN = 0.5;
/** Levels move only every this many answers, so one quiz cannot jump from 1 to 3. */
export const LEVEL_WINDOW = 5;
/** Weight of the newest answer once the first answers are in (exponential moving average). */
const ALPHA = 0.2;
// PostgreSQL stores the score as a 4-byte real: 0.8 comes back as 0.800000011920929 or so.
const EPS = 1e-6;

export const initialMastery = (): Mastery => ({ score: 0, level: 1, answers: 0, correct: 0, mastered: false });

/**
 * One more answer on a topic. The average is the plain mean over the first answers, then an
 * exponential moving average (recent answers count more). Every LEVEL_WINDOW answers the level
 * moves: up at ≥ 0.8 (harder questions), down under 0.5 (basics again). A topic is mastered at
 * ≥ 0.8 after 5 answers and stays so until the average falls under 0.5 (no flapping).
 */
export function updateMastery(previous: Mastery | null, correct: boolean): Mastery {
  const before = previous ?? initialMastery();
  const answers = before.answers + 1;
  const x = correct ? 1 : 0;
  const weight = Math.max(1 / answers, ALPHA);
  const score = before.score + weight * (x - before.score);
  let level = before.level;
  if (answers >= LEVEL_WINDOW && answers % LEVEL_WINDOW === 0) {
    if (score >= LEVEL_UP - EPS && level < 3) level = (level + 1) as Level;
    else if (score < LEVEL_DOWN - EPS && level > 1) level = (level - 1) as Level;
  }
  const mastered = (answers >= LEVEL_WINDOW && score >= LEVEL_UP - EPS) || (before.mastered && score >= LEVEL_DOWN - EPS);
  return { score, level, answers, correct: before.correct + x, mastered };
}

/** Score of a finished attempt in percent (one decimal), and whether it completes the module. */
export const PASS_SCORE = 70;
export function attemptScore(correct: number, answered: number): { score: number; passed: boolean } {
  const score = answered === 0 ? 0 : Math.round((correct / answered) * 1000) / 10;
  return { score, passed: score >= PASS_SCORE };
}

export const asLevel = (n: number | null | undefined): Level => (n === 2 || n === 3 ? n : 1);
