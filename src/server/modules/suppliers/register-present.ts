import { fromBool01, fromJson } from '../../db/dialect.js';
import { addDays } from './calendar-dates.js';
import { effectiveTier } from './criticality.js';
import type { ContactRow, HdsRow, SubcontractorRow, SupplierListRow } from './register-repo.js';
import type { ContactDto, HdsDto, SubcontractorNode, SupplierDto } from './register-schema.js';
import type { CriticalityTier } from './tables.js';

/** A certificate is "expiring" from 90 days before its expiry (the first alert), and once expired. */
export const HDS_EXPIRING_DAYS = 90;
export const expiringBefore = (today: string): string => addDays(today, HDS_EXPIRING_DAYS);

export function presentSupplier(r: SupplierListRow, today: string): SupplierDto {
  return {
    id: r.id,
    organizationId: r.organization_id,
    name: r.name,
    siren: r.siren,
    siret: r.siret,
    services: r.services,
    handlesHealthData: fromBool01(r.handles_health_data),
    dataVolume: r.data_volume,
    storageLocations: fromJson<string[]>(r.storage_locations, []),
    processingLocations: fromJson<string[]>(r.processing_locations, []),
    remoteMaintenance: fromBool01(r.remote_maintenance),
    remoteMaintenanceDetails: r.remote_maintenance_details,
    dependency: r.dependency,
    systemAccess: r.system_access,
    criticality: {
      computed: Number(r.criticality_computed) as CriticalityTier,
      override: r.criticality_override === null ? null : (Number(r.criticality_override) as CriticalityTier),
      reason: r.criticality_reason,
      effective: effectiveTier(Number(r.criticality_computed), r.criticality_override === null ? null : Number(r.criticality_override)),
    },
    hdsExpiresOn: r.hds_expires_on ?? null,
    hdsExpiring: r.hds_expires_on != null && r.hds_expires_on <= expiringBefore(today),
    archived: fromBool01(r.archived),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const presentHds = (h: HdsRow, today: string): HdsDto => ({
  id: h.id,
  activities: fromJson<number[]>(h.activities, []),
  certifyingBody: h.certifying_body,
  certificateNumber: h.certificate_number,
  issuedOn: h.issued_on,
  expiresOn: h.expires_on,
  expiring: h.expires_on <= expiringBefore(today),
  alert90SentAt: h.alert_90_sent_at,
  alert30SentAt: h.alert_30_sent_at,
});

export const presentContact = (c: ContactRow): ContactDto => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  role: c.role,
  hasPortalAccount: c.account_id !== null,
});

/** The flat rows as a tree; a row whose parent is missing hangs at the top rather than vanishing. */
export function subcontractorTree(rows: SubcontractorRow[]): SubcontractorNode[] {
  const nodes = new Map<string, SubcontractorNode>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        parentId: r.parent_id,
        name: r.name,
        siren: r.siren,
        service: r.service,
        handlesHealthData: fromBool01(r.handles_health_data),
        location: r.location,
        children: [],
      },
    ]),
  );
  const roots: SubcontractorNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId === null ? undefined : nodes.get(n.parentId);
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}
