/** Test-only rows for the results, retention and transparency tests (imported by *.test.ts beside this file). */
import type { Db } from '../../db/index.js';
import { newId } from '../../platform/ids.js';
import { STATS_COUNTERS, type StatsCounter } from './stats.js';
import type { EventKind, StatsDimension } from './tables.js';

// The PDF reader is shared with the end-to-end suite; the results and report tests import it from here.
export { pdfText } from '../../../../test/support/pdf-text.js';
// Campaigns and recipients come from the shared factory, under the names these tests use.
export { makeCampaign as insertCampaign, makeRecipient as insertRecipient } from '../../../../test/support/phishing-factory.js';

export async function insertEvent(db: Db, campaignId: string, recipientId: string, kind: EventKind, at: string) {
  await db
    .insertInto('phishing_events')
    .values({
      id: newId(),
      campaign_id: campaignId,
      recipient_id: recipientId,
      kind,
      at,
      scanner_reason: null,
      user_agent: 'Mozilla',
      address: '10.0.0.1',
    })
    .execute();
}

export async function insertStats(
  db: Db,
  campaignId: string,
  organizationId: string,
  dimension: StatsDimension,
  key: string,
  c: Partial<Record<StatsCounter, number>>,
) {
  const zero = Object.fromEntries(STATS_COUNTERS.map((n) => [n, 0])) as Record<StatsCounter, number>;
  await db
    .insertInto('phishing_campaign_stats')
    .values({
      ...zero,
      ...c,
      campaign_id: campaignId,
      organization_id: organizationId,
      dimension,
      group_key: key,
      updated_at: '2026-11-01T09:00:00.000Z',
    })
    .execute();
}
