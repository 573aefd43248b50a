import { describe, expect, it } from 'vitest';
import { baseKeysOf, emptyKeys, missingUsedKeys, typographyFaults } from '../i18n/catalogue-checks.js';
import { listQuery } from './endpoints.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { actionsNav } from './index.js';
import { actionStatuses, priorities, sourceKinds } from './types.js';

const root = import.meta.dirname;

describe("the action plan pages' catalogues", () => {
  const frKeys = baseKeysOf(fr);
  const enKeys = baseKeysOf(en);

  it('French and English hold the same keys, none empty', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
    expect(emptyKeys(fr, en)).toEqual([]);
  });

  it('holds every key the pages use literally, the navigation label and every value of the vocabularies', () => {
    const missing = missingUsedKeys(root, frKeys);
    for (const entry of actionsNav) if (!frKeys.has(entry.labelKey.replace('actions:', ''))) missing.push(entry.labelKey);
    const vocab: Array<[string, readonly string[]]> = [
      ['statuses', actionStatuses],
      ['priorities', priorities],
      ['sources', sourceKinds],
    ];
    for (const [prefix, values] of vocab) for (const v of values) if (!frKeys.has(`${prefix}.${v}`)) missing.push(`${prefix}.${v}`);
    expect(missing).toEqual([]);
  });

  it('follows French typography', () => {
    expect(typographyFaults(fr)).toEqual([]);
  });
});

describe('list query', () => {
  it('turns the URL state into API filters, empty values left out', () => {
    expect(listQuery({ sort: '-priority', status: 'open', q: 'sauvegarde', priority: '' }, { page: 2, pageSize: 25 })).toBe(
      '?status=open&q=sauvegarde&sort=-priority&page=2&pageSize=25',
    );
    expect(listQuery({})).toBe('');
  });
});
