import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseKeysOf, emptyKeys, missingUsedKeys, textAt, typographyFaults } from '../../i18n/catalogue-checks.js';
import { organizationKinds, roleFamilies, roles, territoryKinds } from '../labels.js';
import { importFields } from '../types.js';
import en from './en.json';
import fr from './fr.json';

const adminRoot = join(import.meta.dirname, '..');

describe("the admin pages' catalogues", () => {
  const frKeys = baseKeysOf(fr);
  const enKeys = baseKeysOf(en);

  it('French and English hold the same keys', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
  });

  it('has no empty text', () => {
    expect(emptyKeys(fr, en)).toEqual([]);
  });

  it('holds every key the pages use literally, and the navigation labels', () => {
    expect(missingUsedKeys(adminRoot, frKeys, { ternaries: false, extra: [/labelKey:\s*'admin:([a-zA-Z0-9_.]+)'/g] })).toEqual([]);
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
    expect(typographyFaults(fr)).toEqual([]);
  });

  it('keeps the labels an end-to-end test drives the import with', () => {
    expect([textAt(fr, 'import.file'), textAt(en, 'import.file')]).toEqual(['Fichier CSV', 'CSV file']);
    expect([textAt(fr, 'import.check'), textAt(en, 'import.check')]).toEqual(['Vérifier', 'Check']);
    expect([textAt(fr, 'import.apply'), textAt(en, 'import.apply')]).toEqual(['Importer', 'Import']);
  });
});
