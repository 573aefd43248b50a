import { ApiError } from '../../api.js';

/**
 * The server names a field either by its bare name (business rules: `gridId`) or by its path in
 * the request (`body.definition.sections.0.questions.3.weight`). Forms key their errors by the
 * path inside the body, so both become the same key.
 */
export const bodyPath = (field: string): string => field.replace(/^body\./, '');

/** Every field error of a failed request, keyed by path inside the body; `rest` is what no field claims. */
export function errorsByPath(err: unknown): { byPath: Record<string, string>; rest: string | null } {
  const byPath: Record<string, string> = {};
  if (!(err instanceof ApiError)) return { byPath, rest: null };
  for (const issue of err.issues ?? []) {
    const key = bodyPath(issue.field);
    if (!byPath[key]) byPath[key] = issue.message;
  }
  if (err.field && !byPath[bodyPath(err.field)]) byPath[bodyPath(err.field)] = err.message;
  return { byPath, rest: err.field || (err.issues?.length ?? 0) > 0 ? null : err.message };
}

/** The errors at or under a path: "sections.0.questions.2" gathers ".weight", ".showIf.questionId"... */
export function errorsUnder(byPath: Record<string, string>, prefix: string): Array<[string, string]> {
  return Object.entries(byPath).filter(([k]) => k === prefix || k.startsWith(`${prefix}.`));
}
