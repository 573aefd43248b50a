import type { CriticalityTier, DataVolume, DependencyLevel, SystemAccess } from './tables.js';

/**
 * The criticality tier of a provider (1 = most critical, 4 = least), from three factors scored
 * and added up (0..9):
 * - data sensitivity: no personal data 0; personal data but no health data 1; health data 2,
 *   3 from 1,000 people, 4 beyond 100,000 people;
 * - dependency (how much care stops without it): low 0, medium 1, high 2;
 * - access to the information system: none 0, on site 1, remote 2, privileged 3.
 * Score 6 or more → tier 1; 4-5 → tier 2; 2-3 → tier 3; 0-1 → tier 4.
 * Two floors, because one factor alone can make a provider dangerous: health data is at least
 * tier 3, and health data for more than 100,000 people or privileged access at least tier 2.
 * docs/api-suppliers.md repeats this rule for the users.
 */
export interface CriticalityFactors {
  handlesHealthData: boolean;
  dataVolume: DataVolume;
  dependency: DependencyLevel;
  systemAccess: SystemAccess;
}

const healthPoints: Record<DataVolume, number> = { none: 2, under_1k: 2, '1k_100k': 3, over_100k: 4 };
const dependencyPoints: Record<DependencyLevel, number> = { low: 0, medium: 1, high: 2 };
const accessPoints: Record<SystemAccess, number> = { none: 0, onsite: 1, remote: 2, privileged: 3 };

export function criticalityScore(f: CriticalityFactors): number {
  const sensitivity = f.handlesHealthData ? healthPoints[f.dataVolume] : f.dataVolume === 'none' ? 0 : 1;
  return sensitivity + dependencyPoints[f.dependency] + accessPoints[f.systemAccess];
}

export function computeCriticality(f: CriticalityFactors): CriticalityTier {
  const score = criticalityScore(f);
  let tier: CriticalityTier = score >= 6 ? 1 : score >= 4 ? 2 : score >= 2 ? 3 : 4;
  if (f.handlesHealthData && tier > 3) tier = 3;
  if (((f.handlesHealthData && f.dataVolume === 'over_100k') || f.systemAccess === 'privileged') && tier > 2) tier = 2;
  return tier;
}

/** The tier that counts: the user's override when there is one. */
export const effectiveTier = (computed: number, override: number | null): CriticalityTier => (override ?? computed) as CriticalityTier;
