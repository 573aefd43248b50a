import { sql } from 'kysely';
import type { AppDeps } from '../../platform/context.js';

const DAY_MS = 86_400_000;

export interface PurgeOutcome {
  campaignId: string;
  recipients: number;
  events: number;
}

/**
 * Daily job: the campaigns that ended (completed or cancelled) more than their retention_days ago
 * forget who received them. Recipients keep their groups (service, role family, site) and
 * first-time columns, lose every identity (person, email, names, provider answers that may quote
 * the address) and their token hash, so the links sent stop working; events are deleted; simulation
 * reports lose their reporter. phishing_campaign_stats stays: the figures outlive the people.
 * One transaction per campaign, audited as `phishing.campaign.purge`. The candidate query reads
 * the few campaigns not yet purged, so running it at every scheduler tick costs nothing.
 */
export async function purgeExpiredCampaigns(deps: AppDeps, now: Date): Promise<PurgeOutcome[]> {
  const candidates = await deps.db
    .selectFrom('phishing_campaigns')
    .select(['id', 'organization_id', 'territory_id', 'status', 'completed_at', 'retention_days'])
    .where('status', 'in', ['completed', 'cancelled'])
    .where('purged_at', 'is', null)
    .where('completed_at', 'is not', null)
    .execute();
  const due = candidates.filter((c) => Date.parse(c.completed_at ?? '') + c.retention_days * DAY_MS <= now.getTime());
  const at = now.toISOString();
  const out: PurgeOutcome[] = [];
  for (const c of due) {
    const outcome = await deps.db.transaction().execute(async (trx) => {
      // Another process may have purged it meanwhile: only the one that sets purged_at goes on.
      const claimed = await trx
        .updateTable('phishing_campaigns')
        .set({ purged_at: at, updated_at: at })
        .where('id', '=', c.id)
        .where('purged_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return null;
      const recipientIds = trx.selectFrom('phishing_recipients').select('id').where('campaign_id', '=', c.id);
      await trx
        .updateTable('phishing_reports')
        .set({ reporter_email: null, reporter_person_id: null, excerpt: '', urls: '[]' })
        .where('recipient_id', 'in', recipientIds)
        .execute();
      const events = await trx.deleteFrom('phishing_events').where('campaign_id', '=', c.id).executeTakeFirst();
      const recipients = await trx
        .updateTable('phishing_recipients')
        .set({
          person_id: null,
          email: null,
          first_name: null,
          last_name: null,
          message_id: null,
          last_error: null,
          claimed_by: null,
          // Not a sha256 hex: no token can hash to it, and it stays unique.
          token_hash: sql<string>`'purged:' || id`,
        })
        .where('campaign_id', '=', c.id)
        .executeTakeFirst();
      const result = { campaignId: c.id, recipients: Number(recipients.numUpdatedRows), events: Number(events.numDeletedRows) };
      await deps.audit.record(
        trx,
        { accountId: null, label: 'job:phishing.retention-purge', ip: null },
        {
          action: 'phishing.campaign.purge',
          entityType: 'phishing_campaign',
          entityId: c.id,
          organizationId: c.organization_id,
          territoryId: c.territory_id,
          before: { status: c.status, completedAt: c.completed_at, retentionDays: c.retention_days, purgedAt: null },
          after: { purgedAt: at, recipientsCleared: result.recipients, eventsDeleted: result.events },
        },
      );
      return result;
    });
    if (outcome) out.push(outcome);
  }
  return out;
}
