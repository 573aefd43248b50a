import { ApiError } from '../../api.js';
import type { Language } from './types.js';

/**
 * Where a server error belongs in a form. Shape errors name `body.texts.fr.subject`, domain
 * errors `texts.fr.html`: both become `texts.fr.subject` / `texts.fr.html`.
 */
export function locateField(field: string | undefined): { path: string; language: Language | null } | null {
  if (!field) return null;
  const path = field.replace(/^(body|querystring|params)\./, '');
  const m = path.match(/^texts\.(fr|en)(\.|$)/);
  return { path, language: m ? (m[1] as Language) : null };
}

/** Field messages keyed by path, from an API error's `field` and `issues`; empty for anything else. */
export function fieldMessages(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues ?? []) {
    const at = locateField(issue.field);
    if (at && !out[at.path]) out[at.path] = issue.message;
  }
  const at = locateField(error.field);
  if (at && !out[at.path]) out[at.path] = error.message;
  return out;
}

/**
 * What the alert above the save button shows: the whole error when no field took it, else only the
 * messages for fields the form has no input for (`placed`: exact paths, or prefixes ending in '.').
 */
export function generalError(error: unknown, errors: Record<string, string>, placed: readonly string[]): unknown {
  if (!error) return null;
  if (Object.keys(errors).length === 0) return error;
  const isPlaced = (k: string) => placed.some((p) => (p.endsWith('.') ? k.startsWith(p) : k === p));
  const rest = Object.entries(errors).filter(([k]) => !isPlaced(k));
  return rest.length ? new Error(rest.map(([k, m]) => `${k} — ${m}`).join(' ; ')) : null;
}
