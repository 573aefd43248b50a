/**
 * Shapes of the phishing library API (docs/api-phishing.md, "Library") and its closed vocabularies.
 * The lists are copied from the server's schemas (vocab.test.ts checks they match) so the web
 * bundle does not pull the server's zod schemas in.
 */

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

export const origins = ['catalogue', 'custom', 'fork', 'import'] as const;
export type Origin = (typeof origins)[number];

export const templateThemes = [
  'professional-identity',
  'lab-results',
  'health-insurance',
  'supplier-invoice',
  'hr-notice',
  'it-notice',
  'parcel-delivery',
  'shared-document',
  'secure-messaging',
  'patient-record',
  'training',
  'payroll',
  'conference',
  'other',
] as const;
export type TemplateTheme = (typeof templateThemes)[number];

/** NIST Phish Scale, from the easiest to spot to the hardest. */
export const difficulties = ['least-difficult', 'moderately-difficult', 'very-difficult'] as const;
export type Difficulty = (typeof difficulties)[number];

export const premiseAlignments = ['high', 'medium', 'low'] as const;
export type PremiseAlignment = (typeof premiseAlignments)[number];

export const cueCategories = ['error', 'technical', 'visual', 'language', 'tactic'] as const;
export type CueCategory = (typeof cueCategories)[number];

export const landingKinds = ['sign-in', 'webmail', 'file-share', 'attachment'] as const;
export type LandingKind = (typeof landingKinds)[number];

/** The only `{{name}}` placeholders the server accepts (server placeholders.ts). */
export const placeholders = [
  'firstName',
  'lastName',
  'email',
  'service',
  'site',
  'organization',
  'jobTitle',
  'link',
  'trackingImage',
  'senderDomain',
  'today',
  'reportAddress',
  'reportLink',
] as const;

export const tlsModes = ['none', 'starttls', 'tls'] as const;
export type TlsMode = (typeof tlsModes)[number];

export const groupKinds = ['target', 'exclusion'] as const;
export type GroupKind = (typeof groupKinds)[number];

export const importKinds = ['templates', 'landing_pages', 'groups', 'profiles'] as const;
export type ImportKind = (typeof importKinds)[number];

export interface Cue {
  id: string;
  category: CueCategory;
  label: string;
  explanation: string;
}

export interface TemplateText {
  title: string;
  fromName: string;
  fromLocalPart: string;
  subject: string;
  html: string;
  cues: Cue[];
  premiseRationale: string;
}

export interface TemplateSummary {
  id: string;
  origin: Origin;
  forkedFrom: string | null;
  theme: string;
  title: string;
  subject: string;
  difficulty: Difficulty;
  cueCount: number;
  premiseAlignment: PremiseAlignment;
  audiences: string[];
  landingPageId: string | null;
  languages: Language[];
  version: number;
  archived: boolean;
  updatedAt: string;
}

export interface Template extends TemplateSummary {
  texts: { fr?: TemplateText; en?: TemplateText };
}

export interface TemplateInput {
  theme: string;
  audiences: string[];
  landingPageId: string | null;
  premiseAlignment: PremiseAlignment;
  texts: { fr?: TemplateText; en?: TemplateText };
}

export interface TemplatePreview {
  subject: string;
  html: string;
  unknownPlaceholders: string[];
}

export interface LandingText {
  title: string;
  html: string;
}

export interface LandingSummary {
  id: string;
  origin: Origin;
  kind: LandingKind;
  title: string;
  languages: Language[];
  version: number;
  archived: boolean;
  updatedAt: string;
}

export interface Landing extends LandingSummary {
  texts: { fr?: LandingText; en?: LandingText };
}

export interface LandingInput {
  kind: LandingKind;
  texts: { fr?: LandingText; en?: LandingText };
}

export interface ExtraHeader {
  name: string;
  value: string;
}

export interface Profile {
  id: string;
  name: string;
  host: string;
  port: number;
  tlsMode: TlsMode;
  username: string | null;
  hasPassword: boolean;
  fromName: string;
  fromAddress: string;
  ratePerMinute: number;
  windowDays: number[];
  windowStart: string;
  windowEnd: string;
  timeZone: string;
  extraHeaders: ExtraHeader[];
  createdAt: string;
  updatedAt: string;
}

export interface ProfileInput {
  name: string;
  host: string;
  port: number;
  tlsMode: TlsMode;
  username: string | null;
  /** Omitted: keep the stored one; null: remove it. */
  password?: string | null;
  fromName: string;
  fromAddress: string;
  ratePerMinute: number;
  windowDays: number[];
  windowStart: string;
  windowEnd: string;
  timeZone: string;
  extraHeaders: ExtraHeader[];
}

export interface TargetCriteria {
  services?: string[];
  roleFamilies?: string[];
  sites?: string[];
  personIds?: string[];
}

export interface TargetGroup {
  id: string;
  kind: GroupKind;
  name: string;
  criteria: TargetCriteria;
  createdAt: string;
  updatedAt: string;
}

export interface ImapSettings {
  host: string;
  port: number;
  tls: boolean;
  username: string;
  hasPassword: boolean;
  folder: string;
}

export interface PhishingSettings {
  anonymousDefault: boolean;
  retentionDays: number;
  transparencyNote: string;
  reportAddress: string;
  imap: ImapSettings | null;
  updatedAt: string | null;
}

export interface Mandate {
  territoryId: string;
  name: string;
  kind: string;
  granted: boolean;
  grantedAt: string | null;
}

export interface ImportLine {
  name: string;
  field: string;
  reason: string;
}

export interface ImportReport {
  dryRun: boolean;
  created: Array<{ kind: string; id: string; name: string }>;
  skipped: ImportLine[];
  warnings: ImportLine[];
}
