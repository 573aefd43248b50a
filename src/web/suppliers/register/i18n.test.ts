import { describe, expect, it } from 'vitest';
import { baseKeysOf, emptyKeys, keysOf, missingUsedKeys, textAt } from '../../i18n/catalogue-checks.js';
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

const root = import.meta.dirname;

describe("the register pages' catalogues", () => {
  const frKeys = baseKeysOf(fr);
  const enKeys = baseKeysOf(en);

  it('French and English hold the same keys, none empty', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
    expect(emptyKeys(fr, en)).toEqual([]);
  });

  it('holds every key the pages use literally, the navigation labels and every value of the vocabularies', () => {
    const missing = missingUsedKeys(root, frKeys);
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
    expect(keysOf(fr).filter((k) => / [:;?!]/.test(String(textAt(fr, k))))).toEqual([]);
  });
});
