import { Invalid } from '../../platform/errors.js';
import type { GridQuestion } from './grid-definition.js';
import { type AnswerValue, validateAnswer as check } from './grid-logic.js';

/** The grid rules the portal applies come from grid-logic, shared with the review and the exports. */
export { type AnswerValue, visibleQuestions } from './grid-logic.js';
export type AnswerMap = ReadonlyMap<string, AnswerValue>;

/** The answer as stored, or a 400 on `value` saying what this question expects. */
export function validateAnswer(q: GridQuestion, value: unknown): AnswerValue {
  const result = check(q, value);
  if (!result.ok) throw new Invalid(result.code, result.message, 'value');
  return result.value;
}
