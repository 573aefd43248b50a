import { searchKey } from '../../db/dialect.js';
import { Conflict, DomainError, Forbidden, Invalid } from '../../platform/errors.js';
import type { Page } from '../identity/shared.js';

/** 422: the request was fine, but a remote server (SMTP) refused or could not be reached. */
export class Unprocessable extends DomainError {
  readonly status = 422;
}

export const catalogueReadOnly = (what: 'template' | 'landing') =>
  new Forbidden(
    'catalogue_read_only',
    what === 'template'
      ? {
          fr: 'Les modèles du catalogue ne se modifient pas : dupliquez celui-ci pour l’adapter.',
          en: 'Catalogue templates are read-only: fork this one to adapt it.',
        }
      : {
          fr: 'Les pages du catalogue ne se modifient pas : dupliquez celle-ci pour l’adapter.',
          en: 'Catalogue landing pages are read-only: fork this one to adapt it.',
        },
  );

export const archivedConflict = () =>
  new Conflict('archived', {
    fr: 'Cet élément est archivé : il ne se modifie plus.',
    en: 'This item is archived: it can no longer be edited.',
  });

export const unknownLandingPage = (field = 'landingPageId') =>
  new Invalid(
    'unknown_landing_page',
    { fr: 'Page d’atterrissage introuvable ou archivée.', en: 'Landing page not found or archived.' },
    field,
  );

/**
 * Search, sort and page a list already narrowed by SQL. The library of one organization holds a
 * few dozen to a few hundred items, and accent-free search over titles in two languages is
 * simpler and exact here than in portable SQL.
 */
export function searchSortPage<T>(
  items: T[],
  opts: { q?: string | undefined; text: (item: T) => string; compare: (a: T, b: T) => number; page: number; pageSize: number },
): Page<T> {
  const words = searchKey(opts.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const found = words.length === 0 ? items : items.filter((i) => words.every((w) => searchKey(opts.text(i)).includes(w)));
  const sorted = [...found].sort(opts.compare);
  const start = (opts.page - 1) * opts.pageSize;
  return { items: sorted.slice(start, start + opts.pageSize), total: found.length, page: opts.page, pageSize: opts.pageSize };
}

/** Compares by a key; `-key` sorts descending; ties fall back to `tie`. */
export function byKey<T>(sort: string, keys: Record<string, (item: T) => string | number>, tie: (a: T, b: T) => number) {
  const desc = sort.startsWith('-');
  const key = keys[sort.replace(/^-/, '')] ?? Object.values(keys)[0]!;
  return (a: T, b: T): number => {
    const x = key(a);
    const y = key(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fr', { sensitivity: 'base' });
    return (desc ? -c : c) || tie(a, b);
  };
}
