/** Campaign and recipient rows for the reporting tests: a delivered email with a known token. */
import type { TestApp } from '../../../../../test/helpers/app.js';
import { makeCampaign, makeRecipient } from '../../../../../test/support/phishing-factory.js';

export async function deliveredRecipient(t: TestApp, organizationId: string, deliveredAt: Date) {
  const at = deliveredAt.toISOString();
  const campaignId = await makeCampaign(t.dbh.db, { organizationId, launchedAt: at });
  const { id, token } = await makeRecipient(t.dbh.db, campaignId, organizationId, { sentAt: at });
  return { campaignId, recipientId: id, token };
}

export async function reportedCount(t: TestApp, campaignId: string): Promise<number> {
  const row = await t.dbh.db
    .selectFrom('phishing_campaign_stats')
    .select('reported')
    .where('campaign_id', '=', campaignId)
    .where('dimension', '=', 'all')
    .executeTakeFirst();
  return Number(row?.reported ?? 0);
}
