import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagClicksWithoutFollowUp } from './follow-up.js';
import { makeTrackedCampaign } from './test-campaign.js';
import { type Listening, startListening } from './test-listener.js';

describe('clicks without follow-up', () => {
  let l: Listening;
  beforeAll(async () => {
    l = await startListening();
  });
  afterAll(async () => l.close());
  const db = () => l.dbh.db;
  const clicks = (recipientId: string) =>
    db()
      .selectFrom('phishing_events')
      .select('scanner_reason')
      .where('recipient_id', '=', recipientId)
      .where('kind', '=', 'click')
      .execute();

  it('flags a click no browser followed within 60 s, counts the recipient once, and leaves confirmed clicks alone', async () => {
    const c = await makeTrackedCampaign(db(), { now: l.clock.now(), people: 3 });
    const [human, checker, late] = c.recipients as [(typeof c.recipients)[0], (typeof c.recipients)[0], (typeof c.recipients)[0]];
    await l.hit(`/c/${human.token}`);
    await l.hit(`/c/${checker.token}`);
    await l.hit(`/c/${checker.token}`); // a gateway that checks twice
    l.clock.advance(5_000);
    await l.hit(`/b/${human.token}.gif`);

    l.clock.advance(30_000);
    await l.hit(`/c/${late.token}`); // only 30 s old when the job runs below: not judged yet
    l.clock.advance(30_000);
    expect(await flagClicksWithoutFollowUp(l.deps, l.clock.now())).toBeGreaterThanOrEqual(2);

    expect(await clicks(human.id)).toEqual([{ scanner_reason: null }]);
    expect(await clicks(checker.id)).toEqual([{ scanner_reason: 'no-follow-up' }, { scanner_reason: 'no-follow-up' }]);
    expect(await clicks(late.id)).toEqual([{ scanner_reason: null }]);
    const recipients = await db().selectFrom('phishing_recipients').selectAll().where('campaign_id', '=', c.campaignId).execute();
    const byId = new Map(recipients.map((r) => [r.id, r]));
    expect(byId.get(checker.id)).toMatchObject({ scanner_flagged: 2, clicked_at: null });
    expect(byId.get(human.id)).toMatchObject({ scanner_flagged: 0 });
    expect(byId.get(human.id)?.clicked_at).not.toBeNull();

    // The late click's browser never shows up either; a second run judges it, the first ones stay counted once.
    l.clock.advance(60_000);
    await flagClicksWithoutFollowUp(l.deps, l.clock.now());
    expect(await clicks(late.id)).toEqual([{ scanner_reason: 'no-follow-up' }]);
    const all = await db()
      .selectFrom('phishing_campaign_stats')
      .selectAll()
      .where('campaign_id', '=', c.campaignId)
      .where('dimension', '=', 'all')
      .executeTakeFirstOrThrow();
    expect(all).toMatchObject({ clicked: 1, scanner_flagged: 2 });
    const cardiology = await db()
      .selectFrom('phishing_campaign_stats')
      .selectAll()
      .where('campaign_id', '=', c.campaignId)
      .where('dimension', '=', 'service')
      .where('group_key', '=', 'Cardiologie')
      .executeTakeFirstOrThrow();
    expect(cardiology.scanner_flagged).toBe(1); // the checker is the second person: Cardiologie
  });

  it('does not count a beacon that comes too late as a follow-up', async () => {
    const c = await makeTrackedCampaign(db(), { now: l.clock.now() });
    const r = c.recipients[0]!;
    await l.hit(`/c/${r.token}`);
    l.clock.advance(61_000);
    await l.hit(`/b/${r.token}.gif`);
    const row = await db().selectFrom('phishing_recipients').select('clicked_at').where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row.clicked_at).toBeNull();
    await flagClicksWithoutFollowUp(l.deps, l.clock.now());
    expect(await clicks(r.id)).toEqual([{ scanner_reason: 'no-follow-up' }]);
  });
});
