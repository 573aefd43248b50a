import { fromBool01, fromJson } from '../../db/dialect.js';
import type { Locale } from '../../platform/errors.js';
import { QUESTIONS_PER_ATTEMPT } from './adaptive.js';
import type { LessonScreen } from './content-loader.js';
import type { Question } from './content-schema.js';
import type { AnswerRow, AssignmentRow, AttemptRow, ModuleTextRow } from './learner-repo.js';
import type { AnswerResult, AssignmentCard, AttemptState, PlayerState, RevealedChoice } from './learner-schema.js';

/** A module as one learner sees it: the text in their language (French when not translated). */
export interface ModuleView {
  id: string;
  topic: string;
  level: number;
  version: number;
  durationMinutes: number;
  language: 'fr' | 'en';
  title: string;
  summary: string;
  screens: LessonScreen[];
  /** The served language's questions in the author's order. */
  questions: Question[];
  /** Every question by id; ids missing from the served language come from the other one. */
  byId: Map<string, Question>;
}

export function moduleView(texts: ModuleTextRow[] | undefined, locale: Locale): ModuleView | null {
  if (!texts || texts.length === 0) return null;
  const text = texts.find((t) => t.language === locale) ?? texts.find((t) => t.language === 'fr') ?? texts[0]!;
  const questions = fromJson<Question[]>(text.questions, []);
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const other of texts) {
    if (other === text) continue;
    for (const q of fromJson<Question[]>(other.questions, [])) if (!byId.has(q.id)) byId.set(q.id, q);
  }
  return {
    id: text.module_id,
    topic: text.topic,
    level: text.level,
    version: text.version,
    durationMinutes: text.duration_minutes,
    language: text.language,
    title: text.title,
    summary: text.summary,
    screens: fromJson<LessonScreen[]>(text.screens, []),
    questions,
    byId,
  };
}

/** The quiz questions of an attempt that still exist in the module (an edit may have removed one). */
export function quizIds(attempt: AttemptRow, view: ModuleView): string[] {
  return fromJson<string[]>(attempt.question_ids, []).filter((id) => view.byId.has(id));
}

export const relearnIds = (attempt: AttemptRow): string[] => fromJson<string[]>(attempt.relearn_ids, []);

export const revealed = (q: Question | undefined): RevealedChoice[] =>
  (q?.choices ?? []).map((c) => ({ text: c.text, correct: c.correct, explanation: c.explanation }));

export function isOverdue(a: Pick<AssignmentRow, 'status' | 'due_at'>, now: string): boolean {
  return a.status !== 'completed' && a.due_at !== null && a.due_at < now;
}

export function assignmentCard(a: AssignmentRow, view: ModuleView, latest: AttemptRow | undefined, now: string): AssignmentCard {
  return {
    id: a.id,
    moduleId: a.module_id,
    title: view.title,
    summary: view.summary,
    durationMinutes: view.durationMinutes,
    level: view.level,
    topic: view.topic,
    status: a.status,
    dueAt: a.due_at,
    overdue: isOverdue(a, now),
    assignedAt: a.assigned_at,
    completedAt: a.completed_at,
    bestScore: a.best_score === null ? null : Number(a.best_score),
    source: a.source,
    progress: latest
      ? {
          phase: latest.phase,
          screen: latest.screen,
          screens: view.screens.length,
          answered: latest.answered,
          questions: quizIds(latest, view).length,
        }
      : {
          phase: null,
          screen: 0,
          screens: view.screens.length,
          answered: 0,
          questions: Math.min(QUESTIONS_PER_ATTEMPT, view.questions.length),
        },
  };
}

/** Where an attempt stands, without its questions and answers (an answer's result). */
export function attemptProgress(attempt: AttemptRow): AnswerResult['attempt'] {
  return {
    id: attempt.id,
    number: attempt.number,
    phase: attempt.phase,
    screen: attempt.screen,
    answered: attempt.answered,
    correct: attempt.correct,
    score: attempt.score === null ? null : Number(attempt.score),
    relearn: relearnIds(attempt),
  };
}

export function attemptState(attempt: AttemptRow, view: ModuleView, answers: AnswerRow[]): AttemptState {
  return {
    ...attemptProgress(attempt),
    questions: quizIds(attempt, view).map((id) => {
      const q = view.byId.get(id)!;
      return { id, prompt: q.prompt, choices: q.choices.map((c) => ({ text: c.text })) };
    }),
    answers: answers
      .filter((r) => r.kind === 'quiz' || r.kind === 'relearn')
      .map((r) => ({
        questionId: r.question_id,
        kind: r.kind as 'quiz' | 'relearn',
        choiceIndex: r.choice_index,
        correct: fromBool01(r.correct),
        choices: revealed(view.byId.get(r.question_id)),
      })),
  };
}

export function playerState(
  a: AssignmentRow,
  view: ModuleView,
  attempt: AttemptRow | undefined,
  answers: AnswerRow[],
  now: string,
): PlayerState {
  return {
    assignment: assignmentCard(a, view, attempt, now),
    module: {
      id: view.id,
      title: view.title,
      summary: view.summary,
      durationMinutes: view.durationMinutes,
      level: view.level,
      language: view.language,
      version: view.version,
      screens: view.screens.map((s) => ({ title: s.title, body: s.body })),
    },
    attempt: attempt ? attemptState(attempt, view, answers) : null,
  };
}

/** Unfinished first, then the soonest due date (none last), then the oldest assignment. */
export function byPriority(a: AssignmentCard, b: AssignmentCard): number {
  const done = (c: AssignmentCard) => (c.status === 'completed' ? 1 : 0);
  return (
    done(a) - done(b) ||
    (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
    a.assignedAt.localeCompare(b.assignedAt) ||
    a.id.localeCompare(b.id)
  );
}
