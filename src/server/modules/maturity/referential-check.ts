import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  lowestScore,
  NONE_OPTION,
  type Question,
  type Referential,
  type ReferentialIssue,
  referentialSchema,
  sourceMetrics,
} from './referential.js';

export const REFERENTIAL_FILE = 'content/maturity/referential.yaml';

const issue = (field: string, code: string, message: string): ReferentialIssue => ({ field, code, message });

function duplicates<T extends { id: string }>(items: T[], base: string, what: string): ReferentialIssue[] {
  const seen = new Set<string>();
  const out: ReferentialIssue[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) out.push(issue(`${base}.${i}.id`, `duplicate_${what}`, `${what} "${item.id}" appears twice`));
    seen.add(item.id);
  });
  return out;
}

/**
 * What zod cannot say: ids unique, every reference resolves, nesting points to an earlier question
 * of the same theme and only to its better answers (so improving an answer never hides a question
 * and scores stay monotone), short questions hang only under short ones, sources map to real
 * options, and every question that can score below 1 is answered by a recommendation.
 */
export function referentialIssues(ref: Referential): ReferentialIssue[] {
  const out: ReferentialIssue[] = [
    ...duplicates(ref.themes, 'themes', 'theme'),
    ...duplicates(ref.questions, 'questions', 'question'),
    ...duplicates(ref.recommendations, 'recommendations', 'recommendation'),
  ];
  const themes = new Set(ref.themes.map((t) => t.id));
  const earlier = new Map<string, Question>();
  ref.questions.forEach((q, qi) => {
    const path = `questions.${qi}`;
    const at = (field: string, code: string, message: string) => out.push(issue(`${path}.${field}`, code, `${q.id}: ${message}`));
    if (!themes.has(q.themeId)) at('themeId', 'unknown_theme', `theme "${q.themeId}" does not exist`);
    out.push(...duplicates(q.options, `${path}.options`, 'option'));
    const none = q.options.find((o) => o.id === NONE_OPTION);
    if (none && q.type === 'multiple' && none.score !== 0) at('options', 'none_scores', '"none" must score 0');
    if ((q.parentId === undefined) !== (q.showWhen === undefined))
      at('parentId', 'nesting_incomplete', 'parentId and showWhen go together');
    if (q.parentId !== undefined && q.showWhen) checkNesting(q, earlier.get(q.parentId), at);
    if (q.source) {
      const ids = new Set(q.options.map((o) => o.id));
      q.source.thresholds.forEach((t, ti) => {
        if (!ids.has(t.optionId)) at(`source.thresholds.${ti}.optionId`, 'unknown_option', `option "${t.optionId}" does not exist`);
        if (sourceMetrics[q.source!.metric] === 'ratio' && ((t.min ?? 0) > 1 || (t.max ?? 1) > 1))
          at(`source.thresholds.${ti}`, 'ratio_range', 'a ratio threshold lies within 0..1');
      });
      if (q.source.unknown !== undefined && !ids.has(q.source.unknown))
        at('source.unknown', 'unknown_option', `option "${q.source.unknown}" does not exist`);
    }
    earlier.set(q.id, q);
  });
  for (const t of ref.themes)
    if (!ref.questions.some((q) => q.themeId === t.id))
      out.push(issue(`themes.${ref.themes.indexOf(t)}`, 'empty_theme', `${t.id}: no question in this theme`));
  const answered = new Set<string>();
  ref.recommendations.forEach((r, ri) => {
    r.questionIds.forEach((id, i) => {
      if (!earlier.has(id))
        out.push(issue(`recommendations.${ri}.questionIds.${i}`, 'unknown_question', `${r.id}: question "${id}" does not exist`));
      answered.add(id);
    });
  });
  ref.questions.forEach((q, qi) => {
    if (lowestScore(q) < 1 && !answered.has(q.id))
      out.push(issue(`questions.${qi}`, 'no_recommendation', `${q.id}: can score below 1 but no recommendation answers it`));
  });
  return out;
}

function checkNesting(q: Question, parent: Question | undefined, at: (field: string, code: string, message: string) => void): void {
  if (!parent) {
    at('parentId', 'unknown_parent', `parent "${q.parentId}" is not an earlier question`);
    return;
  }
  if (parent.themeId !== q.themeId) at('parentId', 'parent_theme', 'a nested question stays in its parent’s theme');
  if (q.short && !parent.short) at('short', 'short_parent', 'a short question needs a short parent');
  const byId = new Map(parent.options.map((o) => [o.id, o]));
  const shown = q.showWhen ?? [];
  shown.forEach((id, i) => {
    if (!byId.has(id)) at(`showWhen.${i}`, 'unknown_option', `parent has no option "${id}"`);
    if (id === NONE_OPTION && parent.type === 'multiple') at(`showWhen.${i}`, 'shown_on_none', 'cannot be shown on "none"');
  });
  if (parent.type === 'single') {
    const threshold = Math.min(...shown.map((id) => byId.get(id)?.score ?? 1));
    for (const o of parent.options)
      if (o.score >= threshold && !shown.includes(o.id))
        at('showWhen', 'shown_on_worse_only', `parent option "${o.id}" scores as well but hides the question`);
  }
}

/** Reads and checks a referential file; the first problem throws `file: field: id: reason`. */
export function loadReferential(file: string = REFERENTIAL_FILE): Referential {
  const raw: unknown = parse(readFileSync(file, 'utf8'));
  const parsed = referentialSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`${file}: ${first.path.join('.')}: ${idAt(raw, first.path)}${first.message}`);
  }
  const problem = referentialIssues(parsed.data)[0];
  if (problem) throw new Error(`${file}: ${problem.field}: ${problem.message}`);
  return parsed.data;
}

/** The id of the theme, question or recommendation a zod path points into, to find it in the file. */
function idAt(raw: unknown, path: PropertyKey[]): string {
  const [list, index] = path;
  if (typeof list !== 'string' || typeof index !== 'number' || typeof raw !== 'object' || raw === null) return '';
  const item = (raw as Record<string, unknown>)[list];
  const id = Array.isArray(item) ? (item[index] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' ? `${id}: ` : '';
}
