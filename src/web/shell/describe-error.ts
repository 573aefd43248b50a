import { ApiError } from '../api.js';

/** How a failed request is shown: next to a field of the form, or as a message for the page. */
export interface ShownError {
  /** The form field the server named, when the form has it. */
  field: string | null;
  /** An i18n key when our own wording is clearer than the server's (locked, too many, offline). */
  key: string | null;
  /** The server's message, already in the user's language. */
  message: string;
}

/**
 * Sorts an error into a field error or a page message. 423 and 429 always get our own
 * wording; network failures (not an ApiError) become "cannot reach the server".
 */
export function describeError(err: unknown, formFields: readonly string[] = []): ShownError {
  if (!(err instanceof ApiError)) return { field: null, key: 'errors.network', message: '' };
  if (err.status === 423) return { field: null, key: 'errors.locked', message: err.message };
  if (err.status === 429) return { field: null, key: 'errors.tooMany', message: err.message };
  if (err.status === 403 && err.code === 'csrf') return { field: null, key: 'errors.csrf', message: err.message };
  if (err.status >= 500) return { field: null, key: 'errors.server', message: '' };
  const field = err.field && formFields.includes(err.field) ? err.field : null;
  return { field, key: null, message: err.message };
}

/** Every field error of a 400 answer (zod may report several), keyed by field. */
export function fieldErrors(err: unknown, formFields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const issue of err.issues ?? []) {
    if (formFields.includes(issue.field) && !out[issue.field]) out[issue.field] = issue.message;
  }
  if (err.field && formFields.includes(err.field) && !out[err.field]) out[err.field] = err.message;
  return out;
}
