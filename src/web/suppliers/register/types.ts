/**
 * Shapes of the register, contracts, calendar and review API (docs/api-suppliers.md), mirrored
 * from src/server/modules/suppliers/*-schema.ts so the web bundle carries no server code.
 */
export const tiers = [1, 2, 3, 4] as const;
export type Tier = (typeof tiers)[number];
export const dataVolumes = ['none', 'under_1k', '1k_100k', 'over_100k'] as const;
export type DataVolume = (typeof dataVolumes)[number];
export const dependencyLevels = ['low', 'medium', 'high'] as const;
export type Dependency = (typeof dependencyLevels)[number];
export const systemAccesses = ['none', 'onsite', 'remote', 'privileged'] as const;
export type SystemAccess = (typeof systemAccesses)[number];
export const contactRoles = ['commercial', 'technical', 'security', 'dpo', 'other'] as const;
export type ContactRole = (typeof contactRoles)[number];
export const hdsActivities = [1, 2, 3, 4, 5, 6] as const;

export interface Criticality {
  computed: Tier;
  override: Tier | null;
  reason: string | null;
  effective: Tier;
}

export interface SupplierInput {
  name: string;
  siren: string;
  siret: string | null;
  services: string;
  handlesHealthData: boolean;
  dataVolume: DataVolume;
  storageLocations: string[];
  processingLocations: string[];
  remoteMaintenance: boolean;
  remoteMaintenanceDetails: string;
  dependency: Dependency;
  systemAccess: SystemAccess;
  criticalityOverride: Tier | null;
  criticalityReason: string | null;
}

export interface Supplier extends Omit<SupplierInput, 'criticalityOverride' | 'criticalityReason'> {
  id: string;
  organizationId: string;
  criticality: Criticality;
  hdsExpiresOn: string | null;
  hdsExpiring: boolean;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface HdsCertificate {
  id: string;
  activities: number[];
  certifyingBody: string;
  certificateNumber: string;
  issuedOn: string;
  expiresOn: string;
  expiring: boolean;
  alert90SentAt: string | null;
  alert30SentAt: string | null;
}
export type HdsInput = Pick<HdsCertificate, 'activities' | 'certifyingBody' | 'certificateNumber' | 'issuedOn' | 'expiresOn'>;

export interface SubcontractorNode {
  id: string;
  parentId: string | null;
  name: string;
  siren: string | null;
  service: string;
  handlesHealthData: boolean;
  location: string;
  children: SubcontractorNode[];
}
export type SubcontractorInput = Omit<SubcontractorNode, 'id' | 'children'>;

export interface Contact {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: ContactRole;
  hasPortalAccount: boolean;
}
export interface ContactInput {
  name: string;
  email: string;
  phone: string | null;
  role: ContactRole;
}

export interface ContractSummary {
  id: string;
  reference: string;
  title: string;
  startsOn: string;
  endsOn: string | null;
  active: boolean;
  hasAuditClause: boolean;
}

export interface SupplierDetail extends Supplier {
  hdsCertificates: HdsCertificate[];
  subcontractors: SubcontractorNode[];
  contacts: Contact[];
  contracts: ContractSummary[];
}

export const clauseKeys = [
  'gdpr_28_a',
  'gdpr_28_b',
  'gdpr_28_c',
  'gdpr_28_d',
  'gdpr_28_e',
  'gdpr_28_f',
  'gdpr_28_g',
  'gdpr_28_h',
  'hds_certificate',
  'hds_activities_covered',
  'data_location_eea',
  'incident_notification',
  'reversibility',
  'subcontracting_authorisation',
  'audit',
] as const;
export type ClauseKey = (typeof clauseKeys)[number];
export const renewalKinds = ['none', 'tacit', 'explicit'] as const;
export type Renewal = (typeof renewalKinds)[number];
export const clausePayers = ['establishment', 'provider', 'provider_if_breach'] as const;
export type Payer = (typeof clausePayers)[number];
export const clauseTriggers = ['incident', 'breach', 'subcontractor_change'] as const;
export type Trigger = (typeof clauseTriggers)[number];

export interface Clause {
  key: ClauseKey;
  present: boolean;
  reference: string;
  note: string;
}

export interface AuditClause {
  frequencyMonths: number;
  gridId: string;
  noticeDays: number;
  payer: Payer;
  costCapEur: number | null;
  fixDeadlineDays: number;
  triggers: Trigger[];
  hdsReportDelayDays: number | null;
}

export interface ContractInput {
  reference: string;
  title: string;
  startsOn: string;
  endsOn: string | null;
  renewal: Renewal;
  noticeDays: number;
  incidentNotificationHours: number | null;
  clauses: Clause[];
  auditClause: AuditClause | null;
}

export interface ContractDetail extends ContractInput {
  id: string;
  supplierId: string;
  supplierName: string;
  organizationId: string;
  archived: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Texts {
  fr: string;
  en: string;
}

export interface ModelClause {
  key: ClauseKey;
  version: number;
  lastReviewed: string;
  requiredFor: string[];
  basis: string;
  title: Texts;
  text: Texts;
  auditClause?: Omit<AuditClause, 'gridId'> & { gridId?: string };
}

export type GapReason = 'missing' | 'delay_missing' | 'not_structured';
export interface ContractGaps {
  contractId: string;
  reference: string;
  title: string;
  supplierId: string;
  supplierName: string;
  gaps: Array<{ key: ClauseKey; reason: GapReason; model: ModelClause | null }>;
}

export interface GridSummary {
  id: string;
  origin: string;
  title: string;
  archived: boolean;
}

export type CalendarState = 'due' | 'planned' | 'open' | 'submitted' | 'in_review' | 'remediation';
export interface CalendarItem {
  state: CalendarState;
  kind: 'scheduled' | 'triggered' | 'extra';
  auditId: string | null;
  title: string;
  dueOn: string;
  overdue: boolean;
  contractId: string;
  contractReference: string;
  supplierId: string;
  supplierName: string;
  frequencyMonths: number | null;
  noticeDays: number | null;
  gridId: string | null;
  lastClosedOn: string | null;
  planFrom: string | null;
  triggerReason: string | null;
}
export interface Calendar {
  from: string;
  to: string;
  today: string;
  upcoming: CalendarItem[];
  overdue: CalendarItem[];
}

export interface TriggeredAudit {
  id: string;
  kind: 'triggered';
  status: 'planned';
  dueOn: string;
  title: string;
}
