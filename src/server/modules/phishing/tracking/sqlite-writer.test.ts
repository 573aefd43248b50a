import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/index.js';
import { sha256Hex } from '../../../platform/ids.js';
import { makeTrackedCampaign } from './test-campaign.js';
import { type Listening, startListening } from './test-listener.js';

/**
 * The writer keeps the recipients it has seen by token hash (sqlite-writer.ts): whatever else
 * writes to the database in between, a hit must be decided on the rows as they are now. On
 * PostgreSQL there is no cache: the same answers prove the contract holds there too.
 */
describe('tracking listener: recipients seen before', () => {
  let l: Listening;
  beforeAll(async () => {
    l = await startListening();
  });
  afterAll(async () => l.close());

  const db = () => l.dbh.db;
  const campaign = () => makeTrackedCampaign(db(), { now: l.clock.now() });
  const eventCount = async (recipientId: string) =>
    (await db().selectFrom('phishing_events').select('id').where('recipient_id', '=', recipientId).execute()).length;
  const purge = (campaignId: string, q = db()) =>
    q.updateTable('phishing_campaigns').set({ purged_at: l.clock.now().toISOString() }).where('id', '=', campaignId).execute();

  it('answers 404 and records nothing once the campaign is purged, right after a hit', async () => {
    const c = await campaign();
    const r = c.recipients[0]!;
    expect((await l.hit(`/o/${r.token}.gif`)).status).toBe(200);
    await purge(c.campaignId);
    expect((await l.hit(`/o/${r.token}.gif`)).status).toBe(404);
    expect((await l.hit(`/c/${r.token}`)).status).toBe(404);
    expect(await eventCount(r.id)).toBe(1);
  });

  it('follows a token replaced by the sender: the old one stops working', async () => {
    const c = await campaign();
    const r = c.recipients[0]!;
    expect((await l.hit(`/c/${r.token}`)).status).toBe(302);
    const fresh = 'Zm9yLXRoZS1jYWNoZS10ZXN0LTEyMzQ1Ng';
    await db()
      .updateTable('phishing_recipients')
      .set({ token_hash: sha256Hex(fresh) })
      .where('id', '=', r.id)
      .execute();
    expect((await l.hit(`/c/${r.token}`)).status).toBe(404);
    expect((await l.hit(`/c/${fresh}`)).status).toBe(302);
    expect(await eventCount(r.id)).toBe(2);
  });

  it('sets a first-time column again after another writer cleared it', async () => {
    const c = await campaign();
    const r = c.recipients[0]!;
    expect((await l.hit(`/o/${r.token}.gif`)).status).toBe(200);
    await db().updateTable('phishing_recipients').set({ opened_at: null }).where('id', '=', r.id).execute();
    l.clock.advance(1_000);
    expect((await l.hit(`/o/${r.token}.gif`)).status).toBe(200);
    const row = await db().selectFrom('phishing_recipients').select('opened_at').where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row.opened_at).toBe(l.clock.now().toISOString());
  });

  it('sees a purge committed by another connection (another process on the same file)', async () => {
    const file = l.dbh.sqlite?.name;
    if (!file) return; // PostgreSQL: every hit reads the recipient
    const c = await campaign();
    const r = c.recipients[0]!;
    expect((await l.hit(`/o/${r.token}.gif`)).status).toBe(200);
    const other = openDatabase(`sqlite:${file}`);
    try {
      await purge(c.campaignId, other.db);
    } finally {
      await other.close();
    }
    expect((await l.hit(`/o/${r.token}.gif`)).status).toBe(404);
    expect(await eventCount(r.id)).toBe(1);
  });
});
