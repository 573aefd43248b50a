import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

type Tree = { [k: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const value = (tree: Tree, key: string) => key.split('.').reduce<unknown>((n, p) => (n as Tree)[p], tree);

// The learner's pages (not admin/, which has its own namespace) and the files outside that use 'learning:' keys.
const here = import.meta.dirname;
const sources = [
  ...readdirSync(here)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => join(here, f)),
  join(here, '../home/home-page.tsx'),
];

describe('learning catalogues', () => {
  it('French and English have the same keys, none empty', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(fr as Tree).sort());
    expect([fr, en].flatMap((c) => keys(c as Tree).filter((k) => value(c as Tree, k) === ''))).toEqual([]);
  });

  it('holds every key the learner pages use', () => {
    const known = new Set(keys(fr as Tree).map(base));
    const missing: string[] = [];
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      const own = text.includes("useTranslation('learning')");
      if (own) for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) if (!known.has(m[1]!)) missing.push(`${file}: ${m[1]}`);
      for (const m of text.matchAll(/'learning:([a-zA-Z0-9_.]+)'/g)) if (!known.has(m[1]!)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('uses French typography: a no-break space before : ; ? ! and %', () => {
    const bad = keys(fr as Tree).filter(
      (k) => / [:;?!%]/.test(String(value(fr as Tree, k))) || /\d%|}}%/.test(String(value(fr as Tree, k))),
    );
    expect(bad).toEqual([]);
  });
});
