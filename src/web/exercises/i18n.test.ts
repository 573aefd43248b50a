import { describe, expect, it } from 'vitest';
import { baseKeysOf, emptyKeys, missingUsedKeys, typographyFaults } from '../i18n/catalogue-checks.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { exercisesNav } from './index.js';
import { cellRoles, channels, conditions, exerciseStatuses, levels, staffFunctions, stimulusStatuses } from './types.js';

const root = import.meta.dirname;

describe("the exercises pages' catalogues", () => {
  const frKeys = baseKeysOf(fr);
  const enKeys = baseKeysOf(en);

  it('French and English hold the same keys, none empty', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
    expect(emptyKeys(fr, en)).toEqual([]);
  });

  it('holds every key the pages use literally, the navigation labels and every value of the vocabularies', () => {
    const missing = missingUsedKeys(root, frKeys);
    for (const entry of exercisesNav) if (!frKeys.has(entry.labelKey.replace('exercises:', ''))) missing.push(entry.labelKey);
    const vocab: Array<[string, readonly string[]]> = [
      ['statuses', exerciseStatuses],
      ['levels', levels],
      ['scopes', ['establishment', 'territory']],
      ['functions', [...cellRoles, ...staffFunctions]],
      ['channels', channels],
      ['conditions', conditions],
      ['conditionChoices', conditions],
      ['stimulusStatuses', stimulusStatuses],
      ['form.errors', ['code', 'offset', 'offsetRequired', 'required', 'roles', 'selfCondition']],
      [
        'conflicts',
        ['stimulus_delivered', 'stimulus_skipped', 'exercise_started', 'exercise_closed', 'cell_exists', 'already_participant'],
      ],
    ];
    for (const [prefix, values] of vocab) for (const v of values) if (!frKeys.has(`${prefix}.${v}`)) missing.push(`${prefix}.${v}`);
    expect(missing).toEqual([]);
  });

  it('follows French typography', () => {
    expect(typographyFaults(fr)).toEqual([]);
  });
});
