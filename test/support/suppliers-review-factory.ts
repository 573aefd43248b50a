/**
 * Rows of the provider chain for the review part's tests (review, findings, costs, report,
 * dashboard), written straight to the tables (src/server/modules/suppliers/tables.ts) so these
 * tests do not depend on the register, grids or portal parts (the supplier, contract and audit
 * rows start from the register factory's row builders). Scenes: src/server/modules/suppliers/review-test-kit.ts.
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
import { insertAudit, insertContract, insertGrid, insertSupplier } from './suppliers-register-factory.js';

const now = () => new Date().toISOString();

export function makeSupplier(
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
  return insertSupplier(db, orgId, {
    name: over.name,
    siren: over.siren ?? '732829320',
    services: 'Hébergement du dossier patient',
    handles_health_data: toBool01(over.health ?? true),
    criticality_computed: over.tier ?? 2,
    criticality_override: over.override ?? null,
    criticality_reason: over.override ? 'Décision du comité' : null,
    archived: toBool01(over.archived ?? false),
  });
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

export function makeContract(db: Db, orgId: string, supplierId: string, over: { endsOn?: string | null; archived?: boolean } = {}) {
  const id = newId();
  return insertContract(db, orgId, supplierId, {
    id,
    reference: `CT-${id.slice(-6)}`,
    title: 'Contrat d’hébergement',
    starts_on: '2025-01-01',
    ends_on: over.endsOn === undefined ? null : over.endsOn,
    archived: toBool01(over.archived ?? false),
  });
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

export const makeGrid = (db: Db, orgId: string | null, definition: GridDefinition) =>
  insertGrid(db, orgId, { origin: 'custom', title_fr: 'Grille d’essai', definition: toJson(definition) });

export function makeAudit(
  db: Db,
  a: { orgId: string; supplierId: string; gridId: string; contractId?: string | null } & Partial<
    Pick<SupplierAuditsTable, 'due_on' | 'reviewed_at' | 'submitted_at' | 'title'>
  > & { status?: AuditStatus; payer?: ClausePayer | null; shared?: boolean; grid: GridDefinition },
) {
  return insertAudit(db, {
    organization_id: a.orgId,
    supplier_id: a.supplierId,
    grid_id: a.gridId,
    contract_id: a.contractId ?? null,
    status: a.status ?? 'submitted',
    title: a.title ?? 'Audit annuel 2026',
    due_on: a.due_on ?? '2026-12-15',
    grid_snapshot: toJson({ titleFr: 'Grille d’essai', titleEn: 'Test grid', definition: a.grid }),
    shared: toBool01(a.shared ?? false),
    opened_at: '2026-10-01T08:00:00.000Z',
    submitted_at: a.submitted_at ?? '2026-11-01T08:00:00.000Z',
    reviewed_at: a.reviewed_at ?? null,
    payer: a.payer === undefined ? null : a.payer,
  });
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
