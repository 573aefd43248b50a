import type { Answers, AnswerValue, Question, Referential, Text, Theme } from './types.js';

/** The option that means "none of these": it cannot be ticked with another (the server refuses it). */
export const NONE_OPTION = 'none';

/** A referential text in the reader's language (French when the language is anything else). */
export const inLanguage = (text: Text, language: string): string => (language.startsWith('en') ? text.en : text.fr);

export const optionIdsOf = (value: AnswerValue | undefined): string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

/**
 * The questions asked given these answers, as the server decides (answers.ts): a nested question
 * shows once its parent is shown and answered with one of its `showWhen` options. Parents come
 * first in the referential, so one pass in order is enough.
 */
export function visibleQuestionIds(questions: Question[], answers: Answers): Set<string> {
  const visible = new Set<string>();
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const q of questions) {
    if (q.parentId === undefined) {
      visible.add(q.id);
      continue;
    }
    const parent = byId.get(q.parentId);
    if (!parent || !visible.has(parent.id)) continue;
    if (optionIdsOf(answers[parent.id]).some((id) => q.showWhen?.includes(id))) visible.add(q.id);
  }
  return visible;
}

/**
 * The answers once `questionId` is set to `value` (null clears it), without the answers of nested
 * questions the change hides: the server drops them too, so the page shows what is stored.
 */
export function withAnswer(questions: Question[], answers: Answers, questionId: string, value: AnswerValue | null): Answers {
  const next: Answers = { ...answers };
  if (value === null || (Array.isArray(value) && value.length === 0)) delete next[questionId];
  else next[questionId] = value;
  const visible = visibleQuestionIds(questions, next);
  for (const id of Object.keys(next)) if (!visible.has(id)) delete next[id];
  return next;
}

/** The ticked options of a multiple-choice question after (un)ticking one: "none" excludes the others. */
export function toggleOption(current: string[], optionId: string, checked: boolean): string[] {
  if (!checked) return current.filter((id) => id !== optionId);
  if (optionId === NONE_OPTION) return [NONE_OPTION];
  return [...current.filter((id) => id !== NONE_OPTION && id !== optionId), optionId];
}

/** One step of the questionnaire per theme that asks something in this variant, in the referential's order. */
export function themeSteps(ref: Pick<Referential, 'themes' | 'questions'>): Array<{ theme: Theme; questions: Question[] }> {
  return ref.themes
    .map((theme) => ({ theme, questions: ref.questions.filter((q) => q.themeId === theme.id) }))
    .filter((s) => s.questions.length > 0);
}

/** Visible questions still unanswered, in the referential's order: what stops the diagnostic from completing. */
export function missingQuestions(questions: Question[], answers: Answers): Question[] {
  const visible = visibleQuestionIds(questions, answers);
  return questions.filter((q) => visible.has(q.id) && optionIdsOf(answers[q.id]).length === 0);
}

/** Answered and asked question counts, for the progress bar. */
export function progressOf(questions: Question[], answers: Answers): { answered: number; asked: number } {
  const visible = visibleQuestionIds(questions, answers);
  const answered = questions.filter((q) => visible.has(q.id) && optionIdsOf(answers[q.id]).length > 0).length;
  return { answered, asked: visible.size };
}

/** A figure Rempart measured: ratios as a percentage, the exercise figure as a number of days. */
export function formatFigure(metric: string, figure: number, locale: string): string {
  if (metric === 'exercises.last_date') return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(figure);
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(figure);
}
