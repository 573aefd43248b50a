import { toJson } from '../../src/server/db/dialect.js';
import type { Db } from '../../src/server/db/index.js';
import type { GridDefinition } from '../../src/server/modules/suppliers/grid-definition.js';
import type { AuditKind, AuditStatus, ClauseTrigger } from '../../src/server/modules/suppliers/tables.js';
import { newId } from '../../src/server/platform/ids.js';

/** Test data of the provider register, written straight to the database (each test its own tenant). */

const now = () => new Date().toISOString();

/** Valid SIRENs (Luhn) for tests. */
export const SIRENS = ['732829320', '552100554', '442306122'] as const;

export const tinyGrid: GridDefinition = {
  sections: [
    {
      id: 'gouvernance',
      title: { fr: 'Gouvernance', en: 'Governance' },
      questions: [
        { id: 'q1', text: { fr: 'Un RSSI est-il nommé ?', en: 'Is a CISO appointed?' }, type: 'yes_no', weight: 1, evidence: 'none' },
      ],
    },
  ],
};

export async function makeGrid(db: Db, orgId: string | null, over: { archived?: boolean } = {}) {
  const id = newId();
  await db
    .insertInto('supplier_grids')
    .values({
      id,
      organization_id: orgId,
      origin: orgId ? 'custom' : 'catalogue',
      forked_from: null,
      version: 3,
      title_fr: 'Grille de test',
      title_en: 'Test grid',
      definition: toJson(tinyGrid),
      archived: over.archived ? 1 : 0,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id };
}

export async function makeSupplier(
  db: Db,
  orgId: string,
  over: { name?: string; siren?: string; healthData?: boolean; archived?: boolean; tier?: 1 | 2 | 3 | 4 } = {},
) {
  const id = newId();
  await db
    .insertInto('suppliers')
    .values({
      id,
      organization_id: orgId,
      provider_organization_id: null,
      name: over.name ?? `Prestataire ${id.slice(-6)}`,
      siren: over.siren ?? SIRENS[0],
      siret: null,
      services: 'Logiciel de laboratoire',
      handles_health_data: over.healthData === false ? 0 : 1,
      data_volume: over.healthData === false ? 'none' : 'over_100k',
      storage_locations: '["FR"]',
      processing_locations: '["FR"]',
      remote_maintenance: 1,
      remote_maintenance_details: '',
      dependency: 'high',
      system_access: 'remote',
      criticality_computed: over.tier ?? 1,
      criticality_override: null,
      criticality_reason: null,
      archived: over.archived ? 1 : 0,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id };
}

export interface AuditClauseOver {
  frequencyMonths?: number;
  noticeDays?: number;
  gridId: string;
  triggers?: ClauseTrigger[];
}

export async function makeContract(
  db: Db,
  orgId: string,
  supplierId: string,
  over: { reference?: string; startsOn?: string; endsOn?: string | null; archived?: boolean; audit?: AuditClauseOver } = {},
) {
  const id = newId();
  await db
    .insertInto('supplier_contracts')
    .values({
      id,
      supplier_id: supplierId,
      organization_id: orgId,
      reference: over.reference ?? `C-${id.slice(-6)}`,
      title: 'Contrat de maintenance',
      starts_on: over.startsOn ?? '2026-01-01',
      ends_on: over.endsOn ?? null,
      renewal: 'tacit',
      notice_days: 90,
      incident_notification_hours: 24,
      archived: over.archived ? 1 : 0,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  if (over.audit) {
    await db
      .insertInto('supplier_audit_clauses')
      .values({
        contract_id: id,
        frequency_months: over.audit.frequencyMonths ?? 12,
        grid_id: over.audit.gridId,
        notice_days: over.audit.noticeDays ?? 15,
        payer: 'provider_if_breach',
        cost_cap_eur: null,
        fix_deadline_days: 30,
        triggers: toJson(over.audit.triggers ?? ['incident']),
        hds_report_delay_days: null,
        updated_at: now(),
      })
      .execute();
  }
  return { id };
}

/** An audit row as the audits part would leave it (closed with a closing instant, or pending). */
export async function makeAudit(
  db: Db,
  orgId: string,
  supplierId: string,
  contractId: string | null,
  gridId: string,
  over: { status?: AuditStatus; kind?: AuditKind; dueOn?: string; closedAt?: string | null } = {},
) {
  const id = newId();
  await db
    .insertInto('supplier_audits')
    .values({
      id,
      supplier_id: supplierId,
      organization_id: orgId,
      contract_id: contractId,
      kind: over.kind ?? 'scheduled',
      trigger_reason: null,
      status: over.status ?? 'closed',
      title: 'Audit',
      due_on: over.dueOn ?? '2026-01-01',
      notice_sent_at: null,
      grid_id: gridId,
      grid_version: 1,
      grid_snapshot: toJson({ titleFr: 'Grille', titleEn: 'Grid', definition: tinyGrid }),
      shared: 0,
      provider_agreed_shared_at: null,
      opened_at: null,
      submitted_at: null,
      reviewed_at: null,
      closed_at: over.closedAt ?? null,
      payer: null,
      auditor_account_id: null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id };
}
