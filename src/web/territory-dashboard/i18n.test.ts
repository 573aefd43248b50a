import { describe, expect, it } from 'vitest';
import { baseKeysOf, emptyKeys, missingUsedKeys, typographyFaults } from '../i18n/catalogue-checks.js';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { isDashboardReader, territoryDashboardNav } from './index.js';
import { attentionFlags, domains } from './types.js';

const root = import.meta.dirname;

describe("the dashboards' catalogues", () => {
  const frKeys = baseKeysOf(fr);
  const enKeys = baseKeysOf(en);

  it('French and English hold the same keys, none empty', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
    expect(emptyKeys(fr, en)).toEqual([]);
  });

  it('holds every key the pages use literally, the navigation labels, every domain, flag and detail', () => {
    const missing = missingUsedKeys(root, frKeys);
    for (const entry of territoryDashboardNav)
      if (!frKeys.has(entry.labelKey.replace('territoryDashboard:', ''))) missing.push(entry.labelKey);
    for (const d of domains) for (const k of [`domains.${d}`, `cell.detail.${d}`]) if (!frKeys.has(k)) missing.push(k);
    for (const f of attentionFlags) if (!frKeys.has(`flags.${f}`)) missing.push(`flags.${f}`);
    expect(missing).toEqual([]);
  });

  it('follows French typography', () => {
    expect(typographyFaults(fr)).toEqual([]);
  });
});

describe('who sees the dashboards in the navigation', () => {
  const grant = (role: string, scopeKind = 'territory') => ({ role, scopeKind, scopeId: 't1' });
  it('territory readers, admin roles only after the second factor', () => {
    expect(isDashboardReader({ grants: [grant('observer')], mfaVerified: false })).toBe(true);
    expect(isDashboardReader({ grants: [grant('territory_coordinator')], mfaVerified: false })).toBe(false);
    expect(isDashboardReader({ grants: [grant('territory_coordinator')], mfaVerified: true })).toBe(true);
    expect(isDashboardReader({ grants: [grant('org_admin', 'organization')], mfaVerified: true })).toBe(false);
    expect(isDashboardReader({ grants: [grant('observer', 'organization')], mfaVerified: true })).toBe(false);
  });
});
