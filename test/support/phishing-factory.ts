/**
 * Phishing rows written straight to the database for campaign, sender, reporting and results
 * tests (the library's own routes are tested elsewhere): templates, landing pages, sending
 * profiles, groups, mandates, staff in bulk, campaigns and their recipients.
 */
import type { Insertable } from 'kysely';
import { searchKey } from '../../src/server/db/dialect.js';
import type { Db } from '../../src/server/db/index.js';
import type { Database } from '../../src/server/db/schema.js';
import type { RoleFamily } from '../../src/server/modules/identity/domain.js';
import type { TargetCriteria } from '../../src/server/modules/phishing/campaign-schema.js';
import type { CampaignStatus, RecipientStatus, TlsMode } from '../../src/server/modules/phishing/tables.js';
import { newToken, tokenHash } from '../../src/server/modules/phishing/tokens.js';
import { newId } from '../../src/server/platform/ids.js';

const now = () => new Date().toISOString();

type Stamped = 'phishing_landing_pages' | 'phishing_templates' | 'phishing_sending_profiles' | 'phishing_groups' | 'phishing_campaigns';

/** One row with a new id, created and updated now unless `values` says when; returns the id. */
async function insertNew<T extends Stamped>(
  db: Db,
  table: T,
  values: Omit<Insertable<Database[T]>, 'id' | 'created_at' | 'updated_at'> & { created_at?: string; updated_at?: string },
) {
  const id = newId();
  const row = { id, created_at: now(), updated_at: now(), ...values };
  await db
    .insertInto(table)
    .values(row as never)
    .execute();
  return { id };
}

export const SAMPLE_HTML =
  '<p>Bonjour {{firstName}},</p><p>Votre messagerie du service {{service}} ({{organization}}) arrive à saturation.</p>' +
  '<p><a href="{{link}}">Augmenter mon quota</a></p>{{trackingImage}}<p>.Le service informatique</p>';

export async function makeLandingPage(db: Db, over: { organizationId?: string | null; archived?: boolean } = {}) {
  const { id } = await insertNew(db, 'phishing_landing_pages', {
    organization_id: over.organizationId ?? null,
    origin: over.organizationId ? 'custom' : 'catalogue',
    kind: 'sign-in',
    version: 1,
    archived: over.archived ? 1 : 0,
  });
  await db
    .insertInto('phishing_landing_page_texts')
    .values({ landing_page_id: id, language: 'fr', title: 'Connexion', html: '<form><input name="password"></form>' })
    .execute();
  return { id };
}

export async function makeTemplate(
  db: Db,
  over: { organizationId?: string | null; landingPageId?: string | null; html?: string; subject?: string; archived?: boolean } = {},
) {
  const { id } = await insertNew(db, 'phishing_templates', {
    organization_id: over.organizationId ?? null,
    origin: over.organizationId ? 'custom' : 'catalogue',
    forked_from: null,
    theme: 'it-support',
    audiences: '[]',
    landing_page_id: over.landingPageId ?? null,
    premise_alignment: 'high',
    cue_count: 3,
    difficulty: 'moderately-difficult',
    version: 1,
    archived: over.archived ? 1 : 0,
  });
  await db
    .insertInto('phishing_template_texts')
    .values({
      template_id: id,
      language: 'fr',
      title: 'Quota de messagerie',
      from_name: 'Support {{organization}}',
      from_local_part: 'support',
      subject: over.subject ?? 'Votre boîte aux lettres est pleine, {{firstName}}',
      html: over.html ?? SAMPLE_HTML,
      cues: '[]',
      premise_rationale: '',
    })
    .execute();
  return { id };
}

export async function makeProfile(
  db: Db,
  over: {
    organizationId?: string | null;
    territoryId?: string | null;
    port?: number;
    tlsMode?: TlsMode;
    username?: string | null;
    passwordSealed?: string | null;
    ratePerMinute?: number;
    windowDays?: number[];
    windowStart?: string;
    windowEnd?: string;
    timeZone?: string;
    extraHeaders?: Array<{ name: string; value: string }>;
    archived?: boolean;
  } = {},
) {
  return insertNew(db, 'phishing_sending_profiles', {
    organization_id: over.organizationId ?? null,
    territory_id: over.territoryId ?? null,
    name: 'Relais de test',
    host: '127.0.0.1',
    port: over.port ?? 25,
    tls_mode: over.tlsMode ?? 'none',
    username: over.username ?? null,
    password_sealed: over.passwordSealed ?? null,
    from_name: 'Service informatique',
    from_address: 'campagnes@simulation.test',
    rate_per_minute: over.ratePerMinute ?? 6000,
    window_days: JSON.stringify(over.windowDays ?? [1, 2, 3, 4, 5, 6, 7]),
    window_start: over.windowStart ?? '00:00',
    window_end: over.windowEnd ?? '00:00',
    time_zone: over.timeZone ?? 'Europe/Paris',
    extra_headers: JSON.stringify(over.extraHeaders ?? []),
    archived: over.archived ? 1 : 0,
  });
}

export async function makeGroup(db: Db, organizationId: string, criteria: TargetCriteria, kind: 'target' | 'exclusion' = 'target') {
  const name = `Groupe ${newId().slice(-6)}`;
  return insertNew(db, 'phishing_groups', { organization_id: organizationId, kind, name, criteria: JSON.stringify(criteria) });
}

export async function grantMandate(db: Db, territoryId: string, organizationId: string) {
  await db
    .insertInto('phishing_territory_mandates')
    .values({ territory_id: territoryId, organization_id: organizationId, granted_by: null, granted_at: now() })
    .execute();
}

/** `count` active staff members, inserted in slices (tens of thousands in a few seconds). */
export async function makeStaff(
  db: Db,
  organizationId: string,
  count: number,
  over: { services?: string[]; roleFamily?: RoleFamily; site?: string; emailPrefix?: string } = {},
) {
  const services = over.services ?? ['Urgences', 'Cardiologie', 'Pharmacie', 'Accueil'];
  const prefix = over.emailPrefix ?? `s${newId().slice(-8)}`;
  const rows = Array.from({ length: count }, (_, i) => {
    const email = `${prefix}.${i}@staff.test`;
    return {
      id: newId(),
      organization_id: organizationId,
      email,
      first_name: `Prénom${i}`,
      last_name: `Nom${i}`,
      job_title: 'Agent',
      role_family: over.roleFamily ?? ('nurses_care_assistants' as RoleFamily),
      service: services[i % services.length] ?? null,
      site: over.site ?? 'Site principal',
      is_manager: 0 as const,
      active: 1 as const,
      search_text: searchKey(email),
      created_at: now(),
      updated_at: now(),
      deactivated_at: null,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('people')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, service: r.service }));
}

export interface CampaignOver {
  organizationId?: string | null;
  territoryId?: string | null;
  /** The member organizations a territory campaign reaches. */
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

/** A launched campaign with its own catalogue template and profile; returns its id. */
export async function makeCampaign(db: Db, over: CampaignOver = {}): Promise<string> {
  const template = await makeTemplate(db);
  const profile = await makeProfile(db, { organizationId: over.organizationId ?? null, territoryId: over.territoryId ?? null });
  const launched = over.launchedAt === undefined ? '2026-11-01T09:00:00.000Z' : over.launchedAt;
  const { id } = await insertNew(db, 'phishing_campaigns', {
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
  });
  return id;
}

export interface RecipientOver {
  personId?: string | null;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  service?: string | null;
  /** Sent and delivered then; null: still pending. */
  sentAt?: string | null;
  openedAt?: string | null;
  clickedAt?: string | null;
  submittedAt?: string | null;
  reportedAt?: string | null;
  scannerFlagged?: number;
}

/** A delivered recipient (pending when `sentAt` is null); returns its id and the token whose hash it holds. */
export async function makeRecipient(db: Db, campaignId: string, organizationId: string, over: RecipientOver = {}) {
  const id = newId();
  const token = newToken();
  const sent = over.sentAt === undefined ? '2026-11-01T09:05:00.000Z' : over.sentAt;
  const status: RecipientStatus = sent ? 'delivered' : 'pending';
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
      scheduled_at: sent ?? '2026-11-01T09:00:00.000Z',
      status,
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
