import type { Selectable } from 'kysely';
import { fromJson, toJson } from '../../db/dialect.js';
import type { AuditActor, AuditLog } from '../../platform/audit-log/audit-log.js';
import { newId } from '../../platform/ids.js';
import type { Executor } from '../identity/shared.js';
import { gridDefinitionSchema } from './grid-definition.js';
import type { AuditKind, ClausePayer, SupplierAuditsTable } from './tables.js';

export type PlannedAuditRow = Selectable<SupplierAuditsTable>;

export interface PlanAuditInput {
  organizationId: string;
  supplierId: string;
  contractId: string | null;
  kind: AuditKind;
  /** Triggered audits: "incident", "breach" or "subcontractor_change", then ": " and the note if any. */
  triggerReason: string | null;
  dueOn: string;
  gridId: string;
  /** Default: "<grid title (fr)> – <provider name>". */
  title?: string;
  payer?: ClausePayer | null;
  /** Instant of creation (ISO-8601 UTC). */
  now: string;
}

/**
 * Inserts a `planned` audit with a frozen copy of its grid ({ titleFr, titleEn, definition }, the
 * shape the audits part reads), and audits the insert, in the caller's transaction. Returns null,
 * writing nothing, when the provider is not in the organization's register or the grid is missing,
 * archived, foreign or malformed: the caller decides whether that is an error (a request) or a
 * skip (the calendar job). Shared by the calendar, triggered audits and audits planned by hand.
 */
export async function planAudit(trx: Executor, log: AuditLog, who: AuditActor, input: PlanAuditInput): Promise<PlannedAuditRow | null> {
  const supplier = await trx
    .selectFrom('suppliers')
    .select(['id', 'name'])
    .where('id', '=', input.supplierId)
    .where('organization_id', '=', input.organizationId)
    .executeTakeFirst();
  if (!supplier) return null;
  const grid = await trx
    .selectFrom('supplier_grids')
    .selectAll()
    .where('id', '=', input.gridId)
    .where('archived', '=', 0)
    .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', input.organizationId)]))
    .executeTakeFirst();
  const definition = grid ? gridDefinitionSchema.safeParse(fromJson(grid.definition, null)) : null;
  if (!grid || !definition?.success) return null;
  const row: PlannedAuditRow = {
    id: newId(),
    supplier_id: supplier.id,
    organization_id: input.organizationId,
    contract_id: input.contractId,
    kind: input.kind,
    trigger_reason: input.triggerReason,
    status: 'planned',
    title: input.title ?? `${grid.title_fr} – ${supplier.name}`,
    due_on: input.dueOn,
    notice_sent_at: null,
    grid_id: grid.id,
    grid_version: grid.version,
    grid_snapshot: toJson({ titleFr: grid.title_fr, titleEn: grid.title_en, definition: definition.data }),
    shared: 0,
    provider_agreed_shared_at: null,
    opened_at: null,
    submitted_at: null,
    reviewed_at: null,
    closed_at: null,
    payer: input.payer ?? null,
    auditor_account_id: null,
    created_at: input.now,
    updated_at: input.now,
  };
  await trx.insertInto('supplier_audits').values(row).execute();
  await log.record(trx, who, {
    action: 'suppliers.audit.created',
    entityType: 'supplier_audit',
    entityId: row.id,
    organizationId: input.organizationId,
    after: {
      id: row.id,
      status: row.status,
      kind: row.kind,
      dueOn: row.due_on,
      supplierId: row.supplier_id,
      contractId: row.contract_id,
      triggerReason: row.trigger_reason,
      gridId: grid.id,
      gridVersion: grid.version,
    },
  });
  return row;
}
