import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { libraryNav } from './index.js';
import {
  cueCategories,
  difficulties,
  groupKinds,
  importKinds,
  landingKinds,
  languages,
  origins,
  placeholders,
  premiseAlignments,
  templateThemes,
  tlsModes,
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

describe("the phishing library pages' catalogues", () => {
  const frKeys = new Set(keys(fr as Tree).map(base));
  const enKeys = new Set(keys(en as Tree).map(base));

  it('French and English hold the same keys, none empty', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
    expect([fr, en].flatMap((c) => keys(c as Tree).filter((k) => textAt(c as Tree, k) === ''))).toEqual([]);
  });

  it('holds every key the pages use literally and the navigation label', () => {
    const missing: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      // `t` is this namespace; files that read the 'admin' namespace call it `ta`.
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g))
        if (!frKeys.has(m[1]!)) missing.push(`${relative(root, file)}: ${m[1]}`);
      for (const m of text.matchAll(/\bt\([^)]*\?\s*'([a-zA-Z0-9_.-]+)'\s*:\s*'([a-zA-Z0-9_.-]+)'/g))
        for (const k of [m[1]!, m[2]!]) if (!frKeys.has(k)) missing.push(`${relative(root, file)}: ${k}`);
    }
    for (const e of libraryNav) if (!frKeys.has(e.labelKey.replace(/^phishingLibrary:/, ''))) missing.push(e.labelKey);
    expect(missing).toEqual([]);
  });

  it('labels every value of the closed vocabularies', () => {
    const needed = [
      ...templateThemes.map((k) => `themes.${k}`),
      ...difficulties.map((k) => `difficulties.${k}`),
      ...premiseAlignments.map((k) => `premise.${k}`),
      ...cueCategories.map((k) => `cueCategories.${k}`),
      ...landingKinds.map((k) => `landingKinds.${k}`),
      ...placeholders.map((k) => `placeholders.${k}`),
      ...languages.map((k) => `languages.${k}`),
      ...origins.map((k) => `origins.${k}`),
      ...tlsModes.map((k) => `tlsModes.${k}`),
      ...groupKinds.map((k) => `groupKinds.${k}`),
      ...groupKinds.flatMap((k) => [`groups.createTitle.${k}`, `groups.kindHint.${k}`]),
      ...importKinds.map((k) => `importKinds.${k}`),
      ...['template', 'landing_page', 'group', 'profile'].map((k) => `importItemKinds.${k}`),
      ...['not_json', 'not_object', 'over_limit'].map((k) => `import.fileErrors.${k}`),
      ...[1, 2, 3, 4, 5, 6, 7].flatMap((d) => [`weekdays.${d}`, `weekdaysShort.${d}`]),
      ...['templates', 'landing-pages', 'profiles', 'groups', 'settings', 'import'].map((k) => `tabs.${k}`),
      ...['false', 'true', 'all'].map((k) => `archivedFilter.${k}`),
    ];
    expect(needed.filter((k) => !frKeys.has(k) || !enKeys.has(k))).toEqual([]);
  });

  it('uses French typography: a no-break space before : ; ? ! and inside « »', () => {
    const bad = keys(fr as Tree)
      .map((k) => [k, textAt(fr as Tree, k)] as const)
      .filter(([, v]) => typeof v === 'string' && (/ [:;?!»]/.test(v) || /« /.test(v) || /[^\s\u00a0\u202f({][:;?!](\s|$)/.test(v)));
    expect(bad).toEqual([]);
  });
});

describe('the library navigation', () => {
  const me = (role: string, mfaVerified = true) => ({ grants: [{ role, scopeKind: 'organization', scopeId: 'o1' }], mfaVerified });
  const shown = (viewer: ReturnType<typeof me>) => libraryNav.filter((e) => e.show(viewer)).map((e) => e.to);

  it('is one entry, for organization and platform admins once their second factor is verified', () => {
    expect(shown(me('org_admin'))).toEqual(['/phishing/library']);
    expect(shown(me('platform_admin'))).toEqual(['/phishing/library']);
    expect(shown(me('org_admin', false))).toEqual([]);
    expect(shown(me('manager'))).toEqual([]);
    expect(shown(me('territory_coordinator'))).toEqual([]);
  });
});
