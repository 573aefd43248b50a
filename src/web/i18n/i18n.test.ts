import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

type Tree = { [k: string]: string | Tree };

/** Flattens a catalogue to its keys; plural forms (_one, _other) count as their base key. */
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

const webRoot = join(import.meta.dirname, '..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // The modules' pages keep their own namespaces and check them themselves.
    if (statSync(path).isDirectory()) return ['admin', 'learning', 'phishing', 'suppliers'].includes(name) ? [] : sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('web shell catalogues', () => {
  it('French and English have the same keys', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(fr as Tree).sort());
  });

  it('has no empty text', () => {
    const empty = [fr, en].flatMap((c) => keys(c as Tree).filter((k) => k.split('.').reduce<unknown>((n, p) => (n as Tree)[p], c) === ''));
    expect(empty).toEqual([]);
  });

  it('holds every key the shell uses literally', () => {
    const known = new Set(keys(fr as Tree).map(base));
    const missing: string[] = [];
    for (const file of sources(webRoot)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g))
        if (!known.has(m[1]!)) missing.push(`${relative(webRoot, file)}: ${m[1]}`);
      for (const m of text.matchAll(/(?:labelKey|titleKey):\s*'([a-zA-Z0-9_.]+)'/g))
        if (!known.has(m[1]!)) missing.push(`${relative(webRoot, file)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('uses French typography: a no-break space before : ; ? !', () => {
    const bad = keys(fr as Tree)
      .map((k) => [k, k.split('.').reduce<unknown>((n, p) => (n as Tree)[p], fr)] as const)
      .filter(([, v]) => typeof v === 'string' && / [:;?!]/.test(v));
    expect(bad).toEqual([]);
  });
});
