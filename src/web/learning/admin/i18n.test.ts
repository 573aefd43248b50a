import { describe, expect, it } from 'vitest';
import { baseKeysOf, emptyKeys, missingUsedKeys, typographyFaults } from '../../i18n/catalogue-checks.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { learningAdminNav } from './index.js';
import { audiences, groupBys, languages, levels, moduleStatuses, origins, threatTags } from './vocab.js';

const root = import.meta.dirname;

describe("the learning admin pages' catalogues", () => {
  const frKeys = baseKeysOf(fr);
  const enKeys = baseKeysOf(en);

  it('French and English hold the same keys, none empty', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
    expect(emptyKeys(fr, en)).toEqual([]);
  });

  it('holds every key the pages use literally (in this namespace) and the navigation labels', () => {
    const missing = missingUsedKeys(root, frKeys);
    for (const e of learningAdminNav) if (!frKeys.has(e.labelKey.replace(/^learningAdmin:/, ''))) missing.push(e.labelKey);
    expect(missing).toEqual([]);
  });

  it('labels every value of the closed vocabularies', () => {
    const needed = [
      ...audiences.map((k) => `audiences.${k}`),
      ...threatTags.map((k) => `threatTags.${k}`),
      ...levels.map((k) => `levels.${k}`),
      ...languages.map((k) => `languages.${k}`),
      ...origins.map((k) => `origins.${k}`),
      ...moduleStatuses.map((k) => `statuses.${k}`),
      ...groupBys.map((k) => `metrics.by.${k}`),
      ...['completions', 'averageScore', 'correctRate'].map((k) => `metrics.series.${k}`),
      ...['activate', 'deactivate', 'delete'].map((k) => `rules.done.${k}`),
      ...['default-onboarding', 'default-refresher'].map((k) => `curricula.defaults.${k}`),
    ];
    expect(needed.filter((k) => !frKeys.has(k))).toEqual([]);
  });

  it('uses French typography: a no-break space before : ; ? ! and inside « »', () => {
    expect(typographyFaults(fr)).toEqual([]);
  });
});
