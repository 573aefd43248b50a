import { describe, expect, it } from 'vitest';
import { baseKeysOf, emptyKeys, missingUsedKeys, typographyFaults } from '../i18n/catalogue-checks.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { maturityNav } from './index.js';
import { efforts, themeKinds, variants } from './types.js';

const root = import.meta.dirname;

describe("the maturity pages' catalogues", () => {
  const frKeys = baseKeysOf(fr);
  const enKeys = baseKeysOf(en);

  it('French and English hold the same keys, none empty', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
    expect(emptyKeys(fr, en)).toEqual([]);
  });

  it('holds every key the pages use literally, the navigation label and every value of the vocabularies', () => {
    const missing = missingUsedKeys(root, frKeys);
    for (const entry of maturityNav) if (!frKeys.has(entry.labelKey.replace('maturity:', ''))) missing.push(entry.labelKey);
    const vocab: Array<[string, readonly string[]]> = [
      ['statuses', ['draft', 'completed']],
      ['efforts', efforts],
      ['kinds', themeKinds],
    ];
    for (const [prefix, values] of vocab) for (const v of values) if (!frKeys.has(`${prefix}.${v}`)) missing.push(`${prefix}.${v}`);
    for (const v of variants)
      for (const k of ['name', 'explained']) if (!frKeys.has(`variants.${v}.${k}`)) missing.push(`variants.${v}.${k}`);
    expect(missing).toEqual([]);
  });

  it('follows French typography', () => {
    expect(typographyFaults(fr)).toEqual([]);
  });
});
