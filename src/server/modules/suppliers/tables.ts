import type { Generated } from 'kysely';
import type { Bool01 } from '../../db/dialect.js';

/**
 * Provider chain tables (migration 2026-11-29T1100_suppliers). JSON columns are text (ADR 0002),
 * dates of the calendar (contract dates, due dates, expiries) are "YYYY-MM-DD", instants ISO-8601 UTC.
 * Design: docs/api-suppliers.md.
 */
type JsonText = string;

export type DataVolume = 'none' | 'under_1k' | '1k_100k' | 'over_100k'; // people whose data the provider handles
export type DependencyLevel = 'low' | 'medium' | 'high'; // how much care stops without it
export type SystemAccess = 'none' | 'remote' | 'onsite' | 'privileged'; // access to the establishment's IS
export type CriticalityTier = 1 | 2 | 3 | 4; // 1 = most critical
export type ContactRole = 'commercial' | 'technical' | 'security' | 'dpo' | 'other';
export type RenewalKind = 'none' | 'tacit' | 'explicit';
export type ClausePayer = 'establishment' | 'provider' | 'provider_if_breach';
export type ClauseTrigger = 'incident' | 'breach' | 'subcontractor_change';
export type GridOrigin = 'catalogue' | 'custom' | 'fork' | 'import';
export type AuditKind = 'scheduled' | 'triggered' | 'extra';
export type AuditStatus = 'planned' | 'open' | 'submitted' | 'in_review' | 'remediation' | 'closed' | 'cancelled';
export type AnswerRating = 'compliant' | 'partial' | 'non_compliant' | 'not_applicable';
export type CommentSide = 'provider' | 'establishment';
export type FindingSeverity = 'low' | 'medium' | 'high' | 'critical';
export type FindingStatus = 'open' | 'plan_proposed' | 'plan_agreed' | 'closed';
export type StepStatus = 'todo' | 'done';

/** A provider in an organization's register. The same company in two registers is two rows (matched by SIREN). */
export interface SuppliersTable {
  id: string;
  organization_id: string; // whose register
  provider_organization_id: string | null; // organization of kind 'provider' holding the portal accounts
  name: string;
  siren: string; // 9 digits, Luhn-checked
  siret: string | null; // 14 digits, Luhn-checked (La Poste's SIRETs: sum of digits % 5)
  services: string; // what it delivers, free text
  handles_health_data: Bool01;
  data_volume: DataVolume;
  storage_locations: JsonText; // string[] country codes or 'EEA' / 'outside_EEA'
  processing_locations: JsonText; // string[]
  remote_maintenance: Bool01;
  remote_maintenance_details: string;
  dependency: DependencyLevel;
  system_access: SystemAccess;
  criticality_computed: CriticalityTier;
  criticality_override: CriticalityTier | null;
  criticality_reason: string | null; // required with an override
  archived: Bool01;
  created_at: string;
  updated_at: string;
  search_text: Generated<string>; // name without accents, lower-cased (migration 2026-11-29T1120, written by the register)
}

export interface SupplierHdsCertificatesTable {
  id: string;
  supplier_id: string;
  activities: JsonText; // number[] among 1..6
  certifying_body: string;
  certificate_number: string;
  issued_on: string;
  expires_on: string;
  alert_90_sent_at: string | null;
  alert_30_sent_at: string | null;
  created_at: string;
}

/** Subcontractors as a tree: parent_id null = direct subcontractor of the provider. */
export interface SupplierSubcontractorsTable {
  id: string;
  supplier_id: string;
  parent_id: string | null;
  name: string;
  siren: string | null;
  service: string;
  handles_health_data: Bool01;
  location: string; // country code or 'EEA'
  created_at: string;
}

export interface SupplierContactsTable {
  id: string;
  supplier_id: string;
  name: string;
  email: string; // lower-cased
  phone: string | null;
  role: ContactRole;
  account_id: string | null; // portal account once invited
  created_at: string;
}

export interface SupplierContractsTable {
  id: string;
  supplier_id: string;
  organization_id: string;
  reference: string;
  title: string;
  starts_on: string;
  ends_on: string | null; // null: open-ended
  renewal: RenewalKind;
  notice_days: number; // notice before renewal / termination
  incident_notification_hours: number | null;
  archived: Bool01;
  created_at: string;
  updated_at: string;
  // Gap summary for the dashboard (migration 2026-11-29T1160), rewritten by the contracts service
  // with every change of the clauses or the audit clause: GDPR art. 28(3) points not present (0-8),
  // and 1 without a structured audit clause.
  missing_gdpr28_points: Generated<number>;
  lacks_audit_clause: Generated<Bool01>;
}

/** The clause checklist of a contract: one row per clause key present or checked (clause keys: docs/api-suppliers.md). */
export interface SupplierContractClausesTable {
  contract_id: string;
  clause_key: string; // gdpr_28_a .. gdpr_28_h, hds_*, incident_notification, reversibility, subcontracting_authorisation, audit
  present: Bool01;
  reference: string; // article of the contract, e.g. "art. 12.3"
  note: string;
}

/** The structured audit clause of a contract (at most one per contract). */
export interface SupplierAuditClausesTable {
  contract_id: string;
  frequency_months: number;
  grid_id: string;
  notice_days: number;
  payer: ClausePayer;
  cost_cap_eur: number | null;
  fix_deadline_days: number;
  triggers: JsonText; // ClauseTrigger[]
  hds_report_delay_days: number | null;
  updated_at: string;
}

/** An audit grid: catalogue (content/suppliers/grids, organization_id null) or an organization's own. */
export interface SupplierGridsTable {
  id: string;
  organization_id: string | null;
  origin: GridOrigin;
  forked_from: string | null;
  version: number;
  title_fr: string;
  title_en: string;
  definition: JsonText; // GridDefinition (sections, questions, answer types, weights, evidence, conditions)
  archived: Bool01;
  created_at: string;
  updated_at: string;
}

/** An audit of one provider, for one organization or shared by several (participants). */
export interface SupplierAuditsTable {
  id: string;
  supplier_id: string;
  organization_id: string; // the organization running it (lead of a shared audit)
  contract_id: string | null;
  kind: AuditKind;
  trigger_reason: string | null; // for triggered audits: incident, breach, subcontractor change + note
  status: AuditStatus;
  title: string;
  due_on: string; // when the clause wants it done
  notice_sent_at: string | null;
  grid_id: string;
  grid_version: number;
  grid_snapshot: JsonText; // frozen GridDefinition + titles: later grid edits never change an audit
  shared: Bool01;
  provider_agreed_shared_at: string | null;
  opened_at: string | null;
  submitted_at: string | null;
  reviewed_at: string | null;
  closed_at: string | null;
  payer: ClausePayer | null; // copied from the clause when opened
  auditor_account_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SupplierAuditParticipantsTable {
  audit_id: string;
  organization_id: string;
  contract_id: string | null;
  joined_at: string;
}

export interface SupplierAuditAnswersTable {
  audit_id: string;
  question_id: string;
  value: JsonText; // depends on the answer type
  comment: string;
  answered_by: string | null; // account id
  answered_at: string;
  rating: AnswerRating | null;
  rating_note: string;
  rated_by: string | null;
  rated_at: string | null;
}

export interface SupplierEvidenceTable {
  id: string;
  audit_id: string;
  question_id: string | null; // null: attached to a remediation step or the audit
  finding_id: string | null;
  file_name: string;
  media_type: string; // sniffed from the content, not the name
  size: number;
  sha256: string;
  storage_key: string; // file under FILES_DIR
  uploaded_by: string | null;
  uploaded_at: string;
}

export interface SupplierAuditCommentsTable {
  id: string;
  audit_id: string;
  question_id: string | null;
  author_account_id: string | null;
  side: CommentSide;
  body: string;
  created_at: string;
}

export interface SupplierFindingsTable {
  id: string;
  audit_id: string;
  organization_id: string;
  question_id: string | null;
  title: string;
  description: string;
  severity: FindingSeverity;
  root_cause: string;
  status: FindingStatus;
  due_on: string | null; // fix deadline (from the clause's fix_deadline_days)
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SupplierRemediationStepsTable {
  id: string;
  finding_id: string;
  description: string;
  due_on: string;
  status: StepStatus;
  done_at: string | null;
  created_at: string;
}

export interface SupplierAuditCostsTable {
  id: string;
  audit_id: string;
  label: string;
  amount_cents: number;
  incurred_on: string;
  created_at: string;
}

export interface SuppliersTables {
  suppliers: SuppliersTable;
  supplier_hds_certificates: SupplierHdsCertificatesTable;
  supplier_subcontractors: SupplierSubcontractorsTable;
  supplier_contacts: SupplierContactsTable;
  supplier_contracts: SupplierContractsTable;
  supplier_contract_clauses: SupplierContractClausesTable;
  supplier_audit_clauses: SupplierAuditClausesTable;
  supplier_grids: SupplierGridsTable;
  supplier_audits: SupplierAuditsTable;
  supplier_audit_participants: SupplierAuditParticipantsTable;
  supplier_audit_answers: SupplierAuditAnswersTable;
  supplier_evidence: SupplierEvidenceTable;
  supplier_audit_comments: SupplierAuditCommentsTable;
  supplier_findings: SupplierFindingsTable;
  supplier_remediation_steps: SupplierRemediationStepsTable;
  supplier_audit_costs: SupplierAuditCostsTable;
}
