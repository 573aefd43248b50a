import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { organizationKinds, roleFamilies, roles, territoryKinds } from '../labels.js';
import { importFields } from '../types.js';
import en from './en.json';
import fr from './fr.json';

type Tree = { [k: string]: string | Tree };

const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const textAt = (tree: Tree, key: string): unknown => key.split('.').reduce<unknown>((n, p) => (n as Tree | undefined)?.[p], tree);

const adminRoot = join(import.meta.dirname, '..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe("the admin pages' catalogues", () => {
  const frKeys = new Set(keys(fr as Tree).map(base));
  const enKeys = new Set(keys(en as Tree).map(base));

  it('French and English hold the same keys', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
  });

  it('has no empty text', () => {
    const empty = [fr, en].flatMap((c) => keys(c as Tree).filter((k) => textAt(c as Tree, k) === ''));
    expect(empty).toEqual([]);
  });

  it('holds every key the pages use literally, and the navigation labels', () => {
    const missing: string[] = [];
    for (const file of sources(adminRoot)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g))
        if (!frKeys.has(m[1]!)) missing.push(`${relative(adminRoot, file)}: ${m[1]}`);
      for (const m of text.matchAll(/labelKey:\s*'admin:([a-zA-Z0-9_.]+)'/g))
        if (!frKeys.has(m[1]!)) missing.push(`${relative(adminRoot, file)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('labels every value of the closed vocabularies', () => {
    const needed = [
      ...organizationKinds.map((k) => `organizationKinds.${k}`),
      ...territoryKinds.map((k) => `territoryKinds.${k}`),
      ...roleFamilies.map((k) => `roleFamilies.${k}`),
      ...roles.map((k) => `roles.${k}`),
      ...['platform', 'territory', 'organization'].map((k) => `scopeKinds.${k}`),
      ...importFields.map((k) => `import.fields.${k}`),
      ...['toCreate', 'toUpdate', 'unchanged', 'toDeactivate', 'errorCount'].flatMap((k) => [
        `import.summary.planned.${k}`,
        `import.summary.applied.${k}`,
      ]),
      ...['unlock', 'resetTotp', 'activate', 'deactivate', 'revoke'].map((k) => `accounts.done.${k}`),
      ...['first', 'previous', 'next', 'last'].map((k) => `common.pageControl.${k}`),
    ];
    expect(needed.filter((k) => !frKeys.has(k))).toEqual([]);
  });

  it('uses French typography: a no-break space before : ; ? ! and inside « »', () => {
    const bad = keys(fr as Tree)
      .map((k) => [k, textAt(fr as Tree, k)] as const)
      .filter(([, v]) => typeof v === 'string' && (/ [:;?!»]/.test(v) || /« /.test(v) || /[^\s\u00a0\u202f({][:;?!](\s|$)/.test(v)));
    expect(bad).toEqual([]);
  });

  it('keeps the labels an end-to-end test drives the import with', () => {
    expect([textAt(fr as Tree, 'import.file'), textAt(en as Tree, 'import.file')]).toEqual(['Fichier CSV', 'CSV file']);
    expect([textAt(fr as Tree, 'import.check'), textAt(en as Tree, 'import.check')]).toEqual(['Vérifier', 'Check']);
    expect([textAt(fr as Tree, 'import.apply'), textAt(en as Tree, 'import.apply')]).toEqual(['Importer', 'Import']);
  });
});
