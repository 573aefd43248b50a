/**
 * Rows of the provider chain for the review part's tests (review, findings, costs, report,
 * dashboard), written straight to the tables (src/server/modules/suppliers/tables.ts) so these
 * tests do not depend on the register, grids or portal parts. Scenes: src/server/modules/suppliers/review-test-kit.ts.
 */
import { toBool01, toJson } from '../../src/server/db/dialect.js';
import type { Db } from '../../src/server/db/index.js';
import type { GridDefinition } from '../../src/server/modules/suppliers/grid-definition.js';
import type {
  AuditStatus,
  ClausePayer,
  CriticalityTier,
  FindingSeverity,
  FindingStatus,
  SupplierAuditsTable,
} from '../../src/server/modules/suppliers/tables.js';
import { newId } from '../../src/server/platform/ids.js';

const now = () => new Date().toISOString();

export async function makeSupplier(
  db: Db,
  orgId: string,
  over: {
    name?: string;
    siren?: string;
    tier?: CriticalityTier;
    override?: CriticalityTier | null;
    health?: boolean;
    archived?: boolean;
  } = {},
) {
  const id = newId();
  await db
    .insertInto('suppliers')
    .values({
      id,
      organization_id: orgId,
      provider_organization_id: null,
      name: over.name ?? `Prestataire ${id.slice(-6)}`,
      siren: over.siren ?? '732829320',
      siret: null,
      services: 'Hébergement du dossier patient',
      handles_health_data: toBool01(over.health ?? true),
      data_volume: 'over_100k',
      storage_locations: '["FR"]',
      processing_locations: '["FR"]',
      remote_maintenance: 1,
      remote_maintenance_details: '',
      dependency: 'high',
      system_access: 'remote',
      criticality_computed: over.tier ?? 2,
      criticality_override: over.override ?? null,
      criticality_reason: over.override ? 'Décision du comité' : null,
      archived: toBool01(over.archived ?? false),
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id };
}

export async function makeCertificate(db: Db, supplierId: string, expiresOn: string) {
  const id = newId();
  await db
    .insertInto('supplier_hds_certificates')
    .values({
      id,
      supplier_id: supplierId,
      activities: '[1,2,5]',
      certifying_body: 'Organisme certificateur',
      certificate_number: `HDS-${id.slice(-6)}`,
      issued_on: '2024-01-01',
      expires_on: expiresOn,
      alert_90_sent_at: null,
      alert_30_sent_at: null,
      created_at: now(),
    })
    .execute();
  return { id };
}

export async function makeContract(db: Db, orgId: string, supplierId: string, over: { endsOn?: string | null; archived?: boolean } = {}) {
  const id = newId();
  await db
    .insertInto('supplier_contracts')
    .values({
      id,
      supplier_id: supplierId,
      organization_id: orgId,
      reference: `CT-${id.slice(-6)}`,
      title: 'Contrat d’hébergement',
      starts_on: '2025-01-01',
      ends_on: over.endsOn === undefined ? null : over.endsOn,
      renewal: 'tacit',
      notice_days: 90,
      incident_notification_hours: 24,
      archived: toBool01(over.archived ?? false),
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id };
}

export async function makeClause(db: Db, contractId: string, key: string, present = true) {
  await db
    .insertInto('supplier_contract_clauses')
    .values({ contract_id: contractId, clause_key: key, present: toBool01(present), reference: 'art. 1', note: '' })
    .execute();
}

export async function makeAuditClause(
  db: Db,
  contractId: string,
  gridId: string,
  over: { payer?: ClausePayer; capEur?: number | null; fixDays?: number } = {},
) {
  await db
    .insertInto('supplier_audit_clauses')
    .values({
      contract_id: contractId,
      frequency_months: 12,
      grid_id: gridId,
      notice_days: 15,
      payer: over.payer ?? 'establishment',
      cost_cap_eur: over.capEur ?? null,
      fix_deadline_days: over.fixDays ?? 30,
      triggers: '["incident"]',
      hds_report_delay_days: null,
      updated_at: now(),
    })
    .execute();
}

export async function makeGrid(db: Db, orgId: string | null, definition: GridDefinition) {
  const id = newId();
  await db
    .insertInto('supplier_grids')
    .values({
      id,
      organization_id: orgId,
      origin: 'custom',
      forked_from: null,
      version: 1,
      title_fr: 'Grille d’essai',
      title_en: 'Test grid',
      definition: toJson(definition),
      archived: 0,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id };
}

export async function makeAudit(
  db: Db,
  a: { orgId: string; supplierId: string; gridId: string; contractId?: string | null } & Partial<
    Pick<SupplierAuditsTable, 'due_on' | 'reviewed_at' | 'submitted_at' | 'title'>
  > & { status?: AuditStatus; payer?: ClausePayer | null; shared?: boolean; grid: GridDefinition },
) {
  const id = newId();
  const grid = a.grid;
  await db
    .insertInto('supplier_audits')
    .values({
      id,
      supplier_id: a.supplierId,
      organization_id: a.orgId,
      contract_id: a.contractId ?? null,
      kind: 'scheduled',
      trigger_reason: null,
      status: a.status ?? 'submitted',
      title: a.title ?? 'Audit annuel 2026',
      due_on: a.due_on ?? '2026-12-15',
      notice_sent_at: null,
      grid_id: a.gridId,
      grid_version: 1,
      // The shape the calendar writes (calendar-plan.ts).
      grid_snapshot: toJson({ titleFr: 'Grille d’essai', titleEn: 'Test grid', definition: grid }),
      shared: toBool01(a.shared ?? false),
      provider_agreed_shared_at: null,
      opened_at: '2026-10-01T08:00:00.000Z',
      submitted_at: a.submitted_at ?? '2026-11-01T08:00:00.000Z',
      reviewed_at: a.reviewed_at ?? null,
      closed_at: null,
      payer: a.payer === undefined ? null : a.payer,
      auditor_account_id: null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id };
}

export async function makeParticipant(db: Db, auditId: string, orgId: string, contractId: string | null = null) {
  await db
    .insertInto('supplier_audit_participants')
    .values({ audit_id: auditId, organization_id: orgId, contract_id: contractId, joined_at: now() })
    .execute();
}

export async function makeAnswer(db: Db, auditId: string, questionId: string, value: unknown, comment = '') {
  await db
    .insertInto('supplier_audit_answers')
    .values({
      audit_id: auditId,
      question_id: questionId,
      value: toJson(value),
      comment,
      answered_by: null,
      answered_at: '2026-10-20T08:00:00.000Z',
      rating: null,
      rating_note: '',
      rated_by: null,
      rated_at: null,
    })
    .execute();
}

export async function makeEvidence(db: Db, auditId: string, fileName = 'preuve.pdf') {
  const id = newId();
  await db
    .insertInto('supplier_evidence')
    .values({
      id,
      audit_id: auditId,
      question_id: null,
      finding_id: null,
      file_name: fileName,
      media_type: 'application/pdf',
      size: 1024,
      sha256: '0'.repeat(64),
      storage_key: `suppliers/${id}`,
      uploaded_by: null,
      uploaded_at: now(),
    })
    .execute();
  return { id };
}

export async function makeFinding(
  db: Db,
  auditId: string,
  orgId: string,
  over: { severity?: FindingSeverity; status?: FindingStatus; title?: string; dueOn?: string | null } = {},
) {
  const id = newId();
  await db
    .insertInto('supplier_findings')
    .values({
      id,
      audit_id: auditId,
      organization_id: orgId,
      question_id: null,
      title: over.title ?? 'Sauvegardes non testées',
      description: '',
      severity: over.severity ?? 'medium',
      root_cause: '',
      status: over.status ?? 'open',
      due_on: over.dueOn ?? null,
      closed_at: over.status === 'closed' ? now() : null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id };
}

export async function makeCost(db: Db, auditId: string, amountCents: number, incurredOn: string, label = 'Journée d’audit') {
  await db
    .insertInto('supplier_audit_costs')
    .values({ id: newId(), audit_id: auditId, label, amount_cents: amountCents, incurred_on: incurredOn, created_at: now() })
    .execute();
}
