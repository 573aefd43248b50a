import type { ExpressionBuilder } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import type { Executor } from '../identity/shared.js';
import { todayOf } from './calendar-dates.js';
import { type ClauseNeed, type ModelClause, modelClauseSchema, modelClauses } from './clauses-library.js';
import type { AuditClauseRow, ClauseRow } from './contracts-repo.js';
import { type ClauseKey, clauseKeys } from './contracts-schema.js';
import { checklist } from './contracts-service.js';

/**
 * Gap analysis: which clauses a contract lacks, given what its provider does. A provider handling
 * personal data needs the GDPR art. 28 points, reversibility and subcontracting authorisation;
 * health data adds the HDS clauses and data location in the EEA; personal data or any access to
 * the information system (remote maintenance included) needs incident notification and an audit
 * clause. A clause ticked without its figure is a gap too: incident notification without a delay
 * in hours, an audit clause without its structured terms.
 */
export const gapReasons = ['missing', 'delay_missing', 'not_structured'] as const;
export type GapReason = (typeof gapReasons)[number];

export interface ProviderProfile {
  handles_health_data: number;
  data_volume: string;
  system_access: string;
  remote_maintenance: number;
}

export function needs(p: ProviderProfile): Set<ClauseNeed> {
  const out = new Set<ClauseNeed>();
  const health = p.handles_health_data === 1;
  const personal = health || p.data_volume !== 'none';
  if (personal) out.add('personal_data');
  if (health) out.add('health_data');
  if (personal || p.system_access !== 'none' || p.remote_maintenance === 1) out.add('personal_data_or_access');
  return out;
}

export interface Gap {
  key: ClauseKey;
  reason: GapReason;
  model: ModelClause;
}

export function contractGaps(
  provider: ProviderProfile,
  contract: { incident_notification_hours: number | null },
  clauses: ClauseRow[],
  audit: AuditClauseRow | undefined,
  library: ModelClause[] = modelClauses(),
): Gap[] {
  const need = needs(provider);
  const have = new Map(checklist(clauses, audit).map((c) => [c.key, c.present]));
  const gaps: Gap[] = [];
  for (const model of library) {
    if (!need.has(model.requiredFor)) continue;
    const key = model.key;
    if (!have.get(key)) gaps.push({ key, reason: 'missing', model });
    else if (key === 'incident_notification' && contract.incident_notification_hours === null)
      gaps.push({ key, reason: 'delay_missing', model });
    else if (key === 'audit' && audit === undefined) gaps.push({ key, reason: 'not_structured', model });
  }
  return gaps.sort((a, b) => clauseKeys.indexOf(a.key) - clauseKeys.indexOf(b.key));
}

export const gapSchema = z.object({
  key: z.enum(clauseKeys),
  reason: z.enum(gapReasons),
  model: modelClauseSchema.extend({ lastReviewed: z.string() }),
});
export const contractGapsSchema = z.object({
  contractId: z.string(),
  reference: z.string(),
  title: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  gaps: z.array(gapSchema),
});
export type ContractGapsDto = z.infer<typeof contractGapsSchema>;

/** The gaps of one contract, or of every live contract of the organization (those with gaps only). */
export async function gapsOf(db: Executor, organizationId: string, now: Date, contractId?: string): Promise<ContractGapsDto[]> {
  const today = todayOf(now);
  let q = db
    .selectFrom('supplier_contracts as c')
    .innerJoin('suppliers as s', 's.id', 'c.supplier_id')
    .select([
      'c.id',
      'c.reference',
      'c.title',
      'c.incident_notification_hours',
      'c.supplier_id',
      's.name as supplier_name',
      's.handles_health_data',
      's.data_volume',
      's.system_access',
      's.remote_maintenance',
    ])
    .where('c.organization_id', '=', organizationId)
    .where('s.organization_id', '=', organizationId);
  if (contractId) q = q.where('c.id', '=', contractId);
  else {
    q = q
      .where('c.archived', '=', 0)
      .where('s.archived', '=', 0)
      .where((eb) => eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>=', today)]));
  }
  const contracts = await q.orderBy('s.name').orderBy('c.reference').orderBy('c.id').execute();
  if (contracts.length === 0) return [];
  // Read by organization (one indexed pass), not by a list of ids that could outgrow SQLite's parameter limit.
  const ofOrg = (eb: ExpressionBuilder<Database, 'supplier_contract_clauses' | 'supplier_audit_clauses'>) =>
    eb.exists(
      eb
        .selectFrom('supplier_contracts as k')
        .select('k.id')
        .whereRef('k.id', '=', 'contract_id')
        .where('k.organization_id', '=', organizationId)
        .$if(contractId !== undefined, (w) => w.where('k.id', '=', contractId ?? '')),
    );
  const [clauses, audits] = await Promise.all([
    db.selectFrom('supplier_contract_clauses').selectAll().where(ofOrg).execute(),
    db.selectFrom('supplier_audit_clauses').selectAll().where(ofOrg).execute(),
  ]);
  const out = contracts.map((c) => ({
    contractId: c.id,
    reference: c.reference,
    title: c.title,
    supplierId: c.supplier_id,
    supplierName: c.supplier_name,
    gaps: contractGaps(
      c,
      c,
      clauses.filter((r) => r.contract_id === c.id),
      audits.find((a) => a.contract_id === c.id),
    ),
  }));
  return contractId ? out : out.filter((c) => c.gaps.length > 0);
}
