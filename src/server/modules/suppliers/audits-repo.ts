import { type Selectable, sql, type Updateable } from 'kysely';
import { likeEscape, toCount } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import type {
  AuditStatus,
  SupplierAuditAnswersTable,
  SupplierAuditCommentsTable,
  SupplierAuditsTable,
  SupplierEvidenceTable,
} from './tables.js';

export type AuditRow = Selectable<SupplierAuditsTable>;
export type AnswerRow = Selectable<SupplierAuditAnswersTable>;
export type EvidenceRow = Selectable<SupplierEvidenceTable>;
export type CommentRow = Selectable<SupplierAuditCommentsTable>;

export interface AuditListFilter {
  status?: AuditStatus | undefined;
  supplierId?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const contains = (q: string) =>
  `%${q
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Queries of audits and what hangs on them (answers, evidence, comments, participants). */
export const auditsRepo = {
  /** Audits an organization runs or takes part in (shared), with the provider's name. */
  async listForOrg(db: Db, orgId: string, f: AuditListFilter) {
    let q = db
      .selectFrom('supplier_audits')
      .innerJoin('suppliers', 'suppliers.id', 'supplier_audits.supplier_id')
      .where((eb) =>
        eb.or([
          eb('supplier_audits.organization_id', '=', orgId),
          eb(
            'supplier_audits.id',
            'in',
            eb.selectFrom('supplier_audit_participants').select('audit_id').where('organization_id', '=', orgId),
          ),
        ]),
      );
    if (f.status) q = q.where('supplier_audits.status', '=', f.status);
    if (f.supplierId) q = q.where('supplier_audits.supplier_id', '=', f.supplierId);
    if (f.dueFrom) q = q.where('supplier_audits.due_on', '>=', f.dueFrom);
    if (f.dueTo) q = q.where('supplier_audits.due_on', '<=', f.dueTo);
    if (f.q?.trim()) {
      const p = contains(f.q);
      q = q.where(
        sql<boolean>`(rempart_fold(supplier_audits.title) like ${p} escape ${likeEscape} or rempart_fold(suppliers.name) like ${p} escape ${likeEscape})`,
      );
    }
    const total = toCount((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
    const items = await q
      .selectAll('supplier_audits')
      .select('suppliers.name as supplier_name')
      .orderBy('supplier_audits.due_on')
      .orderBy('supplier_audits.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    return { items, total };
  },

  async get(db: Db, id: string): Promise<AuditRow | undefined> {
    return db.selectFrom('supplier_audits').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(db: Db, row: AuditRow): Promise<void> {
    await db.insertInto('supplier_audits').values(row).execute();
  },

  async update(db: Db, id: string, patch: Updateable<SupplierAuditsTable>): Promise<void> {
    await db.updateTable('supplier_audits').set(patch).where('id', '=', id).execute();
  },

  /**
   * Moves an audit from one status to another only if it is still in `from`: two concurrent
   * requests (submit twice, submit while cancelled) cannot both win.
   */
  async transition(db: Db, id: string, from: AuditStatus[], patch: Updateable<SupplierAuditsTable>): Promise<boolean> {
    const r = await db.updateTable('supplier_audits').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async participants(db: Db, auditId: string) {
    return db
      .selectFrom('supplier_audit_participants')
      .innerJoin('organizations', 'organizations.id', 'supplier_audit_participants.organization_id')
      .select([
        'supplier_audit_participants.organization_id',
        'supplier_audit_participants.contract_id',
        'supplier_audit_participants.joined_at',
        'organizations.name',
      ])
      .where('supplier_audit_participants.audit_id', '=', auditId)
      .orderBy('organizations.name')
      .execute();
  },

  async isParticipant(db: Db, auditId: string, orgId: string): Promise<boolean> {
    const r = await db
      .selectFrom('supplier_audit_participants')
      .select('audit_id')
      .where('audit_id', '=', auditId)
      .where('organization_id', '=', orgId)
      .executeTakeFirst();
    return r !== undefined;
  },

  async answers(db: Db, auditId: string): Promise<AnswerRow[]> {
    return db.selectFrom('supplier_audit_answers').selectAll().where('audit_id', '=', auditId).orderBy('question_id').execute();
  },

  async upsertAnswer(db: Db, row: AnswerRow): Promise<void> {
    await db
      .insertInto('supplier_audit_answers')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['audit_id', 'question_id']).doUpdateSet({
          value: row.value,
          comment: row.comment,
          answered_by: row.answered_by,
          answered_at: row.answered_at,
        }),
      )
      .execute();
  },

  async deleteAnswers(db: Db, auditId: string, questionIds: string[]): Promise<void> {
    if (questionIds.length === 0) return;
    await db.deleteFrom('supplier_audit_answers').where('audit_id', '=', auditId).where('question_id', 'in', questionIds).execute();
  },

  async evidence(db: Db, auditId: string): Promise<EvidenceRow[]> {
    return db.selectFrom('supplier_evidence').selectAll().where('audit_id', '=', auditId).orderBy('uploaded_at').orderBy('id').execute();
  },

  async evidenceById(db: Db, auditId: string, id: string): Promise<EvidenceRow | undefined> {
    return db.selectFrom('supplier_evidence').selectAll().where('audit_id', '=', auditId).where('id', '=', id).executeTakeFirst();
  },

  async insertEvidence(db: Db, row: EvidenceRow): Promise<void> {
    await db.insertInto('supplier_evidence').values(row).execute();
  },

  async deleteEvidence(db: Db, id: string): Promise<void> {
    await db.deleteFrom('supplier_evidence').where('id', '=', id).execute();
  },

  async comments(db: Db, auditId: string) {
    return db
      .selectFrom('supplier_audit_comments')
      .leftJoin('accounts', 'accounts.id', 'supplier_audit_comments.author_account_id')
      .selectAll('supplier_audit_comments')
      .select('accounts.display_name as author_name')
      .where('supplier_audit_comments.audit_id', '=', auditId)
      .orderBy('supplier_audit_comments.created_at')
      .orderBy('supplier_audit_comments.id')
      .execute();
  },

  async insertComment(db: Db, row: CommentRow): Promise<void> {
    await db.insertInto('supplier_audit_comments').values(row).execute();
  },
};
