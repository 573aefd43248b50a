import { describe, expect, it } from 'vitest';
import { baseKeysOf, emptyKeys, missingUsedKeys, typographyFaults } from '../i18n/catalogue-checks.js';
import { bands } from './heatmap.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { territoryNav } from './index.js';
import { audiences, goalStatuses, resourceKinds, sharingDomains } from './types.js';

const root = import.meta.dirname;

describe("the territory pages' catalogues", () => {
  const frKeys = baseKeysOf(fr);
  const enKeys = baseKeysOf(en);

  it('French and English hold the same keys, none empty', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
    expect(emptyKeys(fr, en)).toEqual([]);
  });

  it('holds every key the pages use literally, the navigation labels and every value of the vocabularies', () => {
    const missing = missingUsedKeys(root, frKeys);
    for (const entry of territoryNav) if (!frKeys.has(entry.labelKey.replace('territory:', ''))) missing.push(entry.labelKey);
    const vocab: Array<[string, readonly string[]]> = [
      ['domains', sharingDomains.flatMap((d) => [`${d}.label`, `${d}.explain`])],
      ['goalStatuses', goalStatuses],
      ['kinds', resourceKinds],
      ['audiences', audiences],
      ['heatmap.bands', bands.map((b) => b.key)],
      ['heatmap.bandWord', bands.map((b) => b.key)],
      ['mentoring.states', ['active', 'ended', 'all']],
      ['library.archived', ['false', 'true', 'all']],
      ['languages', ['fr', 'en']],
      ['heatmap.themeKinds', ['hygiene', 'care']],
    ];
    for (const [prefix, values] of vocab) for (const v of values) if (!frKeys.has(`${prefix}.${v}`)) missing.push(`${prefix}.${v}`);
    expect(missing).toEqual([]);
  });

  it('follows French typography', () => {
    expect(typographyFaults(fr)).toEqual([]);
  });
});
