import { describe, expect, it } from 'vitest';
import { baseKeysOf, emptyKeys, missingUsedKeys, typographyFaults } from '../../i18n/catalogue-checks.js';
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

const root = import.meta.dirname;

describe("the phishing library pages' catalogues", () => {
  const frKeys = baseKeysOf(fr);
  const enKeys = baseKeysOf(en);

  it('French and English hold the same keys, none empty', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
    expect(emptyKeys(fr, en)).toEqual([]);
  });

  it('holds every key the pages use literally and the navigation label', () => {
    const missing = missingUsedKeys(root, frKeys);
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
    expect(typographyFaults(fr)).toEqual([]);
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
