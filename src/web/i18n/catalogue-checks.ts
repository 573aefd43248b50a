// Test-only helpers shared by the i18n tests of the shell and of each module's pages.
// They read the sources from disk, so only tests may import them (never the web bundle).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export type Tree = { [k: string]: string | Tree };

/** Flattens a catalogue to its dotted keys (arrays read as trees keyed 0, 1…). */
export const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));

/** Plural forms (_one, _other…) count as their base key, which is what the pages call. */
export const baseKey = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

export const baseKeysOf = (tree: Tree) => new Set(keysOf(tree).map(baseKey));

export const textAt = (tree: Tree, key: string): unknown => key.split('.').reduce<unknown>((n, p) => (n as Tree | undefined)?.[p], tree);

export const emptyKeys = (...catalogues: Tree[]): string[] => catalogues.flatMap((c) => keysOf(c).filter((k) => textAt(c, k) === ''));

/** French texts missing a no-break space before : ; ? ! or inside « ». */
export const typographyFaults = (fr: Tree) =>
  keysOf(fr)
    .map((k) => [k, textAt(fr, k)] as const)
    .filter(([, v]) => typeof v === 'string' && (/ [:;?!»]/.test(v) || /« /.test(v) || /[^\s\u00a0\u202f({][:;?!](\s|$)/.test(v)));

/** The page sources (not tests) under dir; `skip` names folders that check their own namespace. */
export function sourcesUnder(dir: string, skip: readonly string[] = []): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return skip.includes(name) ? [] : sourcesUnder(path, skip);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const literal = /\bt\(\s*'([a-zA-Z0-9_.-]+)'/g;
const ternary = /\bt\([^)]*\?\s*'([a-zA-Z0-9_.-]+)'\s*:\s*'([a-zA-Z0-9_.-]+)'/g;

/**
 * Keys a source passes literally to `t` (its own namespace: files reading another one name
 * that function `ta`), both branches of a conditional key when `ternaries`, and the first
 * group of each `extra` pattern.
 */
export function usedKeys(text: string, options: UsedKeysOptions = {}): string[] {
  const patterns = [literal, ...(options.ternaries === false ? [] : [ternary]), ...(options.extra ?? [])];
  return patterns.flatMap((re) => [...text.matchAll(re)].flatMap((m) => m.slice(1).filter((k) => k !== undefined)));
}

// Some pages build a conditional key from a prefix (`t(`x.${c ? …}`)`): they opt out of `ternaries`.
export type UsedKeysOptions = { extra?: readonly RegExp[]; ternaries?: boolean };

/** `file: key` for every key used under root that `known` lacks. */
export function missingUsedKeys(root: string, known: Set<string>, options: UsedKeysOptions & { skip?: readonly string[] } = {}) {
  return sourcesUnder(root, options.skip).flatMap((file) =>
    usedKeys(readFileSync(file, 'utf8'), options)
      .filter((k) => !known.has(k))
      .map((k) => `${relative(root, file)}: ${k}`),
  );
}
