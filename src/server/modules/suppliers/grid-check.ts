import { Invalid, type Message } from '../../platform/errors.js';
import type { GridDefinition, GridQuestion } from './grid-definition.js';
import { conditionValues } from './grid-logic.js';

/**
 * What zod cannot say about a grid: ids unique across the whole grid (answers are keyed by question
 * id), options only where a choice is asked (and then at least one, unique), conditions that point
 * to an earlier question and to answers that question can get. Each issue names the field path
 * from `base` (e.g. body.definition.sections.0.questions.3.showIf), as the request validation does.
 */
export interface GridIssue {
  field: string;
  code: string;
  message: Message;
}

const issue = (field: string, code: string, fr: string, en: string): GridIssue => ({ field, code, message: { fr, en } });

export function gridIssues(grid: GridDefinition, base = 'definition'): GridIssue[] {
  const out: GridIssue[] = [];
  const sectionIds = new Set<string>();
  const earlier = new Map<string, GridQuestion>();
  const all = new Set(grid.sections.flatMap((s) => s.questions.map((q) => q.id)));
  grid.sections.forEach((section, si) => {
    const sPath = `${base}.sections.${si}`;
    if (sectionIds.has(section.id))
      out.push(issue(`${sPath}.id`, 'duplicate_section_id', `Rubrique « ${section.id} » en double.`, `Duplicate section "${section.id}".`));
    sectionIds.add(section.id);
    section.questions.forEach((q, qi) => {
      const path = `${sPath}.questions.${qi}`;
      if (earlier.has(q.id))
        out.push(
          issue(
            `${path}.id`,
            'duplicate_question_id',
            `Question « ${q.id} » en double dans la grille.`,
            `Duplicate question "${q.id}" in the grid.`,
          ),
        );
      out.push(...optionIssues(q, path));
      if (q.showIf) out.push(...conditionIssues(q, path, earlier, all));
      earlier.set(q.id, q);
    });
  });
  return out;
}

function optionIssues(q: GridQuestion, path: string): GridIssue[] {
  const choice = q.type === 'single' || q.type === 'multiple';
  if (!choice)
    return q.options && q.options.length > 0
      ? [
          issue(
            `${path}.options`,
            'options_not_allowed',
            'Les choix ne servent qu’aux questions à choix.',
            'Options only go with choice questions.',
          ),
        ]
      : [];
  const options = q.options ?? [];
  if (options.length < 2)
    return [
      issue(
        `${path}.options`,
        'options_required',
        'Une question à choix demande au moins deux choix.',
        'A choice question needs at least two options.',
      ),
    ];
  const seen = new Set<string>();
  const out: GridIssue[] = [];
  options.forEach((o, oi) => {
    if (seen.has(o.id))
      out.push(issue(`${path}.options.${oi}.id`, 'duplicate_option_id', `Choix « ${o.id} » en double.`, `Duplicate option "${o.id}".`));
    seen.add(o.id);
  });
  return out;
}

function conditionIssues(q: GridQuestion, path: string, earlier: Map<string, GridQuestion>, all: Set<string>): GridIssue[] {
  const cond = q.showIf!;
  const field = `${path}.showIf`;
  const target = earlier.get(cond.questionId);
  if (!target)
    return [
      all.has(cond.questionId)
        ? issue(
            `${field}.questionId`,
            'condition_not_earlier',
            `La condition doit porter sur une question posée avant (« ${cond.questionId} » vient après).`,
            `The condition must depend on an earlier question ("${cond.questionId}" comes later).`,
          )
        : issue(
            `${field}.questionId`,
            'condition_unknown_question',
            `Question « ${cond.questionId} » inconnue.`,
            `Unknown question "${cond.questionId}".`,
          ),
    ];
  const allowed = conditionValues(target);
  if (allowed.length === 0)
    return [
      issue(
        `${field}.questionId`,
        'condition_on_free_answer',
        'Une condition ne peut porter que sur une question oui/non ou à choix.',
        'A condition can only depend on a yes/no or choice question.',
      ),
    ];
  const wrong = cond.anyOf.filter((v) => !allowed.includes(v));
  return wrong.length === 0
    ? []
    : [
        issue(
          `${field}.anyOf`,
          'condition_unknown_value',
          `Réponse impossible pour « ${target.id} » : ${wrong.join(', ')} (possibles : ${allowed.join(', ')}).`,
          `Impossible answer for "${target.id}": ${wrong.join(', ')} (possible: ${allowed.join(', ')}).`,
        ),
      ];
}

/** Throws the first issue as a 400 naming its field. */
export function assertValidGrid(grid: GridDefinition, base = 'definition'): void {
  const first = gridIssues(grid, base)[0];
  if (first) throw new Invalid(first.code, first.message, first.field);
}
