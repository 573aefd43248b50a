import type { Answer, Evidence, GridDefinition, GridQuestion, Texts } from './types.js';

/**
 * Pure rules of the answer forms: what is asked given the answers (the same rule as the server's
 * grid-logic.ts, so the portal shows a conditional question as soon as its condition is met),
 * how an input's state maps to the stored answer value and back, and what is still missing.
 */

/** The text in the page's language, French otherwise. */
export const localized = (texts: Texts | undefined, lang: string): string => (texts ? (lang.startsWith('en') ? texts.en : texts.fr) : '');

export const questionsOf = (grid: GridDefinition): GridQuestion[] => grid.sections.flatMap((s) => s.questions);

export type AnswerValues = ReadonlyMap<string, unknown>;

export const valuesOf = (answers: readonly Pick<Answer, 'questionId' | 'value'>[]): Map<string, unknown> =>
  new Map(answers.map((a) => [a.questionId, a.value]));

const wordsOf = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String);
  if (value === undefined || value === null) return [];
  return [String(value)];
};

/** The questions asked, in order: a conditional one when the question it depends on is asked and got one of `anyOf`. */
export function visibleQuestions(grid: GridDefinition, values: AnswerValues): GridQuestion[] {
  const shown = new Set<string>();
  const out: GridQuestion[] = [];
  for (const q of questionsOf(grid)) {
    const cond = q.showIf;
    if (cond && !(shown.has(cond.questionId) && wordsOf(values.get(cond.questionId)).some((w) => cond.anyOf.includes(w)))) continue;
    shown.add(q.id);
    out.push(q);
  }
  return out;
}

const answered = (value: unknown): boolean =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/** Answered / asked, for the progress bar. */
export function progressOf(grid: GridDefinition, values: AnswerValues): { answered: number; visible: number; percent: number } {
  const visible = visibleQuestions(grid, values);
  const done = visible.filter((q) => answered(values.get(q.id))).length;
  return { answered: done, visible: visible.length, percent: visible.length === 0 ? 0 : Math.round((done / visible.length) * 100) };
}

/** What blocks a submission: asked questions without an answer, and asked questions needing a file that have none. */
export function missingOf(
  grid: GridDefinition,
  values: AnswerValues,
  evidence: readonly Pick<Evidence, 'questionId'>[],
): { answers: string[]; evidence: string[] } {
  const withFile = new Set(evidence.map((e) => e.questionId).filter((id): id is string => id !== null));
  const visible = visibleQuestions(grid, values);
  return {
    answers: visible.filter((q) => !answered(values.get(q.id))).map((q) => q.id),
    evidence: visible.filter((q) => q.evidence === 'required' && !withFile.has(q.id)).map((q) => q.id),
  };
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused), as the server checks it. */
export function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** An input's state: one choice or word, several choices, or free text (numbers and dates typed as text). */
export type AnswerInput = string | string[];

/** The stored value as the input shows it. */
export function toInput(q: GridQuestion, value: unknown): AnswerInput {
  if (q.type === 'multiple') return Array.isArray(value) ? value.map(String) : [];
  if (value === undefined || value === null) return '';
  if (q.type === 'number' && typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : String(value);
}

export type FromInput = { ok: true; value: string | string[] | number } | { ok: false; reason: 'empty' | 'number' | 'date' | 'tooLong' };

export const TEXT_MAX = 5000;

/** The value to send for an input's state; `empty` when nothing is given yet (nothing to save). */
export function fromInput(q: GridQuestion, input: AnswerInput): FromInput {
  if (q.type === 'multiple') {
    const chosen = Array.isArray(input) ? input : [];
    const order = (q.options ?? []).map((o) => o.id);
    return chosen.length === 0 ? { ok: false, reason: 'empty' } : { ok: true, value: order.filter((id) => chosen.includes(id)) };
  }
  const raw = (Array.isArray(input) ? (input[0] ?? '') : input).trim();
  if (raw === '') return { ok: false, reason: 'empty' };
  switch (q.type) {
    case 'number': {
      // A French keyboard types a decimal comma; spaces group thousands.
      const n = Number(raw.replace(/\s/g, '').replace(',', '.'));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, reason: 'number' };
    }
    case 'date':
      return isCalendarDate(raw) ? { ok: true, value: raw } : { ok: false, reason: 'date' };
    case 'text':
      return raw.length > TEXT_MAX ? { ok: false, reason: 'tooLong' } : { ok: true, value: raw };
    default:
      return { ok: true, value: raw };
  }
}

/** Whether two stored values are the same answer (to skip saving what did not change). */
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A stored value in words for a read-only view: option labels, yes/no words from `words`. */
export function describeValue(q: GridQuestion, value: unknown, lang: string, words: Record<string, string>): string {
  if (!answered(value)) return '';
  const label = (id: string) => localized(q.options?.find((o) => o.id === id)?.label, lang) || id;
  switch (q.type) {
    case 'yes_no':
    case 'yes_no_partial':
      return words[String(value)] ?? String(value);
    case 'single':
      return label(String(value));
    case 'multiple':
      return (Array.isArray(value) ? value : [value]).map((v) => label(String(v))).join(', ');
    default:
      return String(value);
  }
}

/** File size for people: "820 o", "12,5 Ko", "3,2 Mo" (French) / "12.5 KB" (English). */
export function formatSize(bytes: number, lang: string): string {
  const en = lang.startsWith('en');
  const units = en ? ['B', 'KB', 'MB', 'GB'] : ['o', 'Ko', 'Mo', 'Go'];
  let n = bytes;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  const shown = i === 0 ? String(n) : n.toFixed(1).replace(/\.0$/, '');
  return `${en ? shown : shown.replace('.', ',')} ${units[i]}`;
}
