/** Test-only rows for the results, retention and transparency tests (imported by *.test.ts beside this file). */
import { inflateSync } from 'node:zlib';
import { makeProfile, makeTemplate } from '../../../../test/support/phishing-factory.js';
import type { Db } from '../../db/index.js';
import { newId } from '../../platform/ids.js';
import { STATS_COUNTERS, type StatsCounter } from './stats.js';
import type { CampaignStatus, EventKind, StatsDimension } from './tables.js';
import { tokenHash } from './tokens.js';

export interface CampaignOver {
  organizationId?: string | null;
  territoryId?: string | null;
  reached?: string[];
  name?: string;
  status?: CampaignStatus;
  anonymous?: boolean;
  difficulty?: string;
  retentionDays?: number;
  launchedAt?: string | null;
  completedAt?: string | null;
  purgedAt?: string | null;
}

export async function insertCampaign(db: Db, over: CampaignOver = {}): Promise<string> {
  const template = await makeTemplate(db);
  const profile = await makeProfile(db, { organizationId: over.organizationId ?? null, territoryId: over.territoryId ?? null });
  const id = newId();
  const launched = over.launchedAt === undefined ? '2026-11-01T09:00:00.000Z' : over.launchedAt;
  await db
    .insertInto('phishing_campaigns')
    .values({
      id,
      organization_id: over.organizationId ?? null,
      territory_id: over.territoryId ?? null,
      name: over.name ?? 'Quota de messagerie',
      status: over.status ?? 'running',
      template_id: template.id,
      template_version: 1,
      difficulty: over.difficulty ?? 'moderately-difficult',
      landing_page_id: null,
      sending_profile_id: profile.id,
      learning_module_id: null,
      targets: JSON.stringify(over.reached ? { organizationIds: over.reached } : { criteria: {} }),
      anonymous: over.anonymous ? 1 : 0,
      retention_days: over.retentionDays ?? 365,
      launch_at: launched,
      spread_until: launched,
      paused_at: null,
      launched_at: launched,
      completed_at: over.completedAt ?? null,
      purged_at: over.purgedAt ?? null,
      created_by: null,
      created_at: launched ?? '2026-11-01T09:00:00.000Z',
      updated_at: launched ?? '2026-11-01T09:00:00.000Z',
    })
    .execute();
  return id;
}

export interface RecipientOver {
  personId?: string | null;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  service?: string | null;
  sentAt?: string | null;
  openedAt?: string | null;
  clickedAt?: string | null;
  submittedAt?: string | null;
  reportedAt?: string | null;
  scannerFlagged?: number;
}

/** A delivered recipient; returns its id and the token whose hash it holds. */
export async function insertRecipient(db: Db, campaignId: string, organizationId: string, over: RecipientOver = {}) {
  const id = newId();
  const token = `tok${newId()}`;
  const sent = over.sentAt === undefined ? '2026-11-01T09:05:00.000Z' : over.sentAt;
  await db
    .insertInto('phishing_recipients')
    .values({
      id,
      campaign_id: campaignId,
      organization_id: organizationId,
      person_id: over.personId ?? null,
      email: over.email === undefined ? `r.${id.slice(-8)}@staff.test` : over.email,
      first_name: over.firstName === undefined ? 'Camille' : over.firstName,
      last_name: over.lastName === undefined ? 'Martin' : over.lastName,
      service: over.service === undefined ? 'Urgences' : over.service,
      role_family: 'nurses_care_assistants',
      site: 'Site principal',
      token_hash: tokenHash(token),
      send_order: 1,
      scheduled_at: '2026-11-01T09:00:00.000Z',
      status: sent ? 'delivered' : 'pending',
      attempts: sent ? 1 : 0,
      next_attempt_at: null,
      claimed_by: null,
      last_error: null,
      message_id: sent ? `<${id}@simulation.test>` : null,
      sent_at: sent,
      delivered_at: sent,
      opened_at: over.openedAt ?? null,
      clicked_at: over.clickedAt ?? null,
      submitted_at: over.submittedAt ?? null,
      reported_at: over.reportedAt ?? null,
      scanner_flagged: over.scannerFlagged ?? 0,
    })
    .execute();
  return { id, token };
}

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
