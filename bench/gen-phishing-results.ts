/**
 * Reactions of a large campaign's recipients for bench/phishing-results.ts, written through the
 * tracking listener's own batch writer (events, first-time columns and counters exactly as real
 * hits leave them), with times spread after each email's delivery. The mix is that of a
 * moderately difficult campaign in a hospital: about half open it, a fifth click, most clicks are
 * followed by the landing page, a third of those by a submitted form, one in six reports it, and
 * a link checker pre-fetches one link in twenty (flagged, kept out of the human rates).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { DbHandle } from '../src/server/db/index.js';
import type { TrackInput } from '../src/server/modules/phishing/tracking/event-steps.js';
import type { ScannerRules } from '../src/server/modules/phishing/tracking/scanner.js';
import { sqliteBatchWriter } from '../src/server/modules/phishing/tracking/sqlite-writer.js';

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const MIN = 60_000;
const CHUNK = 2000;

/** A seeded generator (mulberry32, as gen-learning-data's rng): the same reactions on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrackedFigures {
  events: number;
  ms: number;
}

/** Writes the reactions of every delivered recipient of the campaign; returns the events written. */
export function trackReactions(dbh: DbHandle, campaignId: string, rules: ScannerRules, random: () => number): TrackedFigures {
  const sqlite = dbh.sqlite;
  if (!sqlite) throw new Error('the results bench runs on SQLite');
  const write = sqliteBatchWriter(sqlite, rules);
  // Read a slice at a time (by rowid): the bench's own data must not weigh on the peak it measures.
  const slice = sqlite.prepare(
    `select rowid as n, token_hash as tokenHash, coalesce(delivered_at, sent_at) as at from phishing_recipients
     where campaign_id = ? and sent_at is not null and rowid > ? order by rowid limit ${CHUNK}`,
  );
  const t0 = performance.now();
  let events = 0;
  for (let after = 0; ; ) {
    const recipients = slice.all(campaignId, after) as Array<{ n: number; tokenHash: string; at: string }>;
    if (recipients.length === 0) break;
    after = recipients.at(-1)!.n;
    const batch: TrackInput[] = [];
    for (const r of recipients) {
      const base = Date.parse(r.at);
      const hit = (kind: TrackInput['kind'], at: number, method = 'GET'): void => {
        batch.push({
          tokenHash: r.tokenHash,
          kind,
          method,
          userAgent: BROWSER,
          address: null,
          storedAddress: '10.20.30.0',
          at: new Date(at),
        });
      };
      if (random() < 0.05) hit('click', base + 2000, 'HEAD'); // a gateway's link checker
      let t = base + Math.floor(random() * 240 * MIN) + MIN;
      if (random() < 0.55) {
        const opens = 1 + Math.floor(random() * 3);
        for (let k = 0; k < opens; k++) hit('open', t + k * Math.floor(random() * 60 * MIN));
        if (random() < 0.36) {
          t += Math.floor(random() * 5 * MIN);
          hit('click', t);
          if (random() < 0.8) hit('landing', t + 2500);
          if (random() < 0.3) hit('submit', t + 45_000);
        }
      }
      // Reports from a minute to two days after delivery, most within the first hour.
      if (random() < 0.17) hit('report', base + Math.floor(Math.exp(random() * Math.log(2880)) * MIN));
    }
    write(batch, new Date().toISOString());
    events += batch.length;
  }
  return { events, ms: performance.now() - t0 };
}

/** The kernel's view of a process: current and peak resident memory (VmRSS, VmHWM), in bytes. */
export function procMemory(pid: number | undefined): { rss: number; hwm: number; anon: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM'), anon: kb('RssAnon') };
}

/** Resets a process's VmHWM (clear_refs 5), so that each phase of the bench shows its own peak. */
export function resetPeakOf(pid: number | undefined): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not resettable here: each phase then shows the peak so far.
  }
}
