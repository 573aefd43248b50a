import { describe, expect, it } from 'vitest';
import { onPostgres, testDb } from '../../../../../test/helpers/db.js';
import { FIRST_CLICK_SQL } from './sqlite-writer.js';

/**
 * phishing_events takes every tracked hit, so it keeps few indexes, each written at its end
 * (campaign, time; kind, time). These are the reads of the table outside tests: each must go
 * through one of them, never scan every event ever recorded.
 */
const READS: Array<[string, string, unknown[]]> = [
  ['first click of a recipient (beacon, submit)', FIRST_CLICK_SQL, ['r', '2026-11-29T00:00:00.000Z']],
  [
    'clicks waiting for their follow-up (job)',
    `select id, recipient_id, at from phishing_events where campaign_id in (select id from phishing_campaigns
       where launched_at is not null and purged_at is null) and at > ? and at <= ? and kind = ? and scanner_reason is null`,
    ['a', 'b', 'click'],
  ],
  [
    'their follow-ups (job)',
    `select recipient_id, at from phishing_events where recipient_id in (?, ?) and kind in (?, ?)
       and scanner_reason is null and at > ?`,
    ['r1', 'r2', 'landing', 'submit', 'a'],
  ],
  ['events of a purged campaign (retention)', 'delete from phishing_events where campaign_id = ?', ['c']],
];

describe.skipIf(onPostgres())('phishing_events reads (SQLite plans)', () => {
  it.each(READS)('%s goes through an index', async (_name, query, params) => {
    const dbh = await testDb();
    try {
      const plan = (dbh.sqlite!.prepare(`explain query plan ${query}`).all(...params) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .filter((d) => d.includes('phishing_events'));
      expect(plan.length).toBeGreaterThan(0);
      for (const step of plan) expect(step).toMatch(/^SEARCH phishing_events USING (COVERING )?INDEX phishing_events_(kind|campaign)/);
    } finally {
      await dbh.close();
    }
  });

  it('keeps no index by recipient, which put each event at a random page', async () => {
    const dbh = await testDb();
    try {
      const indexes = dbh
        .sqlite!.prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'phishing_events'`)
        .pluck()
        .all();
      expect(indexes).not.toContain('phishing_events_recipient');
      expect(indexes).toContain('phishing_events_kind');
    } finally {
      await dbh.close();
    }
  });
});
