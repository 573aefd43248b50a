import type { Message } from '../../platform/errors.js';
import { type GridDefinition, type GridQuestion, questionsOf } from './grid-definition.js';
import type { AnswerRating } from './tables.js';

/**
 * Pure rules every part of the provider chain applies to a grid: which questions are asked given
 * the answers so far (conditions), what a valid answer is for each answer type, and the weighted
 * compliance score of a reviewed audit. No database, no HTTP: the portal, the review, the exports
 * and the PDF report call the same functions, so they can never disagree.
 */

/** A stored answer value: a word, an option id, option ids, free text, a number or a date. */
export type AnswerValue = string | string[] | number;
export type Answers = ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;

export const TEXT_MAX = 5000;
export const yesNoValues = ['yes', 'no'] as const;
export const yesNoPartialValues = ['yes', 'partial', 'no'] as const;

const read = (answers: Answers, id: string): unknown =>
  answers instanceof Map ? answers.get(id) : (answers as Record<string, unknown>)[id];

/** The answer as the words a condition compares with (option ids, yes/no...). */
const wordsOf = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String);
  if (value === undefined || value === null) return [];
  return [String(value)];
};

/**
 * The questions asked, in order. A conditional question is asked when the question it depends on
 * is itself asked and got one of the listed answers; conditions only look backwards (grid checks
 * enforce it), so one pass in order settles chains of conditions.
 */
export function visibleQuestions(grid: GridDefinition, answers: Answers): GridQuestion[] {
  const shown = new Set<string>();
  const out: GridQuestion[] = [];
  for (const q of questionsOf(grid)) {
    const cond = q.showIf;
    if (cond && !(shown.has(cond.questionId) && wordsOf(read(answers, cond.questionId)).some((w) => cond.anyOf.includes(w)))) continue;
    shown.add(q.id);
    out.push(q);
  }
  return out;
}

/** The answer values a condition may test for this question (none for text, number, date). */
export function conditionValues(q: GridQuestion): readonly string[] {
  switch (q.type) {
    case 'yes_no':
      return yesNoValues;
    case 'yes_no_partial':
      return yesNoPartialValues;
    case 'single':
    case 'multiple':
      return (q.options ?? []).map((o) => o.id);
    case 'text':
    case 'number':
    case 'date':
      return [];
  }
}

export type AnswerCheck = { ok: true; value: AnswerValue } | { ok: false; code: string; message: Message };

const fail = (code: string, fr: string, en: string): AnswerCheck => ({ ok: false, code, message: { fr, en } });

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused). */
export function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Checks one answer against its question's type; returns the value to store (trimmed, de-duplicated). */
export function validateAnswer(question: GridQuestion, value: unknown): AnswerCheck {
  const options = (question.options ?? []).map((o) => o.id);
  switch (question.type) {
    case 'yes_no':
      return value === 'yes' || value === 'no'
        ? { ok: true, value }
        : fail('invalid_yes_no', 'Réponse attendue : « yes » ou « no ».', 'Expected answer: "yes" or "no".');
    case 'yes_no_partial':
      return value === 'yes' || value === 'partial' || value === 'no'
        ? { ok: true, value }
        : fail(
            'invalid_yes_no_partial',
            'Réponse attendue : « yes », « partial » ou « no ».',
            'Expected answer: "yes", "partial" or "no".',
          );
    case 'single':
      return typeof value === 'string' && options.includes(value)
        ? { ok: true, value }
        : fail('invalid_option', `Choix attendu parmi : ${options.join(', ')}.`, `Expected one choice among: ${options.join(', ')}.`);
    case 'multiple': {
      if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string'))
        return fail('invalid_options', 'Au moins un choix attendu (liste).', 'At least one choice expected (a list).');
      const unknown = value.filter((v) => !options.includes(v));
      if (unknown.length > 0)
        return fail(
          'invalid_options',
          `Choix inconnu : ${unknown.join(', ')} (possibles : ${options.join(', ')}).`,
          `Unknown choice: ${unknown.join(', ')} (possible: ${options.join(', ')}).`,
        );
      return { ok: true, value: options.filter((o) => value.includes(o)) };
    }
    case 'text': {
      if (typeof value !== 'string' || value.trim() === '') return fail('invalid_text', 'Texte attendu.', 'Text expected.');
      if (value.length > TEXT_MAX)
        return fail(
          'text_too_long',
          `Texte trop long (${TEXT_MAX} caractères au plus).`,
          `Text too long (at most ${TEXT_MAX} characters).`,
        );
      return { ok: true, value: value.trim() };
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? { ok: true, value }
        : fail('invalid_number', 'Nombre attendu.', 'Number expected.');
    case 'date':
      return typeof value === 'string' && isCalendarDate(value)
        ? { ok: true, value }
        : fail('invalid_date', 'Date attendue au format AAAA-MM-JJ.', 'Date expected as YYYY-MM-DD.');
  }
}

const ratingValue: Record<Exclude<AnswerRating, 'not_applicable'>, number> = { compliant: 1, partial: 0.5, non_compliant: 0 };

export interface ScoreCounts {
  compliant: number;
  partial: number;
  non_compliant: number;
  not_applicable: number;
  unrated: number;
}

export interface GridScore {
  /** Weighted compliance in percent (one decimal); null when nothing rated counts. */
  score: number | null;
  counts: ScoreCounts;
  sections: Array<{ sectionId: string; score: number | null }>;
}

const percent = (got: number, weight: number): number | null => (weight === 0 ? null : Math.round((got / weight) * 1000) / 10);

/**
 * Weighted compliance: compliant counts 1, partial 0.5, non-compliant 0, each times the question's
 * weight; not-applicable and unrated questions leave the denominator (a provider is not marked
 * down for what does not concern it, and an unfinished review is scored on what was rated).
 */
export function gridScore(grid: GridDefinition, ratings: Answers): GridScore {
  const counts: ScoreCounts = { compliant: 0, partial: 0, non_compliant: 0, not_applicable: 0, unrated: 0 };
  let got = 0;
  let weight = 0;
  const sections = grid.sections.map((s) => {
    let sGot = 0;
    let sWeight = 0;
    for (const q of s.questions) {
      const r = read(ratings, q.id) as AnswerRating | null | undefined;
      if (r === undefined || r === null || !(r in counts)) {
        counts.unrated++;
        continue;
      }
      counts[r]++;
      if (r === 'not_applicable') continue;
      sGot += ratingValue[r] * q.weight;
      sWeight += q.weight;
    }
    got += sGot;
    weight += sWeight;
    return { sectionId: s.id, score: percent(sGot, sWeight) };
  });
  return { score: percent(got, weight), counts, sections };
}
