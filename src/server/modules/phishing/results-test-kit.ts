/** Test-only rows for the results, retention and transparency tests (imported by *.test.ts beside this file). */
import { inflateSync } from 'node:zlib';
import type { Db } from '../../db/index.js';
import { newId } from '../../platform/ids.js';
import { STATS_COUNTERS, type StatsCounter } from './stats.js';
import type { EventKind, StatsDimension } from './tables.js';

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

/**
 * The text drawn in a pdfkit PDF: content streams inflated, then the strings of its TJ operators
 * (standard fonts write WinAnsi bytes as hex), one line per text object.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let body: string;
    try {
      body = inflateSync(Buffer.from(raw.slice(start, end), 'latin1')).toString('latin1');
    } catch {
      body = raw.slice(start, end);
    }
    for (const tj of body.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      out.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  // WinAnsi differs from latin1 in 0x80–0x9f (apostrophe, dashes, quotes); the no-break space reads as a space.
  const winAnsi: Record<string, string> = { '\u0092': '’', '\u0096': '–', '\u0097': '—', '\u0093': '“', '\u0094': '”', '\u0085': '…' };
  return out
    .join('\n')
    .replace(/[\u0085\u0092-\u0097]/g, (c) => winAnsi[c] ?? c)
    .replace(/\u00a0/g, ' ');
}
