import type { DataVolume, Dependency, SupplierDetail, SupplierInput, SystemAccess, Tier } from './types.js';

/** What the provider form edits: text inputs hold strings, the override '' means "computed". */
export interface SupplierFormValues {
  name: string;
  siren: string;
  siret: string;
  services: string;
  handlesHealthData: boolean;
  dataVolume: DataVolume;
  storageLocations: string;
  processingLocations: string;
  remoteMaintenance: boolean;
  remoteMaintenanceDetails: string;
  dependency: Dependency;
  systemAccess: SystemAccess;
  criticalityOverride: '' | '1' | '2' | '3' | '4';
  criticalityReason: string;
}

export const emptySupplierForm: SupplierFormValues = {
  name: '',
  siren: '',
  siret: '',
  services: '',
  handlesHealthData: false,
  dataVolume: 'none',
  storageLocations: '',
  processingLocations: '',
  remoteMaintenance: false,
  remoteMaintenanceDetails: '',
  dependency: 'low',
  systemAccess: 'none',
  criticalityOverride: '',
  criticalityReason: '',
};

/** "fr, de; EEA" → ['FR', 'DE', 'EEA']: country codes upper-cased, EEA / outside_EEA kept as the API spells them. */
export function parseLocations(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    if (!raw) continue;
    const lower = raw.toLowerCase();
    const code = lower === 'eea' ? 'EEA' : lower === 'outside_eea' ? 'outside_EEA' : raw.toUpperCase();
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

export function supplierToForm(s: SupplierDetail): SupplierFormValues {
  return {
    name: s.name,
    siren: s.siren,
    siret: s.siret ?? '',
    services: s.services,
    handlesHealthData: s.handlesHealthData,
    dataVolume: s.dataVolume,
    storageLocations: s.storageLocations.join(', '),
    processingLocations: s.processingLocations.join(', '),
    remoteMaintenance: s.remoteMaintenance,
    remoteMaintenanceDetails: s.remoteMaintenanceDetails,
    dependency: s.dependency,
    systemAccess: s.systemAccess,
    criticalityOverride:
      s.criticality.override === null ? '' : (String(s.criticality.override) as SupplierFormValues['criticalityOverride']),
    criticalityReason: s.criticality.reason ?? '',
  };
}

/** The body of POST / PATCH: without an override the reason is cleared, as the server expects. */
export function supplierFromForm(v: SupplierFormValues): SupplierInput {
  const override = v.criticalityOverride === '' ? null : (Number(v.criticalityOverride) as Tier);
  return {
    name: v.name.trim(),
    siren: v.siren.trim(),
    siret: v.siret.trim() === '' ? null : v.siret.trim(),
    services: v.services.trim(),
    handlesHealthData: v.handlesHealthData,
    dataVolume: v.dataVolume,
    storageLocations: parseLocations(v.storageLocations),
    processingLocations: parseLocations(v.processingLocations),
    remoteMaintenance: v.remoteMaintenance,
    remoteMaintenanceDetails: v.remoteMaintenance ? v.remoteMaintenanceDetails.trim() : '',
    dependency: v.dependency,
    systemAccess: v.systemAccess,
    criticalityOverride: override,
    criticalityReason: override === null ? null : v.criticalityReason.trim() || null,
  };
}

const healthPoints: Record<DataVolume, number> = { none: 2, under_1k: 2, '1k_100k': 3, over_100k: 4 };
const dependencyPoints: Record<Dependency, number> = { low: 0, medium: 1, high: 2 };
const accessPoints: Record<SystemAccess, number> = { none: 0, onsite: 1, remote: 2, privileged: 3 };

/**
 * A preview of the tier the server will compute (criticality.ts), shown while the form changes;
 * the saved provider's `criticality.computed` is the one that counts.
 */
export function previewTier(v: Pick<SupplierFormValues, 'handlesHealthData' | 'dataVolume' | 'dependency' | 'systemAccess'>): Tier {
  const sensitivity = v.handlesHealthData ? healthPoints[v.dataVolume] : v.dataVolume === 'none' ? 0 : 1;
  const score = sensitivity + dependencyPoints[v.dependency] + accessPoints[v.systemAccess];
  let tier: Tier = score >= 6 ? 1 : score >= 4 ? 2 : score >= 2 ? 3 : 4;
  if (v.handlesHealthData && tier > 3) tier = 3;
  if (((v.handlesHealthData && v.dataVolume === 'over_100k') || v.systemAccess === 'privileged') && tier > 2) tier = 2;
  return tier;
}
