import type { CreateTableBuilder, Kysely } from 'kysely';

// Provider chain: each organization's register of providers (HDS certificate, subcontractor tree,
// contacts, computed criticality), contracts with their clause checklist and structured audit
// clause, audit grids (catalogue from content/suppliers/grids and an organization's own), audits
// (one organization's or shared by several) with answers, evidence, comments, findings, remediation
// steps and costs. Dates of the calendar are "YYYY-MM-DD", instants ISO-8601 UTC text, booleans
// 0/1, JSON as text (ADR 0002). Design: docs/api-suppliers.md. Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
type Db = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
type Table = CreateTableBuilder<any, any>;

const id = (t: Table) => t.addColumn('id', 'text', (c) => c.primaryKey());
const stamps = (t: Table) => t.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull());
const flag = (t: Table, name: string) => t.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));

export async function up(db: Db): Promise<void> {
  let t = id(db.schema.createTable('suppliers'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('provider_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('siren', 'text', (c) => c.notNull())
    .addColumn('siret', 'text')
    .addColumn('services', 'text', (c) => c.notNull().defaultTo(''));
  t = flag(t, 'handles_health_data')
    .addColumn('data_volume', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('storage_locations', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('processing_locations', 'text', (c) => c.notNull().defaultTo('[]'));
  t = flag(t, 'remote_maintenance')
    .addColumn('remote_maintenance_details', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('dependency', 'text', (c) => c.notNull().defaultTo('low'))
    .addColumn('system_access', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('criticality_computed', 'integer', (c) => c.notNull())
    .addColumn('criticality_override', 'integer')
    .addColumn('criticality_reason', 'text');
  await stamps(flag(t, 'archived')).execute();
  await db.schema.createIndex('suppliers_org_name').on('suppliers').columns(['organization_id', 'name']).execute();
  await db.schema.createIndex('suppliers_siren').on('suppliers').columns(['siren']).execute();
  await db.schema.createIndex('suppliers_provider_org').on('suppliers').columns(['provider_organization_id']).execute();

  await id(db.schema.createTable('supplier_hds_certificates'))
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('activities', 'text', (c) => c.notNull())
    .addColumn('certifying_body', 'text', (c) => c.notNull())
    .addColumn('certificate_number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('alert_90_sent_at', 'text')
    .addColumn('alert_30_sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supplier_hds_supplier').on('supplier_hds_certificates').columns(['supplier_id']).execute();
  await db.schema.createIndex('supplier_hds_expiry').on('supplier_hds_certificates').columns(['expires_on']).execute();

  await flag(
    id(db.schema.createTable('supplier_subcontractors'))
      .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
      .addColumn('parent_id', 'text', (c) => c.references('supplier_subcontractors.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('siren', 'text')
      .addColumn('service', 'text', (c) => c.notNull().defaultTo('')),
    'handles_health_data',
  )
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supplier_subcontractors_supplier').on('supplier_subcontractors').columns(['supplier_id']).execute();

  await id(db.schema.createTable('supplier_contacts'))
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supplier_contacts_supplier').on('supplier_contacts').columns(['supplier_id']).execute();
  await db.schema.createIndex('supplier_contacts_email').on('supplier_contacts').columns(['email']).execute();

  await stamps(
    flag(
      id(db.schema.createTable('supplier_contracts'))
        .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text')
        .addColumn('renewal', 'text', (c) => c.notNull().defaultTo('none'))
        .addColumn('notice_days', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('incident_notification_hours', 'integer'),
      'archived',
    ),
  ).execute();
  await db.schema.createIndex('supplier_contracts_supplier').on('supplier_contracts').columns(['supplier_id']).execute();
  await db.schema.createIndex('supplier_contracts_org').on('supplier_contracts').columns(['organization_id', 'ends_on']).execute();

  await flag(
    db.schema
      .createTable('supplier_contract_clauses')
      .addColumn('contract_id', 'text', (c) => c.notNull().references('supplier_contracts.id')),
    'present',
  )
    .addColumn('clause_key', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('supplier_contract_clauses_pk', ['contract_id', 'clause_key'])
    .execute();

  await db.schema
    .createTable('supplier_audit_clauses')
    .addColumn('contract_id', 'text', (c) => c.primaryKey().references('supplier_contracts.id'))
    .addColumn('frequency_months', 'integer', (c) => c.notNull())
    .addColumn('grid_id', 'text', (c) => c.notNull())
    .addColumn('notice_days', 'integer', (c) => c.notNull())
    .addColumn('payer', 'text', (c) => c.notNull())
    .addColumn('cost_cap_eur', 'integer')
    .addColumn('fix_deadline_days', 'integer', (c) => c.notNull())
    .addColumn('triggers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('hds_report_delay_days', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await stamps(
    flag(
      id(db.schema.createTable('supplier_grids'))
        .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('forked_from', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('title_fr', 'text', (c) => c.notNull())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull()),
      'archived',
    ),
  ).execute();
  await db.schema.createIndex('supplier_grids_org').on('supplier_grids').columns(['organization_id']).execute();

  let a = id(db.schema.createTable('supplier_audits'))
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('contract_id', 'text', (c) => c.references('supplier_contracts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('trigger_reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('notice_sent_at', 'text')
    .addColumn('grid_id', 'text', (c) => c.notNull().references('supplier_grids.id'))
    .addColumn('grid_version', 'integer', (c) => c.notNull())
    .addColumn('grid_snapshot', 'text', (c) => c.notNull());
  a = flag(a, 'shared')
    .addColumn('provider_agreed_shared_at', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('payer', 'text')
    .addColumn('auditor_account_id', 'text', (c) => c.references('accounts.id'));
  await stamps(a).execute();
  await db.schema.createIndex('supplier_audits_org_due').on('supplier_audits').columns(['organization_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('supplier_audits_supplier').on('supplier_audits').columns(['supplier_id', 'status']).execute();
  await db.schema.createIndex('supplier_audits_contract').on('supplier_audits').columns(['contract_id']).execute();

  await db.schema
    .createTable('supplier_audit_participants')
    .addColumn('audit_id', 'text', (c) => c.notNull().references('supplier_audits.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('contract_id', 'text', (c) => c.references('supplier_contracts.id'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supplier_audit_participants_pk', ['audit_id', 'organization_id'])
    .execute();
  await db.schema.createIndex('supplier_audit_participants_org').on('supplier_audit_participants').columns(['organization_id']).execute();

  await db.schema
    .createTable('supplier_audit_answers')
    .addColumn('audit_id', 'text', (c) => c.notNull().references('supplier_audits.id'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answered_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addColumn('rating', 'text')
    .addColumn('rating_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rated_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('rated_at', 'text')
    .addPrimaryKeyConstraint('supplier_audit_answers_pk', ['audit_id', 'question_id'])
    .execute();

  await id(db.schema.createTable('supplier_evidence'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('supplier_audits.id'))
    .addColumn('question_id', 'text')
    .addColumn('finding_id', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supplier_evidence_audit').on('supplier_evidence').columns(['audit_id', 'question_id']).execute();

  await id(db.schema.createTable('supplier_audit_comments'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('supplier_audits.id'))
    .addColumn('question_id', 'text')
    .addColumn('author_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supplier_audit_comments_audit').on('supplier_audit_comments').columns(['audit_id', 'created_at']).execute();

  await stamps(
    id(db.schema.createTable('supplier_findings'))
      .addColumn('audit_id', 'text', (c) => c.notNull().references('supplier_audits.id'))
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('question_id', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('root_cause', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text')
      .addColumn('closed_at', 'text'),
  ).execute();
  await db.schema.createIndex('supplier_findings_audit').on('supplier_findings').columns(['audit_id']).execute();
  await db.schema.createIndex('supplier_findings_org').on('supplier_findings').columns(['organization_id', 'status']).execute();

  await id(db.schema.createTable('supplier_remediation_steps'))
    .addColumn('finding_id', 'text', (c) => c.notNull().references('supplier_findings.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supplier_remediation_finding').on('supplier_remediation_steps').columns(['finding_id']).execute();

  await id(db.schema.createTable('supplier_audit_costs'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('supplier_audits.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addColumn('incurred_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supplier_audit_costs_audit').on('supplier_audit_costs').columns(['audit_id']).execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    'supplier_audit_costs',
    'supplier_remediation_steps',
    'supplier_findings',
    'supplier_audit_comments',
    'supplier_evidence',
    'supplier_audit_answers',
    'supplier_audit_participants',
    'supplier_audits',
    'supplier_grids',
    'supplier_audit_clauses',
    'supplier_contract_clauses',
    'supplier_contracts',
    'supplier_contacts',
    'supplier_subcontractors',
    'supplier_hds_certificates',
    'suppliers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
