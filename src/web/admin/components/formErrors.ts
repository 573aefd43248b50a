import { ApiError } from '../../api.js';

/**
 * Splits an API error into messages for named inputs (from `field` and `issues`) and a message
 * for the form as a whole when no input of the form matches.
 */
export function formErrorsOf(error: unknown, fields: readonly string[]): { byField: Record<string, string>; general: string | null } {
  const byField: Record<string, string> = {};
  if (!(error instanceof ApiError)) return { byField, general: error instanceof Error ? error.message : null };
  for (const issue of error.issues ?? []) {
    const name = issue.field.split('.').pop() ?? issue.field;
    if (fields.includes(name) && !byField[name]) byField[name] = issue.message;
  }
  if (error.field && fields.includes(error.field) && !byField[error.field]) byField[error.field] = error.message;
  const general = Object.keys(byField).length === 0 ? error.message : null;
  return { byField, general };
}
