import { ApiError } from '../../api.js';

/**
 * The server names a field `body.auditClause.gridId` (shape errors) or bare `siren` (business
 * rules): both become the form's input name, so the message shows next to the input.
 */
export function errorsByField(err: unknown, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  const put = (field: string, message: string) => {
    const name = field.replace(/^(body|querystring)\./, '');
    if (names.includes(name) && !out[name]) out[name] = message;
  };
  for (const issue of err.issues ?? []) put(issue.field, issue.message);
  if (err.field) put(err.field, err.message);
  return out;
}

/** The error as a page message when no input of the form takes it. */
export function generalError(err: unknown, names: readonly string[]): unknown {
  return Object.keys(errorsByField(err, names)).length > 0 ? null : err;
}
