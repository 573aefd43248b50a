import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseKeysOf, emptyKeys, keysOf, missingUsedKeys, textAt } from './catalogue-checks.js';
import en from './en.json';
import fr from './fr.json';

const webRoot = join(import.meta.dirname, '..');
// The modules' pages keep their own namespaces and check them themselves.
const modules = ['admin', 'learning', 'phishing', 'suppliers', 'actions', 'maturity', 'territory', 'territory-dashboard', 'exercises'];

describe('web shell catalogues', () => {
  it('French and English have the same keys', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(fr).sort());
  });

  it('has no empty text', () => {
    expect(emptyKeys(fr, en)).toEqual([]);
  });

  it('holds every key the shell uses literally', () => {
    const extra = [/(?:labelKey|titleKey):\s*'([a-zA-Z0-9_.]+)'/g];
    expect(missingUsedKeys(webRoot, baseKeysOf(fr), { ternaries: false, extra, skip: modules })).toEqual([]);
  });

  it('uses French typography: a no-break space before : ; ? !', () => {
    const bad = keysOf(fr)
      .map((k) => [k, textAt(fr, k)] as const)
      .filter(([, v]) => typeof v === 'string' && / [:;?!]/.test(v));
    expect(bad).toEqual([]);
  });
});
