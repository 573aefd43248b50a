import type { Kysely } from 'kysely';

// Phishing simulation: sending profiles, templates and landing pages (catalogue from
// content/phishing and each organization's own), target groups and exclusion lists, campaigns
// (of an organization or of a territory for members that gave it a mandate), recipients (one row
// per email, the sending state machine), tracking events (append-only), reports from staff
// (simulations matched, real suspicious emails triaged), and the counters results pages read.
// Times are ISO-8601 UTC text, booleans 0/1, JSON as text (ADR 0002). Frozen once shipped.

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('phishing_sending_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id')) // owner, or:
    .addColumn('territory_id', 'text', (c) => c.references('territories.id')) // owner of a territory profile
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('tls_mode', 'text', (c) => c.notNull()) // none | starttls | tls
    .addColumn('username', 'text')
    .addColumn('password_sealed', 'text') // SecretBox.seal; never returned by the API
    .addColumn('from_name', 'text', (c) => c.notNull())
    .addColumn('from_address', 'text', (c) => c.notNull()) // its domain fills {{senderDomain}}
    .addColumn('rate_per_minute', 'integer', (c) => c.notNull())
    .addColumn('window_days', 'text', (c) => c.notNull()) // JSON [1..7], ISO weekday, 1 = Monday
    .addColumn('window_start', 'text', (c) => c.notNull()) // "08:00" local time
    .addColumn('window_end', 'text', (c) => c.notNull()) // "18:00"
    .addColumn('time_zone', 'text', (c) => c.notNull()) // "Europe/Paris"
    .addColumn('extra_headers', 'text', (c) => c.notNull().defaultTo('[]')) // JSON [{name, value}]
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('phishing_profiles_org').on('phishing_sending_profiles').columns(['organization_id']).execute();

  await db.schema
    .createTable('phishing_landing_pages')
    .addColumn('id', 'text', (c) => c.primaryKey()) // catalogue pages keep their content id
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id')) // null: catalogue
    .addColumn('origin', 'text', (c) => c.notNull()) // catalogue | custom | fork | import
    .addColumn('kind', 'text', (c) => c.notNull()) // sign-in | webmail | file-share | attachment
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('phishing_landing_page_texts')
    .addColumn('landing_page_id', 'text', (c) => c.notNull().references('phishing_landing_pages.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull()) // sanitised on save
    .addPrimaryKeyConstraint('phishing_landing_page_texts_pk', ['landing_page_id', 'language'])
    .execute();

  await db.schema
    .createTable('phishing_templates')
    .addColumn('id', 'text', (c) => c.primaryKey()) // catalogue templates keep their content id
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id')) // null: catalogue
    .addColumn('origin', 'text', (c) => c.notNull()) // catalogue | custom | fork | import
    .addColumn('forked_from', 'text')
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull().defaultTo('[]')) // JSON RoleFamily[]
    .addColumn('landing_page_id', 'text', (c) => c.references('phishing_landing_pages.id'))
    .addColumn('premise_alignment', 'text', (c) => c.notNull()) // high | medium | low
    .addColumn('cue_count', 'integer', (c) => c.notNull())
    .addColumn('difficulty', 'text', (c) => c.notNull()) // very-difficult | moderately-difficult | least-difficult
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('phishing_templates_org').on('phishing_templates').columns(['organization_id']).execute();
  await db.schema
    .createTable('phishing_template_texts')
    .addColumn('template_id', 'text', (c) => c.notNull().references('phishing_templates.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text', (c) => c.notNull())
    .addColumn('from_local_part', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull()) // sanitised on save, placeholders checked
    .addColumn('cues', 'text', (c) => c.notNull()) // JSON [{id, category, label, explanation}]
    .addColumn('premise_rationale', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('phishing_template_texts_pk', ['template_id', 'language'])
    .execute();

  // Saved target groups and exclusion lists: criteria over the directory, plus explicit people.
  await db.schema
    .createTable('phishing_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // target | exclusion
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull()) // JSON {services?, roleFamilies?, sites?, personIds?}
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('phishing_groups_org').on('phishing_groups').columns(['organization_id', 'kind']).execute();

  // A member organization lets a territory (its coordinators) run campaigns for it.
  await db.schema
    .createTable('phishing_territory_mandates')
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('granted_by', 'text')
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('phishing_territory_mandates_pk', ['territory_id', 'organization_id'])
    .execute();

  // Per-organization settings: reporting, privacy defaults, the IMAP mailbox polled for reports.
  await db.schema
    .createTable('phishing_settings')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('anonymous_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retention_days', 'integer', (c) => c.notNull().defaultTo(365))
    .addColumn('transparency_note', 'text', (c) => c.notNull().defaultTo('')) // extra text on the staff page
    .addColumn('imap_host', 'text')
    .addColumn('imap_port', 'integer')
    .addColumn('imap_tls', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('imap_username', 'text')
    .addColumn('imap_password_sealed', 'text')
    .addColumn('imap_folder', 'text', (c) => c.notNull().defaultTo('INBOX'))
    .addColumn('imap_last_uid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('phishing_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id')) // owner, or:
    .addColumn('territory_id', 'text', (c) => c.references('territories.id')) // territory campaign
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // draft | scheduled | running | paused | completed | cancelled
    .addColumn('template_id', 'text', (c) => c.notNull().references('phishing_templates.id'))
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('difficulty', 'text', (c) => c.notNull()) // snapshot at launch
    .addColumn('landing_page_id', 'text', (c) => c.references('phishing_landing_pages.id'))
    .addColumn('sending_profile_id', 'text', (c) => c.notNull().references('phishing_sending_profiles.id'))
    .addColumn('learning_module_id', 'text') // offered on the teachable-moment page
    .addColumn('targets', 'text', (c) => c.notNull()) // JSON {organizationIds?, groupIds?, services?, roleFamilies?, sites?, exclusionGroupIds?, excludedServices?}
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retention_days', 'integer', (c) => c.notNull())
    .addColumn('launch_at', 'text') // when sending starts
    .addColumn('spread_until', 'text') // sending spread until (within the profile's windows)
    .addColumn('paused_at', 'text')
    .addColumn('launched_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('purged_at', 'text') // per-person data removed after retention
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('phishing_campaigns_org').on('phishing_campaigns').columns(['organization_id', 'status']).execute();
  await db.schema.createIndex('phishing_campaigns_territory').on('phishing_campaigns').columns(['territory_id', 'status']).execute();

  // One row per email. The sender's state machine (ADR 0007): pending -> sending (claimed) ->
  // sent (marked in the same tick the end of DATA is written) -> delivered (250 received) |
  // retry (temporary error, next_attempt_at) | failed (permanent, last_error) | cancelled.
  await db.schema
    .createTable('phishing_recipients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('phishing_campaigns.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'text') // null once purged, or in anonymous mode after sending
    .addColumn('email', 'text') // idem
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('service', 'text') // snapshot for per-group results
    .addColumn('role_family', 'text')
    .addColumn('site', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique()) // sha256 of the 128-bit+ token sent in links
    .addColumn('send_order', 'integer', (c) => c.notNull()) // random order within the campaign
    .addColumn('scheduled_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('opened_at', 'text') // first human open
    .addColumn('clicked_at', 'text') // first human click
    .addColumn('submitted_at', 'text')
    .addColumn('reported_at', 'text')
    .addColumn('scanner_flagged', 'integer', (c) => c.notNull().defaultTo(0)) // events flagged as mail scanners
    .execute();
  await db.schema.createIndex('phishing_recipients_send').on('phishing_recipients').columns(['status', 'scheduled_at']).execute();
  await db.schema.createIndex('phishing_recipients_campaign').on('phishing_recipients').columns(['campaign_id', 'service']).execute();
  await db.schema.createIndex('phishing_recipients_person').on('phishing_recipients').columns(['person_id']).execute();

  // Append-only; written before the tracking response is sent (batched per event-loop tick).
  await db.schema
    .createTable('phishing_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // open | click | landing | submit | report | teachable | enrol
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('scanner_reason', 'text') // null: human; else head | user-agent | address | too-soon | no-follow-up
    .addColumn('user_agent', 'text') // truncated to 200 chars
    .addColumn('address', 'text') // client address, truncated to /24 (IPv4) or /48 (IPv6)
    .execute();
  await db.schema.createIndex('phishing_events_recipient').on('phishing_events').columns(['recipient_id', 'kind']).execute();
  await db.schema.createIndex('phishing_events_campaign').on('phishing_events').columns(['campaign_id', 'at']).execute();

  // Per campaign and group: what results pages read (never a scan of events per request).
  await db.schema
    .createTable('phishing_campaign_stats')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull()) // all | service | role_family | site
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('targets', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delivered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('clicked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scanner_flagged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_seconds_sum', 'integer', (c) => c.notNull().defaultTo(0))
    // Time-to-report histogram: under 5 min, 15 min, 1 h, 4 h, 24 h, later.
    .addColumn('report_b0', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_b1', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_b2', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_b3', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_b4', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_b5', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('phishing_campaign_stats_pk', ['campaign_id', 'organization_id', 'dimension', 'group_key'])
    .execute();

  // What staff forward to the reporting address (SMTP receiver, IMAP mailbox, report link).
  await db.schema
    .createTable('phishing_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id')) // null: reporter unknown
    .addColumn('source', 'text', (c) => c.notNull()) // smtp | imap | link
    .addColumn('reporter_email', 'text')
    .addColumn('reporter_person_id', 'text')
    .addColumn('recipient_id', 'text') // set when it is one of our simulations
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('from_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo('')) // first 2,000 chars of text
    .addColumn('urls', 'text', (c) => c.notNull().defaultTo('[]')) // JSON string[] found in the message
    .addColumn('raw_size', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verdict', 'text', (c) => c.notNull()) // simulation | pending | phishing | spam | legitimate
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('feedback_sent_at', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('phishing_reports_org')
    .on('phishing_reports')
    .columns(['organization_id', 'verdict', 'received_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-only
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'phishing_reports',
    'phishing_campaign_stats',
    'phishing_events',
    'phishing_recipients',
    'phishing_campaigns',
    'phishing_settings',
    'phishing_territory_mandates',
    'phishing_groups',
    'phishing_template_texts',
    'phishing_templates',
    'phishing_landing_page_texts',
    'phishing_landing_pages',
    'phishing_sending_profiles',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
