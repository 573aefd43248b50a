import type { Kysely } from 'kysely';

// Provider risk dashboard (bench/suppliers-dashboard.ts): the live contracts of an organization are
// counted from the index alone, and the GDPR art. 28 points of each contract are checked from a
// covering index (contract, present, clause key) instead of one table read per clause.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createIndex('supplier_contracts_org_live')
    .on('supplier_contracts')
    .columns(['organization_id', 'archived', 'ends_on', 'id'])
    .execute();
  await db.schema
    .createIndex('supplier_contract_clauses_present')
    .on('supplier_contract_clauses')
    .columns(['contract_id', 'present', 'clause_key'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('supplier_contract_clauses_present').execute();
  await db.schema.dropIndex('supplier_contracts_org_live').execute();
}
