import type { AppDeps } from '../../platform/context.js';
import type { Locale } from '../../platform/errors.js';
import type { AuditCosts } from './costs-schema.js';
import { CostsService } from './costs-service.js';
import type { Finding } from './findings-schema.js';
import { FindingsService } from './findings-service.js';
import { questionsOf } from './grid-definition.js';
import { auditFor, snapshotOf } from './review-audit.js';
import type { ReviewView } from './review-schema.js';
import { ReviewService } from './review-service.js';
import type { SupplierAuditClausesTable, SupplierContractsTable } from './tables.js';

/** Everything the audit report shows, gathered through the same services as the API. */
export interface AuditReport {
  review: ReviewView;
  supplier: { name: string; siren: string; services: string; healthData: boolean; tier: number };
  contract: Pick<SupplierContractsTable, 'reference' | 'title' | 'starts_on' | 'ends_on'> | null;
  clause: Pick<
    SupplierAuditClausesTable,
    'frequency_months' | 'notice_days' | 'payer' | 'cost_cap_eur' | 'fix_deadline_days' | 'triggers'
  > | null;
  clausesPresent: string[];
  findings: Finding[];
  costs: AuditCosts;
  /** Option labels by question and option id, to print choices as words. */
  options: Map<string, Map<string, string>>;
}

export async function auditReport(deps: AppDeps, orgId: string, auditId: string, locale: Locale): Promise<AuditReport> {
  const db = deps.db;
  const { audit } = await auditFor(db, orgId, auditId, 'read');
  const review = await new ReviewService(deps).view(orgId, auditId, locale);
  const s = await db.selectFrom('suppliers').selectAll().where('id', '=', audit.supplier_id).executeTakeFirstOrThrow();
  const contract = audit.contract_id
    ? ((await db
        .selectFrom('supplier_contracts')
        .select(['reference', 'title', 'starts_on', 'ends_on'])
        .where('id', '=', audit.contract_id)
        .executeTakeFirst()) ?? null)
    : null;
  const clause = audit.contract_id
    ? ((await db
        .selectFrom('supplier_audit_clauses')
        .select(['frequency_months', 'notice_days', 'payer', 'cost_cap_eur', 'fix_deadline_days', 'triggers'])
        .where('contract_id', '=', audit.contract_id)
        .executeTakeFirst()) ?? null)
    : null;
  const present = audit.contract_id
    ? await db
        .selectFrom('supplier_contract_clauses')
        .select('clause_key')
        .where('contract_id', '=', audit.contract_id)
        .where('present', '=', 1)
        .orderBy('clause_key')
        .execute()
    : [];
  const options = new Map<string, Map<string, string>>();
  for (const q of questionsOf(snapshotOf(audit).grid)) {
    options.set(q.id, new Map((q.options ?? []).map((o) => [o.id, o.label[locale]])));
  }
  return {
    review,
    supplier: {
      name: s.name,
      siren: s.siren,
      services: s.services,
      healthData: s.handles_health_data === 1,
      tier: Number(s.criticality_override ?? s.criticality_computed),
    },
    contract,
    clause,
    clausesPresent: present.map((p) => p.clause_key),
    findings: await new FindingsService(deps).ofAudit(orgId, auditId),
    costs: await new CostsService(deps).ofAudit(orgId, auditId),
    options,
  };
}
