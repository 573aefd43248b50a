import type { ExpressionBuilder } from 'kysely';
import { toCount } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import type { Finding, FindingsQuery } from './findings-schema.js';

type Eb = ExpressionBuilder<Database, 'supplier_findings' | 'supplier_audits' | 'suppliers'>;

const base = (db: Db) =>
  db
    .selectFrom('supplier_findings')
    .innerJoin('supplier_audits', 'supplier_audits.id', 'supplier_findings.audit_id')
    .innerJoin('suppliers', 'suppliers.id', 'supplier_audits.supplier_id');

/** Findings an organization sees: those of the audits it runs, and of the shared audits it takes part in. */
const visibleTo = (orgId: string) => (eb: Eb) =>
  eb.or([
    eb('supplier_findings.organization_id', '=', orgId),
    eb(
      'supplier_findings.audit_id',
      'in',
      eb.selectFrom('supplier_audit_participants').select('audit_id').where('supplier_audit_participants.organization_id', '=', orgId),
    ),
  ]);

const columns = [
  'supplier_findings.id',
  'supplier_findings.audit_id',
  'supplier_findings.organization_id',
  'supplier_findings.question_id',
  'supplier_findings.title',
  'supplier_findings.description',
  'supplier_findings.severity',
  'supplier_findings.root_cause',
  'supplier_findings.status',
  'supplier_findings.due_on',
  'supplier_findings.closed_at',
  'supplier_findings.created_at',
  'supplier_findings.updated_at',
  'supplier_audits.title as audit_title',
  'supplier_audits.supplier_id',
  'suppliers.name as supplier_name',
] as const;

/** Findings with their steps and evidence, as the API shows them. */
async function present(db: Db, rows: Awaited<ReturnType<typeof findingRows>>, today: string): Promise<Finding[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const steps = await db
    .selectFrom('supplier_remediation_steps')
    .selectAll()
    .where('finding_id', 'in', ids)
    .orderBy('due_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const evidence = await db
    .selectFrom('supplier_evidence')
    .select(['id', 'finding_id', 'file_name', 'media_type', 'uploaded_at'])
    .where('finding_id', 'in', ids)
    .orderBy('uploaded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    auditId: r.audit_id,
    auditTitle: r.audit_title,
    organizationId: r.organization_id,
    supplierId: r.supplier_id,
    supplierName: r.supplier_name,
    questionId: r.question_id,
    title: r.title,
    description: r.description,
    severity: r.severity,
    rootCause: r.root_cause,
    status: r.status,
    dueOn: r.due_on,
    overdue: r.status !== 'closed' && r.due_on !== null && r.due_on < today,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    steps: steps
      .filter((s) => s.finding_id === r.id)
      .map((s) => ({ id: s.id, description: s.description, dueOn: s.due_on, status: s.status, doneAt: s.done_at })),
    evidence: evidence
      .filter((e) => e.finding_id === r.id)
      .map((e) => ({ id: e.id, fileName: e.file_name, mediaType: e.media_type, uploadedAt: e.uploaded_at })),
  }));
}

function findingRows(db: Db, where: (eb: Eb) => ReturnType<Eb['and']>, page?: { limit: number; offset: number }) {
  let q = base(db)
    .select([...columns])
    .where(where)
    .orderBy('supplier_findings.due_on')
    .orderBy('supplier_findings.id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return q.execute();
}

export async function findingsOfAudit(db: Db, auditId: string, today: string): Promise<Finding[]> {
  return present(db, await findingRows(db, (eb) => eb.and([eb('supplier_findings.audit_id', '=', auditId)])), today);
}

export async function findingById(db: Db, orgId: string | null, findingId: string, today: string): Promise<Finding | undefined> {
  const rows = await findingRows(db, (eb) =>
    eb.and(
      orgId === null ? [eb('supplier_findings.id', '=', findingId)] : [eb('supplier_findings.id', '=', findingId), visibleTo(orgId)(eb)],
    ),
  );
  return (await present(db, rows, today))[0];
}

/** The organization's action-plan feed: its findings (and those of shared audits it is in), filtered and paged. */
export async function findingsOfOrg(db: Db, orgId: string, q: FindingsQuery, today: string) {
  const where = (eb: Eb) => {
    const parts = [visibleTo(orgId)(eb)];
    if (q.status === 'unclosed') parts.push(eb('supplier_findings.status', '!=', 'closed'));
    else if (q.status) parts.push(eb('supplier_findings.status', '=', q.status));
    if (q.severity) parts.push(eb('supplier_findings.severity', '=', q.severity));
    return eb.and(parts);
  };
  const total = await base(db)
    .select((eb) => eb.fn.countAll().as('n'))
    .where(where)
    .executeTakeFirst();
  const rows = await findingRows(db, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: await present(db, rows, today), total: toCount(total?.n), page: q.page, pageSize: q.pageSize };
}
