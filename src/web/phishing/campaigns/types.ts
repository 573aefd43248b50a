/** Shapes of the phishing API as the campaign pages read them (docs/api-phishing.md). */

export const campaignStatuses = ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const difficulties = ['least-difficult', 'moderately-difficult', 'very-difficult'] as const;
export type Difficulty = (typeof difficulties)[number];

export interface TargetCriteria {
  services?: string[];
  roleFamilies?: string[];
  sites?: string[];
  personIds?: string[];
}

export interface CampaignTargets {
  organizationIds?: string[];
  groupIds?: string[];
  criteria?: TargetCriteria;
  exclusionGroupIds?: string[];
  exclude?: TargetCriteria;
}

export interface CampaignBody {
  name: string;
  templateId: string;
  landingPageId?: string | null;
  sendingProfileId: string;
  learningModuleId?: string | null;
  targets: CampaignTargets;
  anonymous?: boolean;
  retentionDays?: number;
  launchAt: string;
  spreadUntil?: string;
}

export interface Progress {
  targets: number;
  sent: number;
  delivered: number;
  failed: number;
}

export interface Campaign {
  id: string;
  organizationId: string | null;
  territoryId: string | null;
  name: string;
  status: CampaignStatus;
  templateId: string;
  templateVersion: number;
  difficulty: string;
  landingPageId: string | null;
  sendingProfileId: string;
  learningModuleId: string | null;
  targets: CampaignTargets;
  anonymous: boolean;
  retentionDays: number;
  launchAt: string | null;
  spreadUntil: string | null;
  pausedAt: string | null;
  launchedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  progress: Progress;
}

export interface PreviewTargets {
  count: number;
  byOrganization: Array<{ organizationId: string; name: string; count: number }>;
  byService: Array<{ service: string | null; count: number }>;
}

export interface TerritoryMandate {
  organizationId: string;
  name: string;
  grantedAt: string;
}

export interface TemplateSummary {
  id: string;
  origin: 'catalogue' | 'custom' | 'fork';
  theme: string;
  title: string;
  subject: string;
  difficulty: Difficulty;
  cueCount: number;
  landingPageId: string | null;
  languages: Array<'fr' | 'en'>;
  archived: boolean;
}

export interface TemplateText {
  title: string;
  fromName: string;
  fromLocalPart: string;
  subject: string;
  html: string;
}

export interface Template extends TemplateSummary {
  texts: { fr?: TemplateText; en?: TemplateText };
}

export interface TemplatePreview {
  subject: string;
  html: string;
  unknownPlaceholders: string[];
}

export interface LandingPageSummary {
  id: string;
  origin: string;
  kind: string;
  title: string;
  archived: boolean;
}

export interface SendingProfile {
  id: string;
  name: string;
  fromAddress: string;
  ratePerMinute: number;
  windowDays: number[];
  windowStart: string;
  windowEnd: string;
  timeZone: string;
}

export interface TargetGroup {
  id: string;
  kind: 'target' | 'exclusion';
  name: string;
  criteria: TargetCriteria;
}

export interface LearningModuleSummary {
  id: string;
  title: string;
  durationMinutes: number;
  status: string;
}

export interface PhishingSettings {
  anonymousDefault: boolean;
  retentionDays: number;
  reportAddress: string | null;
}

export interface Counters {
  targets: number;
  sent: number;
  delivered: number;
  failed: number;
  opened: number;
  clicked: number;
  submitted: number;
  reported: number;
  scannerFlagged: number;
}

/** Fractions 0–1 (null: nothing to divide by). */
export interface Rates {
  delivered: number | null;
  opened: number | null;
  clicked: number | null;
  submitted: number | null;
  reported: number | null;
  scannerFlagged: number | null;
}

export const resultsDimensions = ['service', 'role_family', 'site'] as const;
export type ResultsDimension = (typeof resultsDimensions)[number];

export type ResultsGroup =
  | { key: string; label: string; counters: Counters; rates: Rates }
  | { key: string; label: string; suppressed: true };

export interface CampaignResults {
  campaign: {
    id: string;
    name: string;
    status: string;
    difficulty: string;
    launchedAt: string | null;
    completedAt: string | null;
    anonymous: boolean;
  };
  by: ResultsDimension;
  minGroupSize: number;
  totals: Counters;
  rates: Rates;
  adjusted: { clicked: number | null; reported: number | null };
  timeToReport: { buckets: number[]; medianBucket: number | null };
  groups: ResultsGroup[];
}

export type MemberResults =
  | { organizationId: string; name: string; counters: Counters; rates: Rates }
  | { organizationId: string; name: string; suppressed: true };

/** A territory campaign's results: totals of the members reached, then each member (≥ minimum size). */
export type TerritoryResults = Omit<CampaignResults, 'by' | 'groups'> & { members: MemberResults[] };

export const recipientOutcomes = ['clicked', 'submitted', 'reported', 'none'] as const;

export interface Recipient {
  id: string;
  personId: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  service: string | null;
  status: string;
  sentAt: string | null;
  deliveredAt: string | null;
  openedAt: string | null;
  clickedAt: string | null;
  submittedAt: string | null;
  reportedAt: string | null;
  scannerFlagged: boolean;
}

export interface RepeatClicker {
  personId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  service: string | null;
  active: boolean;
  /** Campaigns in which the person clicked, of those that reached them with their identity kept. */
  campaigns: number;
  received: number;
  lastClickedAt: string;
}

export const reportVerdicts = ['pending', 'phishing', 'spam', 'legitimate'] as const;
export const decidedVerdicts = ['phishing', 'spam', 'legitimate'] as const;
export type DecidedVerdict = (typeof decidedVerdicts)[number];

export interface PhishingReport {
  id: string;
  source: 'smtp' | 'imap' | 'link';
  reporterEmail: string | null;
  subject: string;
  fromAddress: string;
  excerpt: string;
  urls: string[];
  rawSize: number;
  verdict: 'simulation' | (typeof reportVerdicts)[number];
  note: string | null;
  decidedAt: string | null;
  feedbackSentAt: string | null;
  receivedAt: string;
}
