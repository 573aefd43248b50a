import type { AppDeps } from '../../../platform/context.js';
import { bumpStats } from '../stats.js';
import { FOLLOW_UP_SECONDS } from './scanner.js';

/**
 * How far back a run looks for clicks still waiting for their follow-up. Runs are a minute apart;
 * an hour covers a job runner that was stopped for a while. An older click left unflagged is
 * harmless: it never counted as human (only a confirmed click does), it only misses from
 * scanner_flagged.
 */
const LOOKBACK_MS = 60 * 60 * 1000;
const CHUNK = 500;

/**
 * Periodic job (rule 5 of scanner.ts): a click that no browser followed within FOLLOW_UP_SECONDS
 * (no unflagged landing beacon, no submitted form) was a link checker: its event gets
 * scanner_reason `no-follow-up`, the recipient's scanner_flagged grows, and the campaign's
 * scanner_flagged counter counts the recipient the first time. Returns the number of clicks flagged.
 */
export async function flagClicksWithoutFollowUp(deps: AppDeps, now: Date): Promise<number> {
  const windowMs = FOLLOW_UP_SECONDS * 1000;
  const until = new Date(now.getTime() - windowMs).toISOString();
  const since = new Date(now.getTime() - windowMs - LOOKBACK_MS).toISOString();
  const nowIso = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    // Through phishing_events_campaign (campaign_id, at): a range per live campaign, never a scan of all events.
    const clicks = await trx
      .selectFrom('phishing_events')
      .select(['id', 'recipient_id', 'at'])
      .where('campaign_id', 'in', (eb) =>
        eb.selectFrom('phishing_campaigns').select('id').where('launched_at', 'is not', null).where('purged_at', 'is', null),
      )
      .where('at', '>', since)
      .where('at', '<=', until)
      .where('kind', '=', 'click')
      .where('scanner_reason', 'is', null)
      .execute();
    if (clicks.length === 0) return 0;

    const followUps = new Map<string, number[]>();
    const recipientIds = [...new Set(clicks.map((c) => c.recipient_id))];
    for (let i = 0; i < recipientIds.length; i += CHUNK) {
      const rows = await trx
        .selectFrom('phishing_events')
        .select(['recipient_id', 'at'])
        .where('recipient_id', 'in', recipientIds.slice(i, i + CHUNK))
        .where('kind', 'in', ['landing', 'submit'])
        .where('scanner_reason', 'is', null)
        .where('at', '>', since)
        .execute();
      for (const r of rows) followUps.set(r.recipient_id, [...(followUps.get(r.recipient_id) ?? []), Date.parse(r.at)]);
    }

    let flagged = 0;
    for (const click of clicks) {
      const at = Date.parse(click.at);
      const followed = (followUps.get(click.recipient_id) ?? []).some((t) => t >= at && t <= at + windowMs);
      if (followed) continue;
      const changed = await trx
        .updateTable('phishing_events')
        .set({ scanner_reason: 'no-follow-up' })
        .where('id', '=', click.id)
        .where('scanner_reason', 'is', null)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) continue;
      flagged++;
      const r = await trx
        .updateTable('phishing_recipients')
        .set((eb) => ({ scanner_flagged: eb('scanner_flagged', '+', 1) }))
        .where('id', '=', click.recipient_id)
        .returning(['campaign_id', 'organization_id', 'service', 'role_family', 'site', 'scanner_flagged'])
        .executeTakeFirst();
      if (r && Number(r.scanner_flagged) === 1) await bumpStats(trx, r, { scanner_flagged: 1 }, nowIso);
    }
    return flagged;
  });
}
