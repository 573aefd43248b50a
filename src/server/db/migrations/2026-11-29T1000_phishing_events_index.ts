import type { Kysely } from 'kysely';

// Tracking speed (bench/phishing-tracking.ts): the index by (recipient_id, kind) put every event
// at a random page of a B-tree, about 20 µs of SQLite time an event out of 35. Its readers were
// the first-click lookup of the tracking listener (a recent click of one recipient) and the
// follow-up job (recent landing and submit events of some recipients): both look at recent
// events of one kind, which (kind, at) serves as well, and there each event is written at the end
// of its kind's range. Retention deletes by campaign (phishing_events_campaign). Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('phishing_events_kind').on('phishing_events').columns(['kind', 'at']).execute();
  await db.schema.dropIndex('phishing_events_recipient').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('phishing_events_recipient').on('phishing_events').columns(['recipient_id', 'kind']).execute();
  await db.schema.dropIndex('phishing_events_kind').execute();
}
