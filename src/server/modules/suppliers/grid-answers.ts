import { type GridDefinition, type GridQuestion, questionsOf } from './grid-definition.js';
import { type AnswerValue, validateAnswer } from './grid-logic.js';
import { type FileIssue, fileIssue, type TableRow } from './grid-table.js';

/**
 * Answers to an audit grid as a table, one line per question, for a provider who prefers to answer
 * in a spreadsheet: the file carries the question and what is expected; the provider fills the
 * `answer` and `comment` columns. Reading accepts what people type (oui/non, an option's label, a
 * French date or decimal comma) and stores the canonical value, or reports line + column + reason.
 */
export const answerColumns = [
  'question_id',
  'section',
  'reference',
  'question_fr',
  'question_en',
  'type',
  'expected',
  'answer',
  'comment',
] as const;

export interface GivenAnswer {
  questionId: string;
  value: unknown;
  comment?: string | undefined;
}

export interface ReadAnswer {
  questionId: string;
  value: AnswerValue;
  comment: string;
  /** Where it came from in the file. */
  line: number;
}

const optionsHint = (q: GridQuestion) => (q.options ?? []).map((o) => `${o.id} = ${o.label.fr} / ${o.label.en}`).join('\n');

/** What the answer column accepts, in both languages, and the condition a question is asked under. */
function expected(q: GridQuestion): string {
  const hints: Record<GridQuestion['type'], string> = {
    yes_no: 'yes | no (oui | non)',
    yes_no_partial: 'yes | partial | no (oui | partiel | non)',
    single: optionsHint(q),
    multiple: `${optionsHint(q)}\n(plusieurs : séparer par | / several: separate with |)`,
    text: 'texte / text (≤ 5000)',
    number: 'nombre / number',
    date: 'AAAA-MM-JJ / YYYY-MM-DD',
  };
  const when = q.showIf ? `\n(si / if ${q.showIf.questionId} = ${q.showIf.anyOf.join(' | ')})` : '';
  return hints[q.type] + when;
}

const valueCell = (value: unknown): string | number => {
  if (Array.isArray(value)) return value.join(' | ');
  if (typeof value === 'number') return value;
  return value === undefined || value === null ? '' : String(value);
};

/** One line per question of the grid, in order, with the answers given so far. */
export function answersToRows(grid: GridDefinition, answers: readonly GivenAnswer[]): Array<Array<string | number>> {
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  return grid.sections.flatMap((s) =>
    s.questions.map((q) => {
      const a = byId.get(q.id);
      return [q.id, s.title.fr, q.reference ?? '', q.text.fr, q.text.en, q.type, expected(q), valueCell(a?.value), a?.comment ?? ''];
    }),
  );
}

const words: Record<string, string> = { oui: 'yes', non: 'no', partiel: 'partial', partielle: 'partial', partiellement: 'partial' };

const choice = (q: GridQuestion, raw: string): string => {
  const key = raw.trim().toLowerCase();
  const found = (q.options ?? []).find((o) => o.id === key || o.label.fr.toLowerCase() === key || o.label.en.toLowerCase() === key);
  return found?.id ?? raw.trim();
};

/** What was typed in the cell, as the value validateAnswer expects. */
export function cellToValue(q: GridQuestion, raw: string): unknown {
  const v = raw.trim();
  switch (q.type) {
    case 'yes_no':
    case 'yes_no_partial': {
      const lower = v.toLowerCase();
      return words[lower] ?? lower;
    }
    case 'single':
      return choice(q, v);
    case 'multiple':
      return v
        .split(/[|;\n]/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => choice(q, p));
    case 'number': {
      const n = v.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
      return /^-?\d+(\.\d+)?$/.test(n) ? Number(n) : v;
    }
    case 'date': {
      const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
      if (fr) return `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}`;
      // A date cell that lost its date format reads as Excel's day count since 1899-12-30.
      if (/^\d{4,6}$/.test(v)) return new Date(Date.UTC(1899, 11, 30) + Number(v) * 86_400_000).toISOString().slice(0, 10);
      return v;
    }
    case 'text':
      return raw;
  }
}

/** Lines with an answer become answers; unknown questions, repeats and invalid values become issues. */
export function rowsToAnswers(grid: GridDefinition, headers: string[], rows: TableRow[]): { answers: ReadAnswer[]; issues: FileIssue[] } {
  const issues: FileIssue[] = [];
  for (const c of ['question_id', 'answer'] as const)
    if (!headers.includes(c)) issues.push(fileIssue(1, c, 'missing_column', `Colonne « ${c} » absente.`, `Column "${c}" is missing.`));
  if (issues.length > 0) return { answers: [], issues };
  const questions = new Map(questionsOf(grid).map((q) => [q.id, q]));
  const seen = new Set<string>();
  const answers: ReadAnswer[] = [];
  for (const row of rows) {
    const id = (row.cells.question_id ?? '').trim();
    const raw = row.cells.answer ?? '';
    const comment = (row.cells.comment ?? '').trim();
    if (raw.trim() === '' && comment === '') continue;
    const q = questions.get(id);
    if (!q) {
      issues.push(
        fileIssue(
          row.line,
          'question_id',
          'unknown_question',
          `Question « ${id} » absente de la grille.`,
          `Question "${id}" is not in the grid.`,
        ),
      );
      continue;
    }
    if (seen.has(id)) {
      issues.push(
        fileIssue(
          row.line,
          'question_id',
          'duplicate_question',
          `Question « ${id} » déjà répondue plus haut.`,
          `Question "${id}" already answered above.`,
        ),
      );
      continue;
    }
    seen.add(id);
    if (raw.trim() === '') {
      issues.push(fileIssue(row.line, 'answer', 'missing_answer', 'Commentaire sans réponse.', 'Comment without an answer.'));
      continue;
    }
    const checked = validateAnswer(q, cellToValue(q, raw));
    if (!checked.ok) issues.push({ line: row.line, column: 'answer', code: checked.code, message: checked.message });
    else answers.push({ questionId: id, value: checked.value, comment, line: row.line });
  }
  return { answers, issues };
}
