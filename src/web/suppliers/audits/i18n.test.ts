import { describe, expect, it } from 'vitest';
import { baseKeysOf, emptyKeys, missingUsedKeys, typographyFaults } from '../../i18n/catalogue-checks.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';

const root = import.meta.dirname;

describe("the audit and portal pages' catalogue", () => {
  const frKeys = baseKeysOf(fr);

  it('French and English hold the same keys, none empty', () => {
    expect([...baseKeysOf(en)].sort()).toEqual([...frKeys].sort());
    expect(emptyKeys(fr, en)).toEqual([]);
  });

  it('holds every key the pages use literally', () => {
    expect(missingUsedKeys(root, frKeys)).toEqual([]);
  });

  it('keeps French typography (non-breaking spaces, curly apostrophes)', () => {
    expect(typographyFaults(fr)).toEqual([]);
  });
});
