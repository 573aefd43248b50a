import { sql } from 'kysely';
import { toCount } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import type { OrgDashboard } from './dashboard-schema.js';
import { addDays } from './review-audit.js';

/**
 * The provider risk dashboard of one organization, in a handful of grouped queries over indexed
 * columns (organization first): a few thousand providers and tens of thousands of contracts stay
 * well under the 200 ms target (bench/suppliers-dashboard.ts).
 */
const TOP = 10;
const count = (expr: ReturnType<typeof sql>) => sql<number>`sum(case when ${expr} then 1 else 0 end)`;

export async function orgDashboard(db: Db, orgId: string, today: string): Promise<OrgDashboard> {
  const in30 = addDays(today, 30);
  const in90 = addDays(today, 90);

  const suppliers = await db
    .selectFrom('suppliers')
    .select(['id', 'name', 'siren', 'handles_health_data', sql<number>`coalesce(criticality_override, criticality_computed)`.as('tier')])
    .where('organization_id', '=', orgId)
    .where('archived', '=', 0)
    .execute();
  const byTier = { 1: 0, 2: 0, 3: 0, 4: 0 };
  let healthData = 0;
  for (const s of suppliers) {
    const tier = Number(s.tier) as 1 | 2 | 3 | 4;
    if (tier in byTier) byTier[tier]++;
    if (s.handles_health_data === 1) healthData++;
  }

  // The latest certificate of each provider is the one that counts.
  const certs = await db
    .selectFrom('supplier_hds_certificates as c')
    .innerJoin('suppliers as s', 's.id', 'c.supplier_id')
    .select(['c.supplier_id', (eb) => eb.fn.max('c.expires_on').as('expires_on')])
    .where('s.organization_id', '=', orgId)
    .where('s.archived', '=', 0)
    .groupBy('c.supplier_id')
    .execute();
  const certified = new Set(certs.map((c) => c.supplier_id));
  const hds = {
    expired: certs.filter((c) => c.expires_on < today).length,
    expiringIn30Days: certs.filter((c) => c.expires_on >= today && c.expires_on <= in30).length,
    expiringIn90Days: certs.filter((c) => c.expires_on >= today && c.expires_on <= in90).length,
    healthDataWithoutCertificate: suppliers.filter((s) => s.handles_health_data === 1 && !certified.has(s.id)).length,
  };

  // The gap summary each contract keeps (contracts service, migration 2026-11-29T1160): one count
  // over the covering index supplier_contracts_org_gaps, no clause read.
  const contracts = await db
    .selectFrom('supplier_contracts')
    .select([
      (eb) => eb.fn.countAll().as('active'),
      count(sql`lacks_audit_clause = 1`).as('no_audit'),
      count(sql`missing_gdpr28_points > 0`).as('no_gdpr'),
    ])
    .where('organization_id', '=', orgId)
    .where('archived', '=', 0)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
    .executeTakeFirst();

  const audits = await db
    .selectFrom('supplier_audits')
    .select([
      count(sql`status in ('planned', 'open') and due_on < ${today}`).as('overdue'),
      count(sql`status in ('planned', 'open') and due_on >= ${today} and due_on <= ${in30}`).as('due30'),
      count(sql`status in ('open', 'submitted', 'in_review')`).as('open'),
      count(sql`status = 'remediation'`).as('remediation'),
    ])
    .where('organization_id', '=', orgId)
    .where('status', 'not in', ['closed', 'cancelled'])
    .executeTakeFirst();

  const findings = await db
    .selectFrom('supplier_findings as f')
    .innerJoin('supplier_audits as a', 'a.id', 'f.audit_id')
    .select(['f.severity', 'a.supplier_id', (eb) => eb.fn.countAll().as('n'), count(sql`f.due_on < ${today}`).as('overdue')])
    .where('f.organization_id', '=', orgId)
    .where('f.status', '!=', 'closed')
    .groupBy(['f.severity', 'a.supplier_id'])
    .execute();
  const open = { low: 0, medium: 0, high: 0, critical: 0 };
  let overdueFindings = 0;
  const critical = new Map<string, number>();
  for (const f of findings) {
    open[f.severity] += toCount(f.n);
    overdueFindings += toCount(f.overdue);
    if (f.severity === 'critical') critical.set(f.supplier_id, toCount(f.n));
  }

  const late = await db
    .selectFrom('supplier_audits')
    .select('supplier_id')
    .distinct()
    .where('organization_id', '=', orgId)
    .where('status', 'in', ['planned', 'open'])
    .where('due_on', '<', today)
    .execute();
  const overdueSuppliers = new Set(late.map((l) => l.supplier_id));

  const riskiest = suppliers
    .map((s) => {
      const tier = Number(s.tier);
      const openCriticalFindings = critical.get(s.id) ?? 0;
      const overdueAudit = overdueSuppliers.has(s.id);
      return {
        supplierId: s.id,
        name: s.name,
        siren: s.siren,
        tier,
        openCriticalFindings,
        overdueAudit,
        riskScore: (5 - tier) * 10 + openCriticalFindings * 20 + (overdueAudit ? 15 : 0),
      };
    })
    .sort((a, b) => b.riskScore - a.riskScore || a.name.localeCompare(b.name) || a.supplierId.localeCompare(b.supplierId))
    .slice(0, TOP);

  return {
    today,
    providers: { total: suppliers.length, byTier, healthData },
    hds,
    contracts: {
      active: toCount(contracts?.active),
      withoutAuditClause: toCount(contracts?.no_audit),
      missingGdpr28: toCount(contracts?.no_gdpr),
    },
    audits: {
      overdue: toCount(audits?.overdue),
      dueIn30Days: toCount(audits?.due30),
      open: toCount(audits?.open),
      inRemediation: toCount(audits?.remediation),
    },
    findings: { open, overdue: overdueFindings },
    riskiest,
  };
}
