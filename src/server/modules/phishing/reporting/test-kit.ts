/** Campaign and recipient rows for the reporting tests: a delivered email with a known token. */
import type { TestApp } from '../../../../../test/helpers/app.js';
import { makeProfile, makeTemplate } from '../../../../../test/support/phishing-factory.js';
import { newId } from '../../../platform/ids.js';
import { newToken, tokenHash } from '../tokens.js';

export async function deliveredRecipient(t: TestApp, organizationId: string, deliveredAt: Date) {
  const db = t.dbh.db;
  const template = await makeTemplate(db);
  const profile = await makeProfile(db, { organizationId });
  const campaignId = newId();
  const at = deliveredAt.toISOString();
  await db
    .insertInto('phishing_campaigns')
    .values({
      id: campaignId,
      organization_id: organizationId,
      territory_id: null,
      name: 'Quota de messagerie',
      status: 'running',
      template_id: template.id,
      template_version: 1,
      difficulty: 'moderately-difficult',
      landing_page_id: null,
      sending_profile_id: profile.id,
      learning_module_id: null,
      targets: JSON.stringify({ criteria: {} }),
      anonymous: 0,
      retention_days: 365,
      launch_at: at,
      spread_until: at,
      paused_at: null,
      launched_at: at,
      completed_at: null,
      purged_at: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const token = newToken();
  const id = newId();
  await db
    .insertInto('phishing_recipients')
    .values({
      id,
      campaign_id: campaignId,
      organization_id: organizationId,
      person_id: null,
      email: `cible.${id.slice(-8)}@staff.test`,
      first_name: 'Camille',
      last_name: 'Martin',
      service: 'Urgences',
      role_family: null,
      site: null,
      token_hash: tokenHash(token),
      send_order: 1,
      scheduled_at: at,
      status: 'delivered',
      attempts: 1,
      next_attempt_at: null,
      claimed_by: null,
      last_error: null,
      message_id: null,
      sent_at: at,
      delivered_at: at,
      opened_at: null,
      clicked_at: null,
      submitted_at: null,
      reported_at: null,
      scanner_flagged: 0,
    })
    .execute();
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
