import { Invalid, type Message } from '../../platform/errors.js';
import { NONE_OPTION, type Question, type Referential } from './referential.js';

/** A single-choice answer is one option id; a multiple-choice answer is a list of option ids. */
export type AnswerValue = string | string[];
export type Answers = Record<string, AnswerValue>;
/** The short version asks only the questions marked `short`. */
export type DiagnosticVersion = 'full' | 'short';

export interface AnswerIssue {
  /** answers.<questionId> */
  field: string;
  code:
    | 'unknown_question'
    | 'not_in_version'
    | 'invalid_value'
    | 'unknown_option'
    | 'single_expects_one'
    | 'empty_answer'
    | 'duplicate_option'
    | 'none_exclusive'
    | 'hidden_question';
  message: Message;
}

/** The questions a version asks, in referential order. */
export function questionsIn(ref: Referential, version: DiagnosticVersion): Question[] {
  return version === 'short' ? ref.questions.filter((q) => q.short === true) : ref.questions;
}

export const optionIdsOf = (value: AnswerValue | undefined): string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

/**
 * Score 0..1 of an answer, or undefined when it names no option of the question. Multiple choice:
 * the options add up, capped at 1; "none" scores 0 whatever else is ticked.
 */
export function answerScore(q: Question, value: AnswerValue | undefined): number | undefined {
  const ids = [...new Set(optionIdsOf(value))];
  const chosen = q.options.filter((o) => ids.includes(o.id));
  if (chosen.length === 0) return undefined;
  if (q.type === 'single') return chosen[0]!.score;
  if (ids.includes(NONE_OPTION)) return 0;
  return Math.min(
    1,
    chosen.reduce((sum, o) => sum + o.score, 0),
  );
}

/**
 * The questions asked given these answers: in the version, and for a nested question, its parent
 * asked and answered with one of the options that show it. Parents come first in the referential,
 * so one pass in order is enough.
 */
export function visibleQuestions(ref: Referential, answers: Answers, version: DiagnosticVersion): Set<string> {
  const visible = new Set<string>();
  const byId = new Map(ref.questions.map((q) => [q.id, q]));
  for (const q of questionsIn(ref, version)) {
    if (q.parentId === undefined) {
      visible.add(q.id);
      continue;
    }
    const parent = byId.get(q.parentId);
    if (!parent || !visible.has(parent.id)) continue;
    const chosen = optionIdsOf(answers[parent.id]);
    if (chosen.some((id) => q.showWhen?.includes(id) && parent.options.some((o) => o.id === id))) visible.add(q.id);
  }
  return visible;
}

const problem = (questionId: string, code: AnswerIssue['code'], fr: string, en: string): AnswerIssue => ({
  field: `answers.${questionId}`,
  code,
  message: { fr, en },
});

/** Every reason these answers cannot be saved against the referential; empty when they can. */
export function validateAnswers(ref: Referential, answers: Record<string, unknown>, version: DiagnosticVersion): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const byId = new Map(ref.questions.map((q) => [q.id, q]));
  const inVersion = new Set(questionsIn(ref, version).map((q) => q.id));
  const wellFormed: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) {
      issues.push(problem(id, 'unknown_question', `La question « ${id} » n’existe pas.`, `Question "${id}" does not exist.`));
      continue;
    }
    if (!inVersion.has(id)) {
      issues.push(
        problem(
          id,
          'not_in_version',
          'Cette question ne fait pas partie de la version courte.',
          'This question is not part of the short version.',
        ),
      );
      continue;
    }
    const issue = valueIssue(q, value);
    if (issue) issues.push(issue);
    else wellFormed[id] = value as AnswerValue;
  }
  const visible = visibleQuestions(ref, wellFormed, version);
  for (const id of Object.keys(wellFormed))
    if (!visible.has(id))
      issues.push(
        problem(
          id,
          'hidden_question',
          'Cette question ne se pose pas avec la réponse donnée à la question précédente.',
          'This question does not apply given the answer to the question it depends on.',
        ),
      );
  return issues;
}

function valueIssue(q: Question, value: unknown): AnswerIssue | undefined {
  const isList = Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (typeof value !== 'string' && !isList)
    return problem(
      q.id,
      'invalid_value',
      'La réponse doit être un choix ou une liste de choix.',
      'The answer must be an option or a list of options.',
    );
  const ids = optionIdsOf(value as AnswerValue);
  if (q.type === 'single' && ids.length !== 1)
    return problem(q.id, 'single_expects_one', 'Cette question n’accepte qu’un seul choix.', 'This question takes exactly one option.');
  if (ids.length === 0) return problem(q.id, 'empty_answer', 'Cochez au moins un choix.', 'Tick at least one option.');
  const unknown = ids.find((id) => !q.options.some((o) => o.id === id));
  if (unknown !== undefined)
    return problem(
      q.id,
      'unknown_option',
      `Le choix « ${unknown} » n’existe pas pour cette question.`,
      `Option "${unknown}" does not exist for this question.`,
    );
  if (new Set(ids).size !== ids.length)
    return problem(q.id, 'duplicate_option', 'Un même choix est coché deux fois.', 'The same option is ticked twice.');
  if (q.type === 'multiple' && ids.includes(NONE_OPTION) && ids.length > 1)
    return problem(
      q.id,
      'none_exclusive',
      '« Aucun » ne se combine pas avec un autre choix.',
      '"None" cannot be combined with another option.',
    );
  return undefined;
}

/** The first issue as a 400 naming its field, for services that answer one error at a time. */
export function invalidAnswers(issues: AnswerIssue[]): Invalid | undefined {
  const first = issues[0];
  return first ? new Invalid(`answers_${first.code}`, first.message, first.field) : undefined;
}
