import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { learningAdminNav } from './index.js';
import { audiences, groupBys, languages, levels, moduleStatuses, origins, threatTags } from './vocab.js';

type Tree = { [k: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const textAt = (tree: Tree, key: string): unknown => key.split('.').reduce<unknown>((n, p) => (n as Tree | undefined)?.[p], tree);

const root = import.meta.dirname;
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe("the learning admin pages' catalogues", () => {
  const frKeys = new Set(keys(fr as Tree).map(base));
  const enKeys = new Set(keys(en as Tree).map(base));

  it('French and English hold the same keys, none empty', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
    expect([fr, en].flatMap((c) => keys(c as Tree).filter((k) => textAt(c as Tree, k) === ''))).toEqual([]);
  });

  it('holds every key the pages use literally (in this namespace) and the navigation labels', () => {
    const missing: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      // Files that also read the 'admin' namespace name that function `ta`; `t` is ours.
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g))
        if (!frKeys.has(m[1]!)) missing.push(`${relative(root, file)}: ${m[1]}`);
      for (const m of text.matchAll(/\bt\([^)]*\?\s*'([a-zA-Z0-9_.-]+)'\s*:\s*'([a-zA-Z0-9_.-]+)'/g))
        for (const k of [m[1]!, m[2]!]) if (!frKeys.has(k)) missing.push(`${relative(root, file)}: ${k}`);
    }
    for (const e of learningAdminNav) if (!frKeys.has(e.labelKey.replace(/^learningAdmin:/, ''))) missing.push(e.labelKey);
    expect(missing).toEqual([]);
  });

  it('labels every value of the closed vocabularies', () => {
    const needed = [
      ...audiences.map((k) => `audiences.${k}`),
      ...threatTags.map((k) => `threatTags.${k}`),
      ...levels.map((k) => `levels.${k}`),
      ...languages.map((k) => `languages.${k}`),
      ...origins.map((k) => `origins.${k}`),
      ...moduleStatuses.map((k) => `statuses.${k}`),
      ...groupBys.map((k) => `metrics.by.${k}`),
      ...['completions', 'averageScore', 'correctRate'].map((k) => `metrics.series.${k}`),
      ...['activate', 'deactivate', 'delete'].map((k) => `rules.done.${k}`),
      ...['default-onboarding', 'default-refresher'].map((k) => `curricula.defaults.${k}`),
    ];
    expect(needed.filter((k) => !frKeys.has(k))).toEqual([]);
  });

  it('uses French typography: a no-break space before : ; ? ! and inside « »', () => {
    const bad = keys(fr as Tree)
      .map((k) => [k, textAt(fr as Tree, k)] as const)
      .filter(([, v]) => typeof v === 'string' && (/ [:;?!»]/.test(v) || /« /.test(v) || /[^\s\u00a0\u202f({][:;?!](\s|$)/.test(v)));
    expect(bad).toEqual([]);
  });
});
