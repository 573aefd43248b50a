import type { Kysely, Transaction } from 'kysely';
import { fromBool01, fromJson } from '../../../db/dialect.js';
import type { Database } from '../../../db/schema.js';
import type { Locale } from '../../../platform/errors.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What the tracking pages know of the recipient behind a token (read after the event is written). */
export interface RecipientView {
  recipientId: string;
  campaignId: string;
  organizationId: string;
  organizationName: string;
  personId: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  jobTitle: string | null;
  service: string | null;
  site: string | null;
  anonymous: boolean;
  language: Locale;
  templateId: string;
  landingPageId: string | null;
  learningModuleId: string | null;
  senderDomain: string;
}

/** A recipient by the sha256 of its token; null when unknown or when the campaign was purged. */
export async function loadRecipient(db: Db, tokenHash: string): Promise<RecipientView | null> {
  const r = await db
    .selectFrom('phishing_recipients as r')
    .innerJoin('phishing_campaigns as c', 'c.id', 'r.campaign_id')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .leftJoin('phishing_templates as t', 't.id', 'c.template_id')
    .leftJoin('phishing_sending_profiles as p', 'p.id', 'c.sending_profile_id')
    .leftJoin('people as pe', 'pe.id', 'r.person_id')
    .select([
      'r.id',
      'r.campaign_id',
      'r.organization_id',
      'o.name as organization_name',
      'r.person_id',
      'r.first_name',
      'r.last_name',
      'r.email',
      'pe.job_title',
      'r.service',
      'r.site',
      'c.anonymous',
      'c.purged_at',
      'c.template_id',
      'c.landing_page_id',
      't.landing_page_id as template_landing_page_id',
      'c.learning_module_id',
      'p.from_address',
    ])
    .where('r.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!r || r.purged_at !== null) return null;
  // The person's language is their account's; people without an account read French.
  const account = r.person_id
    ? await db.selectFrom('accounts').select('locale').where('person_id', '=', r.person_id).orderBy('created_at').executeTakeFirst()
    : undefined;
  return {
    recipientId: r.id,
    campaignId: r.campaign_id,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    personId: r.person_id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    jobTitle: r.job_title ?? null,
    service: r.service,
    site: r.site,
    anonymous: fromBool01(r.anonymous),
    language: account?.locale === 'en' ? 'en' : 'fr',
    templateId: r.template_id,
    landingPageId: r.landing_page_id ?? r.template_landing_page_id ?? null,
    learningModuleId: r.learning_module_id,
    senderDomain: (r.from_address ?? '').split('@')[1] ?? '',
  };
}

/** The text in the wanted language, else French, else whatever exists. */
function pick<T extends { language: string }>(rows: T[], language: Locale): T | undefined {
  return rows.find((r) => r.language === language) ?? rows.find((r) => r.language === 'fr') ?? rows[0];
}

export interface LandingText {
  language: Locale;
  title: string;
  html: string;
}

export async function loadLanding(db: Db, landingPageId: string, language: Locale): Promise<LandingText | null> {
  const rows = await db
    .selectFrom('phishing_landing_page_texts')
    .select(['language', 'title', 'html'])
    .where('landing_page_id', '=', landingPageId)
    .execute();
  return pick(rows, language) ?? null;
}

export interface Cue {
  id: string;
  category: string;
  label: string;
  explanation: string;
}

export interface EmailText {
  language: Locale;
  fromName: string;
  fromLocalPart: string;
  subject: string;
  html: string;
  cues: Cue[];
}

export async function loadEmail(db: Db, templateId: string, language: Locale): Promise<EmailText | null> {
  const rows = await db
    .selectFrom('phishing_template_texts')
    .select(['language', 'from_name', 'from_local_part', 'subject', 'html', 'cues'])
    .where('template_id', '=', templateId)
    .execute();
  const t = pick(rows, language);
  if (!t) return null;
  const cues = fromJson<unknown>(t.cues, []);
  return {
    language: t.language,
    fromName: t.from_name,
    fromLocalPart: t.from_local_part,
    subject: t.subject,
    html: t.html,
    cues: (Array.isArray(cues) ? cues : []).filter(
      (c): c is Cue => typeof c === 'object' && c !== null && typeof (c as Cue).id === 'string' && typeof (c as Cue).label === 'string',
    ),
  };
}

export interface OfferedModule {
  id: string;
  title: string;
  summary: string;
  durationMinutes: number;
}

/** The campaign's learning module, if it is still published. */
export async function loadModule(db: Db, moduleId: string, language: Locale): Promise<OfferedModule | null> {
  const m = await db
    .selectFrom('learning_modules')
    .select(['id', 'duration_minutes'])
    .where('id', '=', moduleId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!m) return null;
  const texts = await db
    .selectFrom('learning_module_texts')
    .select(['language', 'title', 'summary'])
    .where('module_id', '=', m.id)
    .execute();
  const t = pick(texts, language);
  return t ? { id: m.id, title: t.title, summary: t.summary, durationMinutes: m.duration_minutes } : null;
}
