import type { Bool01 } from '../../db/dialect.js';

/** Phishing tables (migration 2026-11-29T0800_phishing). JSON columns are text (ADR 0002). */
type JsonText = string;

export type TlsMode = 'none' | 'starttls' | 'tls';
export type ContentOrigin = 'catalogue' | 'custom' | 'fork' | 'import';
export type LandingKind = 'sign-in' | 'webmail' | 'file-share' | 'attachment';
export type GroupKind = 'target' | 'exclusion';
export type CampaignStatus = 'draft' | 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled';
export type RecipientStatus = 'pending' | 'sending' | 'sent' | 'delivered' | 'retry' | 'failed' | 'cancelled';
export type EventKind = 'open' | 'click' | 'landing' | 'submit' | 'report' | 'teachable' | 'enrol';
export type ScannerReason = 'head' | 'user-agent' | 'address' | 'too-soon' | 'no-follow-up';
export type ReportSource = 'smtp' | 'imap' | 'link';
export type ReportVerdict = 'simulation' | 'pending' | 'phishing' | 'spam' | 'legitimate';
export type StatsDimension = 'all' | 'service' | 'role_family' | 'site';

export interface PhishingSendingProfilesTable {
  id: string;
  organization_id: string | null;
  territory_id: string | null;
  name: string;
  host: string;
  port: number;
  tls_mode: TlsMode;
  username: string | null;
  password_sealed: string | null;
  from_name: string;
  from_address: string;
  rate_per_minute: number;
  window_days: JsonText; // number[] ISO weekdays, 1 = Monday
  window_start: string; // "HH:MM"
  window_end: string;
  time_zone: string;
  extra_headers: JsonText; // {name, value}[]
  archived: Bool01;
  created_at: string;
  updated_at: string;
}

export interface PhishingLandingPagesTable {
  id: string;
  organization_id: string | null;
  origin: ContentOrigin;
  forked_from: string | null;
  kind: LandingKind;
  version: number;
  archived: Bool01;
  created_at: string;
  updated_at: string;
}

export interface PhishingLandingPageTextsTable {
  landing_page_id: string;
  language: 'fr' | 'en';
  title: string;
  html: string;
}

export interface PhishingTemplatesTable {
  id: string;
  organization_id: string | null;
  origin: ContentOrigin;
  forked_from: string | null;
  theme: string;
  audiences: JsonText; // RoleFamily[]
  landing_page_id: string | null;
  premise_alignment: 'high' | 'medium' | 'low';
  cue_count: number;
  difficulty: 'very-difficult' | 'moderately-difficult' | 'least-difficult';
  version: number;
  archived: Bool01;
  created_at: string;
  updated_at: string;
}

export interface PhishingTemplateTextsTable {
  template_id: string;
  language: 'fr' | 'en';
  title: string;
  from_name: string;
  from_local_part: string;
  subject: string;
  html: string;
  cues: JsonText; // {id, category, label, explanation}[]
  premise_rationale: string;
}

export interface PhishingGroupsTable {
  id: string;
  organization_id: string;
  kind: GroupKind;
  name: string;
  criteria: JsonText; // TargetCriteria
  created_at: string;
  updated_at: string;
}

export interface PhishingTerritoryMandatesTable {
  territory_id: string;
  organization_id: string;
  granted_by: string | null;
  granted_at: string;
}

export interface PhishingSettingsTable {
  organization_id: string;
  anonymous_default: Bool01;
  retention_days: number;
  transparency_note: string;
  imap_host: string | null;
  imap_port: number | null;
  imap_tls: Bool01;
  imap_username: string | null;
  imap_password_sealed: string | null;
  imap_folder: string;
  imap_last_uid: number;
  updated_at: string;
}

export interface PhishingCampaignsTable {
  id: string;
  organization_id: string | null;
  territory_id: string | null;
  name: string;
  status: CampaignStatus;
  template_id: string;
  template_version: number;
  difficulty: string;
  landing_page_id: string | null;
  sending_profile_id: string;
  learning_module_id: string | null;
  targets: JsonText; // CampaignTargets
  anonymous: Bool01;
  retention_days: number;
  launch_at: string | null;
  spread_until: string | null;
  paused_at: string | null;
  launched_at: string | null;
  completed_at: string | null;
  purged_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PhishingRecipientsTable {
  id: string;
  campaign_id: string;
  organization_id: string;
  person_id: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  service: string | null;
  role_family: string | null;
  site: string | null;
  token_hash: string;
  send_order: number;
  scheduled_at: string;
  status: RecipientStatus;
  attempts: number;
  next_attempt_at: string | null;
  claimed_by: string | null;
  last_error: string | null;
  message_id: string | null;
  sent_at: string | null;
  delivered_at: string | null;
  opened_at: string | null;
  clicked_at: string | null;
  submitted_at: string | null;
  reported_at: string | null;
  scanner_flagged: number;
}

export interface PhishingEventsTable {
  id: string;
  campaign_id: string;
  recipient_id: string;
  kind: EventKind;
  at: string;
  scanner_reason: ScannerReason | null;
  user_agent: string | null;
  address: string | null;
}

export interface PhishingCampaignStatsTable {
  campaign_id: string;
  organization_id: string;
  dimension: StatsDimension;
  group_key: string;
  targets: number;
  sent: number;
  delivered: number;
  failed: number;
  opened: number;
  clicked: number;
  submitted: number;
  reported: number;
  scanner_flagged: number;
  report_seconds_sum: number;
  // Time-to-report histogram: under 5 min, 15 min, 1 h, 4 h, 24 h, later.
  report_b0: number;
  report_b1: number;
  report_b2: number;
  report_b3: number;
  report_b4: number;
  report_b5: number;
  updated_at: string;
}

export interface PhishingReportsTable {
  id: string;
  organization_id: string | null;
  source: ReportSource;
  reporter_email: string | null;
  reporter_person_id: string | null;
  recipient_id: string | null;
  subject: string;
  from_address: string;
  excerpt: string;
  urls: JsonText; // string[]
  raw_size: number;
  verdict: ReportVerdict;
  note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  feedback_sent_at: string | null;
  received_at: string;
}

export interface PhishingTables {
  phishing_sending_profiles: PhishingSendingProfilesTable;
  phishing_landing_pages: PhishingLandingPagesTable;
  phishing_landing_page_texts: PhishingLandingPageTextsTable;
  phishing_templates: PhishingTemplatesTable;
  phishing_template_texts: PhishingTemplateTextsTable;
  phishing_groups: PhishingGroupsTable;
  phishing_territory_mandates: PhishingTerritoryMandatesTable;
  phishing_settings: PhishingSettingsTable;
  phishing_campaigns: PhishingCampaignsTable;
  phishing_recipients: PhishingRecipientsTable;
  phishing_events: PhishingEventsTable;
  phishing_campaign_stats: PhishingCampaignStatsTable;
  phishing_reports: PhishingReportsTable;
}
