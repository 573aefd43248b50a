import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { registerNav } from './index.js';
import { ratings, severities } from './review/types.js';
import {
  clauseKeys,
  clausePayers,
  clauseTriggers,
  contactRoles,
  dataVolumes,
  dependencyLevels,
  hdsActivities,
  systemAccesses,
} from './types.js';

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

describe("the register pages' catalogues", () => {
  const frKeys = new Set(keys(fr as Tree).map(base));
  const enKeys = new Set(keys(en as Tree).map(base));

  it('French and English hold the same keys, none empty', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
    expect([fr, en].flatMap((c) => keys(c as Tree).filter((k) => textAt(c as Tree, k) === ''))).toEqual([]);
  });

  it('holds every key the pages use literally, the navigation labels and every value of the vocabularies', () => {
    const missing: string[] = [];
    for (const file of sources(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g))
        if (!frKeys.has(m[1] ?? '')) missing.push(`${relative(root, file)}: ${m[1]}`);
    }
    for (const entry of registerNav) if (!frKeys.has(entry.labelKey.replace('suppliersRegister:', ''))) missing.push(entry.labelKey);
    const vocab: Array<[string, readonly (string | number)[]]> = [
      ['clauseKeys', clauseKeys],
      ['payers', clausePayers],
      ['triggers', clauseTriggers],
      ['contactRoles', contactRoles],
      ['dataVolumes', dataVolumes],
      ['dependencies', dependencyLevels],
      ['systemAccesses', systemAccesses],
      ['hds.activities', hdsActivities],
      ['ratings', ratings],
      ['severities', severities],
    ];
    for (const [prefix, values] of vocab) for (const v of values) if (!frKeys.has(`${prefix}.${v}`)) missing.push(`${prefix}.${v}`);
    expect(missing).toEqual([]);
  });

  it('puts a non-breaking space before French high punctuation', () => {
    expect(keys(fr as Tree).filter((k) => / [:;?!]/.test(String(textAt(fr as Tree, k))))).toEqual([]);
  });
});
