import type { Kysely } from 'kysely';

// The staff directory at 100,000 people in one organization: the list shows active people by
// default, so the indexes lead with (organization_id, active) and end with the sort's columns and
// the id tie-breaker. Counting active people and the service/site facets then read the index
// alone; the default, service and site orders read a page straight from it. Sorting by role family
// or by update time sorts the organization's rows (tens of ms at 100,000): no index, to keep imports fast.
// Written against Kysely<any> and never importing app code: migrations are frozen.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('people_org_active_last')
    .on('people')
    .columns(['organization_id', 'active', 'last_name', 'first_name', 'id'])
    .execute();
  await db.schema
    .createIndex('people_org_active_service')
    .on('people')
    .columns(['organization_id', 'active', 'service', 'last_name', 'first_name', 'id'])
    .execute();
  await db.schema
    .createIndex('people_org_active_site')
    .on('people')
    .columns(['organization_id', 'active', 'site', 'last_name', 'first_name', 'id'])
    .execute();
  // A search is a LIKE '%word%' on search_text: reading it from an index instead of the table
  // makes counting the matches about ten times cheaper.
  await db.schema.createIndex('people_org_active_search').on('people').columns(['organization_id', 'active', 'search_text']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['people_org_active_search', 'people_org_active_site', 'people_org_active_service', 'people_org_active_last']) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
