/**
 * Shapes of the identity and audit-log API as the admin pages read them (docs/api-foundation.md).
 * Optional fields are the ones the contract leaves open; the pages render without them.
 */
import type { OrganizationKind, RoleFamily, TerritoryKind } from '../../server/modules/identity/domain.js';
import type { Role, ScopeKind } from '../../server/platform/access/roles.js';

export type { OrganizationKind, Role, RoleFamily, ScopeKind, TerritoryKind };

export interface Grant {
  id?: string;
  role: Role;
  scopeKind: ScopeKind;
  scopeId: string;
}

export interface TerritoryRef {
  id: string;
  name: string;
  kind: TerritoryKind;
  isLead?: boolean;
}

export interface Organization {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  siret: string | null;
  city: string | null;
  createdAt?: string;
  updatedAt?: string;
  territories?: TerritoryRef[];
}

export interface Territory {
  id: string;
  name: string;
  kind: TerritoryKind;
  region: string | null;
  memberCount?: number;
}

export interface TerritoryMember {
  organizationId: string;
  name: string;
  kind: OrganizationKind;
  isLead: boolean;
  sharesData: boolean;
}

export interface TerritoryDetail extends Territory {
  members: TerritoryMember[];
}

export interface Person {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  roleFamily: RoleFamily;
  service: string | null;
  site: string | null;
  isManager: boolean;
  active: boolean;
  createdAt?: string;
  updatedAt?: string;
  deactivatedAt?: string | null;
}

/** A facet value: the contract lists plain strings; counted values are accepted too. */
export type FacetValue = string | { value: string; count?: number };

export interface PeopleFacets {
  services: FacetValue[];
  sites: FacetValue[];
  total: number;
  active: number;
}

export const importFields = ['email', 'lastName', 'firstName', 'jobTitle', 'roleFamily', 'service', 'site', 'isManager', 'active'] as const;
export type ImportField = (typeof importFields)[number];
export const requiredImportFields: readonly ImportField[] = ['email', 'lastName'];
export type ImportMapping = Partial<Record<ImportField, string>>;
export type ImportMode = 'partial' | 'full';

export interface ImportUpload {
  id: string;
  encoding: string;
  delimiter: string;
  headers: string[];
  suggestedMapping: ImportMapping;
  rowCount: number;
  /** First rows: arrays of cells in header order, or records keyed by header. */
  sample: Array<string[] | Record<string, string>>;
}

export interface ImportRowError {
  line: number;
  field: string;
  reason: string;
  code?: string;
}

export interface ImportSummary {
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  toDeactivate: number;
  errors: ImportRowError[];
  errorCount: number;
  applied?: boolean;
}

export interface ImportRecord {
  id: string;
  filename: string;
  rowCount?: number;
  encoding?: string;
  status: 'uploaded' | 'applied';
  mode?: ImportMode | null;
  summary?: Partial<Omit<ImportSummary, 'errors'>> | null;
  createdAt: string;
  appliedAt?: string | null;
  createdBy?: string | null;
}

export interface AccountGrant extends Grant {
  scopeName?: string | null;
}

export interface Account {
  id: string;
  email: string;
  displayName: string;
  personId?: string | null;
  active?: boolean;
  totpEnabled?: boolean;
  lastSignInAt?: string | null;
  lockedUntil?: string | null;
  locked?: boolean;
  grants: AccountGrant[];
}

export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  actorAccountId: string | null;
  actorLabel: string;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  organizationId: string | null;
  territoryId?: string | null;
  /** Parsed JSON, or the stored JSON text. */
  before: unknown;
  after: unknown;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  brokenAt?: { seq: number; id: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' };
}

/** Lists answer `Page<T>`; a few history lists may answer a bare array. */
export function itemsOf<T>(data: { items: T[] } | T[] | undefined): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.items;
}
