/**
 * Phishing rows written straight to the database for campaign and sender tests (the library's
 * own routes are tested elsewhere): templates, landing pages, sending profiles, groups, mandates,
 * and staff in bulk.
 */
import { searchKey } from '../../src/server/db/dialect.js';
import type { Db } from '../../src/server/db/index.js';
import type { RoleFamily } from '../../src/server/modules/identity/domain.js';
import type { TargetCriteria } from '../../src/server/modules/phishing/campaign-schema.js';
import type { TlsMode } from '../../src/server/modules/phishing/tables.js';
import { newId } from '../../src/server/platform/ids.js';

const now = () => new Date().toISOString();

export const SAMPLE_HTML =
  '<p>Bonjour {{firstName}},</p><p>Votre messagerie du service {{service}} ({{organization}}) arrive à saturation.</p>' +
  '<p><a href="{{link}}">Augmenter mon quota</a></p>{{trackingImage}}<p>.Le service informatique</p>';

export async function makeLandingPage(db: Db, over: { organizationId?: string | null; archived?: boolean } = {}) {
  const id = newId();
  await db
    .insertInto('phishing_landing_pages')
    .values({
      id,
      organization_id: over.organizationId ?? null,
      origin: over.organizationId ? 'custom' : 'catalogue',
      kind: 'sign-in',
      version: 1,
      archived: over.archived ? 1 : 0,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
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
  const id = newId();
  await db
    .insertInto('phishing_templates')
    .values({
      id,
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
      created_at: now(),
      updated_at: now(),
    })
    .execute();
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
  const id = newId();
  await db
    .insertInto('phishing_sending_profiles')
    .values({
      id,
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
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id };
}

export async function makeGroup(db: Db, organizationId: string, criteria: TargetCriteria, kind: 'target' | 'exclusion' = 'target') {
  const id = newId();
  await db
    .insertInto('phishing_groups')
    .values({
      id,
      organization_id: organizationId,
      kind,
      name: `Groupe ${id.slice(-6)}`,
      criteria: JSON.stringify(criteria),
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id };
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
