import { fromJson } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import { Conflict, NotFound } from '../../platform/errors.js';
import { type GridDefinition, gridDefinitionSchema } from './grid-definition.js';
import type { AuditStatus, SupplierAuditsTable } from './tables.js';

/**
 * How the review part reaches an audit: the organization running it (the lead) reviews it; the
 * other participants of a shared audit read it (answers, findings, their share of the costs).
 * Anyone else gets a 404, never a hint that the audit exists.
 */
export type AuditRow = SupplierAuditsTable;
export interface AuditAccess {
  audit: AuditRow;
  lead: boolean;
}

export async function auditFor(db: Db, orgId: string, auditId: string, need: 'read' | 'lead'): Promise<AuditAccess> {
  const audit = await db.selectFrom('supplier_audits').selectAll().where('id', '=', auditId).executeTakeFirst();
  if (!audit) throw new NotFound('audit');
  if (audit.organization_id === orgId) return { audit, lead: true };
  if (need === 'read') {
    const p = await db
      .selectFrom('supplier_audit_participants')
      .select('organization_id')
      .where('audit_id', '=', auditId)
      .where('organization_id', '=', orgId)
      .executeTakeFirst();
    if (p) return { audit, lead: false };
  }
  throw new NotFound('audit');
}

/** 409 unless the audit is in one of these states. */
export function requireStatus(audit: AuditRow, allowed: AuditStatus[], code: string, what: { fr: string; en: string }): void {
  if (!allowed.includes(audit.status)) {
    throw new Conflict(code, {
      fr: `${what.fr} (audit à l’état « ${audit.status} »).`,
      en: `${what.en} (audit status "${audit.status}").`,
    });
  }
}

export interface GridSnapshot {
  title: { fr: string; en: string };
  grid: GridDefinition;
}

/**
 * The grid frozen in the audit. Tolerates the definition at the top level or under `definition`,
 * and the titles as `titleFr`/`titleEn` or `title: {fr, en}`: the audits part writes it.
 */
export function snapshotOf(audit: Pick<AuditRow, 'grid_snapshot' | 'title'>): GridSnapshot {
  const raw = fromJson<Record<string, unknown>>(audit.grid_snapshot, {});
  const nested = raw.definition && typeof raw.definition === 'object' ? (raw.definition as Record<string, unknown>) : raw;
  const parsed = gridDefinitionSchema.safeParse({ sections: nested.sections ?? raw.sections });
  const t = (raw.title ?? {}) as { fr?: string; en?: string };
  const fr = String(raw.titleFr ?? raw.title_fr ?? t.fr ?? audit.title);
  const en = String(raw.titleEn ?? raw.title_en ?? t.en ?? fr);
  return { title: { fr, en }, grid: parsed.success ? parsed.data : { sections: [] } };
}

/** A calendar day plus n days, both "YYYY-MM-DD". */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The organizations sharing an audit, the lead first, each with the contract it holds with the provider. */
export async function establishmentsOf(db: Db, audit: AuditRow): Promise<Array<{ organizationId: string; contractId: string | null }>> {
  const participants = await db
    .selectFrom('supplier_audit_participants')
    .select(['organization_id', 'contract_id'])
    .where('audit_id', '=', audit.id)
    .orderBy('joined_at')
    .orderBy('organization_id')
    .execute();
  const out = [{ organizationId: audit.organization_id, contractId: audit.contract_id }];
  for (const p of participants) {
    if (p.organization_id !== audit.organization_id) out.push({ organizationId: p.organization_id, contractId: p.contract_id });
  }
  return out;
}
