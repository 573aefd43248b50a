import type { Insertable } from 'kysely';
import { toBool01, toJson } from '../../src/server/db/dialect.js';
import type { Db } from '../../src/server/db/index.js';
import type { GridDefinition } from '../../src/server/modules/suppliers/grid-definition.js';
import type {
  AuditKind,
  AuditStatus,
  ClauseTrigger,
  SupplierAuditsTable,
  SupplierContractsTable,
  SupplierGridsTable,
  SuppliersTable,
} from '../../src/server/modules/suppliers/tables.js';
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

/** Row columns a factory names; an undefined one keeps the default (so `over.x` passes straight through). */
type Given<T> = { [K in keyof T]?: T[K] | undefined };
const given = <T extends object>(row: Given<T>): Partial<T> =>
  Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The grid row the suppliers factories start from: an organization's own grid (the catalogue's without one). */
export async function insertGrid(db: Db, orgId: string | null, row: Given<Insertable<SupplierGridsTable>> = {}) {
  const id = row.id ?? newId();
  await db
    .insertInto('supplier_grids')
    .values({
      organization_id: orgId,
      origin: orgId ? 'custom' : 'catalogue',
      forked_from: null,
      version: 1,
      title_fr: 'Grille de test',
      title_en: 'Test grid',
      definition: toJson(tinyGrid),
      archived: 0,
      created_at: now(),
      updated_at: now(),
      ...given<Insertable<SupplierGridsTable>>(row),
      id,
    })
    .execute();
  return { id };
}

export const makeGrid = (db: Db, orgId: string | null, over: { archived?: boolean } = {}) =>
  insertGrid(db, orgId, { version: 3, archived: toBool01(over.archived ?? false) });

/**
 * The supplier row every suppliers factory (register, audits, review) starts from: a critical
 * provider handling health data, hosted in France. Each factory names only what its tests vary.
 */
export async function insertSupplier(db: Db, orgId: string, row: Given<Insertable<SuppliersTable>> = {}) {
  const id = row.id ?? newId();
  await db
    .insertInto('suppliers')
    .values({
      organization_id: orgId,
      provider_organization_id: null,
      name: `Prestataire ${id.slice(-6)}`,
      siren: SIRENS[0],
      siret: null,
      services: 'Logiciel de laboratoire',
      handles_health_data: 1,
      data_volume: 'over_100k',
      storage_locations: '["FR"]',
      processing_locations: '["FR"]',
      remote_maintenance: 1,
      remote_maintenance_details: '',
      dependency: 'high',
      system_access: 'remote',
      criticality_computed: 1,
      criticality_override: null,
      criticality_reason: null,
      archived: 0,
      created_at: now(),
      updated_at: now(),
      ...given<Insertable<SuppliersTable>>(row),
      id,
    })
    .execute();
  return { id };
}

export function makeSupplier(
  db: Db,
  orgId: string,
  over: { name?: string; siren?: string; healthData?: boolean; archived?: boolean; tier?: 1 | 2 | 3 | 4 } = {},
) {
  const health = over.healthData !== false;
  return insertSupplier(db, orgId, {
    name: over.name,
    siren: over.siren,
    handles_health_data: toBool01(health),
    data_volume: health ? 'over_100k' : 'none',
    criticality_computed: over.tier,
    archived: toBool01(over.archived ?? false),
  });
}

/** The contract row the suppliers factories start from: open-ended, tacitly renewed, 90 days' notice. */
export async function insertContract(db: Db, orgId: string, supplierId: string, row: Given<Insertable<SupplierContractsTable>> = {}) {
  const id = row.id ?? newId();
  await db
    .insertInto('supplier_contracts')
    .values({
      supplier_id: supplierId,
      organization_id: orgId,
      reference: `C-${id.slice(-6)}`,
      title: 'Contrat de maintenance',
      starts_on: '2026-01-01',
      ends_on: null,
      renewal: 'tacit',
      notice_days: 90,
      incident_notification_hours: 24,
      archived: 0,
      created_at: now(),
      updated_at: now(),
      ...given<Insertable<SupplierContractsTable>>(row),
      id,
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
  const { id } = await insertContract(db, orgId, supplierId, {
    reference: over.reference,
    starts_on: over.startsOn,
    ends_on: over.endsOn,
    archived: toBool01(over.archived ?? false),
  });
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

/**
 * The audit row the suppliers factories start from: a scheduled audit closed on the grid of the
 * register's tests (`grid_snapshot` in the shape the calendar writes, calendar-plan.ts).
 */
export async function insertAudit(
  db: Db,
  row: Pick<Insertable<SupplierAuditsTable>, 'organization_id' | 'supplier_id' | 'grid_id'> & Given<Insertable<SupplierAuditsTable>>,
) {
  const id = row.id ?? newId();
  await db
    .insertInto('supplier_audits')
    .values({
      contract_id: null,
      kind: 'scheduled',
      trigger_reason: null,
      status: 'closed',
      title: 'Audit',
      due_on: '2026-01-01',
      notice_sent_at: null,
      grid_version: 1,
      grid_snapshot: toJson({ titleFr: 'Grille', titleEn: 'Grid', definition: tinyGrid }),
      shared: 0,
      provider_agreed_shared_at: null,
      opened_at: null,
      submitted_at: null,
      reviewed_at: null,
      closed_at: null,
      payer: null,
      auditor_account_id: null,
      created_at: now(),
      updated_at: now(),
      ...given<Insertable<SupplierAuditsTable>>(row),
      id,
      organization_id: row.organization_id,
      supplier_id: row.supplier_id,
      grid_id: row.grid_id,
    })
    .execute();
  return { id };
}

/** An audit row as the audits part would leave it (closed with a closing instant, or pending). */
export function makeAudit(
  db: Db,
  orgId: string,
  supplierId: string,
  contractId: string | null,
  gridId: string,
  over: { status?: AuditStatus; kind?: AuditKind; dueOn?: string; closedAt?: string | null } = {},
) {
  return insertAudit(db, {
    organization_id: orgId,
    supplier_id: supplierId,
    contract_id: contractId,
    grid_id: gridId,
    kind: over.kind,
    status: over.status,
    due_on: over.dueOn,
    closed_at: over.closedAt,
  });
}
