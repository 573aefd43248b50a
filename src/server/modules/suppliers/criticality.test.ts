import { describe, expect, it } from 'vitest';
import { computeCriticality, criticalityScore, effectiveTier } from './criticality.js';

describe('criticality tier', () => {
  it('adds sensitivity, dependency and access', () => {
    // A lab information system vendor: health data of a whole territory, care stops without it, remote access.
    const lis = { handlesHealthData: true, dataVolume: 'over_100k', dependency: 'high', systemAccess: 'remote' } as const;
    expect(criticalityScore(lis)).toBe(8);
    expect(computeCriticality(lis)).toBe(1);
    // Payroll software: personal data, medium dependency, no access.
    const payroll = { handlesHealthData: false, dataVolume: '1k_100k', dependency: 'medium', systemAccess: 'none' } as const;
    expect(criticalityScore(payroll)).toBe(2);
    expect(computeCriticality(payroll)).toBe(3);
    // Cleaning company on site, no data.
    expect(computeCriticality({ handlesHealthData: false, dataVolume: 'none', dependency: 'low', systemAccess: 'onsite' })).toBe(4);
    // Score 4 and 5 → tier 2.
    expect(computeCriticality({ handlesHealthData: false, dataVolume: 'under_1k', dependency: 'high', systemAccess: 'onsite' })).toBe(2);
    expect(computeCriticality({ handlesHealthData: true, dataVolume: '1k_100k', dependency: 'medium', systemAccess: 'none' })).toBe(2);
  });

  it('applies the floors for health data and privileged access', () => {
    expect(computeCriticality({ handlesHealthData: true, dataVolume: 'under_1k', dependency: 'low', systemAccess: 'none' })).toBe(3);
    expect(computeCriticality({ handlesHealthData: true, dataVolume: 'over_100k', dependency: 'low', systemAccess: 'none' })).toBe(2);
    expect(computeCriticality({ handlesHealthData: false, dataVolume: 'none', dependency: 'low', systemAccess: 'privileged' })).toBe(2);
  });

  it('lets an override win', () => {
    expect(effectiveTier(3, null)).toBe(3);
    expect(effectiveTier(3, 1)).toBe(1);
  });
});
