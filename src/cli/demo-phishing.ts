import type { Transaction } from 'kysely';
import type { DbHandle } from '../server/db/index.js';
import type { Database } from '../server/db/schema.js';
import { syncPhishingCatalogue } from '../server/modules/phishing/catalogue-sync.js';
import { reportCounters, STATS_COUNTERS, type StatsCounter, statsKeys } from '../server/modules/phishing/stats.js';
import type { PhishingEventsTable, PhishingRecipientsTable, ScannerReason, StatsDimension } from '../server/modules/phishing/tables.js';
import { newToken, tokenHash } from '../server/modules/phishing/tokens.js';
import { newId } from '../server/platform/ids.js';

/**
 * The phishing part of the demo: the lead organization of the demo GHT gets a sending profile
 * that only ever talks to 127.0.0.1 (port 1025, where a local mail catcher such as Mailpit
 * listens; with none, sending fails and nothing leaves the machine), and one campaign sent five
 * weeks ago and completed, with recipients, tracking events and the counters the results pages
 * read, consistent with what the sender, the tracking listener and the reporting intake would
 * have written (stats.ts). Deterministic (seeded); a second run changes nothing.
 */
export const DEMO_PROFILE_NAME = 'Relais local de démonstration';
export const DEMO_SMTP = { host: '127.0.0.1', port: 1025 } as const;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const CHUNK = 400;
/** The campaign targets the largest services of the establishment, a few hundred people. */
const SERVICES = 4;
const PREFERRED_TEMPLATE = 'it-mailbox-quota';

type Trx = Transaction<Database>;
type Counters = Record<StatsCounter, number>;
type StatsRow = Counters & { campaign_id: string; organization_id: string; dimension: StatsDimension; group_key: string };

export async function seedDemoPhishing(
  dbh: DbHandle,
  contentDir: string,
  rnd: () => number,
  nowDate: Date,
): Promise<{ campaignId: string | null; recipients: number }> {
  const now = nowDate.toISOString();
  await syncPhishingCatalogue(dbh.db, contentDir, now);
  const lead = await dbh.db
    .selectFrom('territory_members as m')
    .innerJoin('territories as t', 't.id', 'm.territory_id')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['o.id', 'o.name'])
    .where('t.kind', '=', 'ght')
    .where('m.is_lead', '=', 1)
    .orderBy('t.created_at')
    .executeTakeFirst();
  if (!lead) return { campaignId: null, recipients: 0 };
  const seeded = await dbh.db
    .selectFrom('phishing_sending_profiles')
    .select('id')
    .where('organization_id', '=', lead.id)
    .where('name', '=', DEMO_PROFILE_NAME)
    .executeTakeFirst();
  if (seeded) return { campaignId: null, recipients: 0 };
  const template = await dbh.db
    .selectFrom('phishing_templates')
    .select(['id', 'version', 'difficulty', 'landing_page_id'])
    .where('organization_id', 'is', null)
    .where('archived', '=', 0)
    .orderBy((eb) => eb.case().when('id', '=', PREFERRED_TEMPLATE).then(0).else(1).end())
    .orderBy('id')
    .executeTakeFirst();
  if (!template) return { campaignId: null, recipients: 0 };

  return dbh.db.transaction().execute(async (trx) => {
    const profileId = await insertProfile(trx, lead.id, now);
    const people = await targets(trx, lead.id);
    const launched = new Date(nowDate.getTime() - 35 * DAY);
    launched.setUTCHours(8, 0, 0, 0);
    const campaignId = newId();
    await trx
      .insertInto('phishing_campaigns')
      .values({
        id: campaignId,
        organization_id: lead.id,
        territory_id: null,
        name: 'Quota de messagerie — exercice d’automne',
        status: 'completed',
        template_id: template.id,
        template_version: template.version,
        difficulty: template.difficulty,
        landing_page_id: template.landing_page_id,
        sending_profile_id: profileId,
        learning_module_id: null,
        targets: JSON.stringify({ criteria: { services: people.services } }),
        anonymous: 0,
        retention_days: 365,
        launch_at: launched.toISOString(),
        spread_until: new Date(launched.getTime() + 2 * DAY).toISOString(),
        paused_at: null,
        launched_at: launched.toISOString(),
        completed_at: new Date(launched.getTime() + 14 * DAY).toISOString(),
        purged_at: null,
        created_by: null,
        created_at: new Date(launched.getTime() - 3 * DAY).toISOString(),
        updated_at: new Date(launched.getTime() + 14 * DAY).toISOString(),
      })
      .execute();
    const { recipients, events, stats } = simulate(campaignId, lead.id, people.rows, launched.getTime(), rnd);
    for (let i = 0; i < recipients.length; i += CHUNK)
      await trx
        .insertInto('phishing_recipients')
        .values(recipients.slice(i, i + CHUNK))
        .execute();
    for (let i = 0; i < events.length; i += CHUNK)
      await trx
        .insertInto('phishing_events')
        .values(events.slice(i, i + CHUNK))
        .execute();
    const statRows = [...stats.values()].map((s) => ({ ...s, updated_at: now }));
    for (let i = 0; i < statRows.length; i += CHUNK)
      await trx
        .insertInto('phishing_campaign_stats')
        .values(statRows.slice(i, i + CHUNK))
        .execute();
    return { campaignId, recipients: recipients.length };
  });
}

async function insertProfile(trx: Trx, organizationId: string, now: string): Promise<string> {
  const id = newId();
  await trx
    .insertInto('phishing_sending_profiles')
    .values({
      id,
      organization_id: organizationId,
      territory_id: null,
      name: DEMO_PROFILE_NAME,
      host: DEMO_SMTP.host,
      port: DEMO_SMTP.port,
      tls_mode: 'none',
      username: null,
      password_sealed: null,
      from_name: 'Service informatique',
      from_address: 'support@messagerie-securisee.demo',
      rate_per_minute: 60,
      window_days: JSON.stringify([1, 2, 3, 4, 5]),
      window_start: '08:00',
      window_end: '18:00',
      time_zone: 'Europe/Paris',
      extra_headers: '[]',
      archived: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** The active staff with an email in the largest services, in a stable order. */
async function targets(trx: Trx, organizationId: string) {
  const counts = await trx
    .selectFrom('people')
    .select(['service', (eb) => eb.fn.countAll<number>().as('n')])
    .where('organization_id', '=', organizationId)
    .where('active', '=', 1)
    .where('service', 'is not', null)
    .groupBy('service')
    .execute();
  const services = counts
    .sort((a, b) => Number(b.n) - Number(a.n) || String(a.service).localeCompare(String(b.service)))
    .slice(0, SERVICES)
    .map((c) => c.service as string);
  if (services.length === 0) return { services, rows: [] };
  const rows = await trx
    .selectFrom('people')
    .select(['id', 'email', 'first_name', 'last_name', 'service', 'role_family', 'site'])
    .where('organization_id', '=', organizationId)
    .where('active', '=', 1)
    .where('email', 'is not', null)
    .where('service', 'in', services)
    .orderBy('id')
    .execute();
  return { services, rows };
}

type Person = Awaited<ReturnType<typeof targets>>['rows'][number];

/**
 * What each person did, drawn once: about half open the email, a fifth click, under a tenth type
 * something on the landing page, a fifth report it (sooner when they did not click); a few
 * addresses bounce; mail scanners follow some links. Every step leaves its event and counts once.
 */
function simulate(campaignId: string, organizationId: string, people: Person[], start: number, rnd: () => number) {
  const recipients: PhishingRecipientsTable[] = [];
  const events: PhishingEventsTable[] = [];
  const stats = new Map<string, StatsRow>();
  const iso = (ms: number) => new Date(ms).toISOString();
  const userAgent = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
  const event = (recipientId: string, kind: PhishingEventsTable['kind'], at: number, scanner: ScannerReason | null = null) =>
    events.push({
      id: newId(),
      campaign_id: campaignId,
      recipient_id: recipientId,
      kind,
      at: iso(at),
      scanner_reason: scanner,
      user_agent: scanner ? 'Proofpoint URL Defense' : userAgent,
      address: scanner ? '192.0.2.0' : '10.20.30.0',
    });

  for (const [i, p] of people.entries()) {
    const id = newId();
    // Sent over the first two working days, between 8:00 and 16:00 UTC.
    const sentAt = start + Math.floor(rnd() * 2) * DAY + Math.floor(rnd() * 8 * HOUR);
    const failed = rnd() < 0.015;
    const counters: Partial<Counters> = { targets: 1 };
    const r: PhishingRecipientsTable = {
      id,
      campaign_id: campaignId,
      organization_id: organizationId,
      person_id: p.id,
      email: p.email,
      first_name: p.first_name,
      last_name: p.last_name,
      service: p.service,
      role_family: p.role_family,
      site: p.site,
      token_hash: tokenHash(newToken()),
      send_order: i + 1,
      scheduled_at: iso(sentAt),
      status: failed ? 'failed' : 'delivered',
      attempts: 1,
      next_attempt_at: null,
      claimed_by: null,
      last_error: failed ? '550 5.1.1 Mailbox unavailable' : null,
      message_id: failed ? null : `<${id}@messagerie-securisee.demo>`,
      sent_at: failed ? null : iso(sentAt),
      delivered_at: failed ? null : iso(sentAt + 2000),
      opened_at: null,
      clicked_at: null,
      submitted_at: null,
      reported_at: null,
      scanner_flagged: 0,
    };
    if (failed) counters.failed = 1;
    else {
      Object.assign(counters, { sent: 1, delivered: 1 });
      const delivered = sentAt + 2000;
      if (rnd() < 0.03) {
        event(id, 'click', delivered + 4000, 'user-agent');
        r.scanner_flagged = 1;
        counters.scanner_flagged = 1;
      }
      const opens = rnd() < 0.52;
      const clicks = opens && rnd() < 0.38;
      if (opens) {
        const openAt = delivered + Math.floor(rnd() ** 2 * 30 * HOUR) + 60_000;
        r.opened_at = iso(openAt);
        counters.opened = 1;
        event(id, 'open', openAt);
        if (clicks) {
          const clickAt = openAt + Math.floor(rnd() * 5 * 60_000) + 5000;
          r.clicked_at = iso(clickAt);
          counters.clicked = 1;
          event(id, 'click', clickAt);
          event(id, 'landing', clickAt + 1500);
          if (rnd() < 0.45) {
            r.submitted_at = iso(clickAt + 40_000);
            counters.submitted = 1;
            event(id, 'submit', clickAt + 40_000);
            event(id, 'teachable', clickAt + 41_000);
          }
        }
      }
      if (rnd() < (clicks ? 0.08 : 0.24)) {
        // Most reports come within the hour; some the next day.
        const seconds = Math.floor(120 + rnd() ** 6 * 36 * 3600);
        r.reported_at = iso(delivered + seconds * 1000);
        event(id, 'report', delivered + seconds * 1000);
        Object.assign(counters, reportCounters(seconds));
      }
    }
    recipients.push(r);
    for (const key of statsKeys(r)) {
      const k = `${key.dimension}\u0000${key.group_key}`;
      const row =
        stats.get(k) ??
        ({
          ...(Object.fromEntries(STATS_COUNTERS.map((c) => [c, 0])) as Counters),
          campaign_id: campaignId,
          organization_id: organizationId,
          ...key,
        } as StatsRow);
      for (const [c, n] of Object.entries(counters) as Array<[StatsCounter, number]>) row[c] += n;
      stats.set(k, row);
    }
  }
  return { recipients, events, stats };
}
