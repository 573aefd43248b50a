/** Territory pages' view of the API (docs/api-territory.md, docs/api-maturity.md heatmap). */
export const sharingDomains = ['maturity', 'training', 'phishing', 'suppliers', 'exercises', 'actions'] as const;
export type SharingDomain = (typeof sharingDomains)[number];
export type DomainFlags = Record<SharingDomain, boolean>;

export interface OrgRef {
  id: string;
  name: string;
  kind: string;
}

export interface SharingItem {
  territory: OrgRef;
  leads: Array<{ organizationId: string; name: string; kind: string }>;
  isLead: boolean;
  domains: DomainFlags;
  sharedSince: Record<SharingDomain, string | null>;
}

export interface MemberSharing {
  organizationId: string;
  name: string;
  kind: string;
  isLead: boolean;
  domains: DomainFlags;
}

export type Localized = { fr: string; en: string };

export interface HeatmapTheme {
  id: string;
  title: Localized;
  kind: 'hygiene' | 'care';
}

export interface TrendPoint {
  completedAt: string;
  variant: 'full' | 'short';
  overall: number;
}

export interface HeatmapMember {
  organizationId: string;
  name: string;
  kind: string;
  /** A lead establishment mentors; it is not offered a mentor. */
  isLead: boolean;
  shares: boolean;
  latest: (TrendPoint & { themes: Record<string, number | null> }) | null;
  trend: TrendPoint[];
}

export interface Heatmap {
  territoryId: string;
  themes: HeatmapTheme[];
  members: HeatmapMember[];
}

export interface Mentor {
  id: string;
  accountId: string;
  displayName: string;
  email: string;
  organization: OrgRef;
  capacity: number;
  activeMentees: number;
  capacityLeft: number;
  active: boolean;
  fromLead: boolean;
}

export interface Pairing {
  id: string;
  territoryId: string;
  mentor: { id: string; accountId: string; displayName: string; email: string; organization: OrgRef };
  mentee: OrgRef;
  startedAt: string;
  endedAt: string | null;
  endNote: string | null;
}

export const goalStatuses = ['planned', 'in_progress', 'reached', 'dropped'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export interface Goal {
  id: string;
  text: string;
  status: GoalStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Session {
  id: string;
  heldOn: string;
  durationMinutes: number;
  notes: string;
  nextSteps: string;
  createdAt: string;
  updatedAt: string;
}

export interface Plan extends Pairing {
  goals: Goal[];
  sessions: Session[];
  canWrite: boolean;
}

export const resourceKinds = ['procedure', 'reflex_sheet', 'template', 'charter', 'checklist', 'other'] as const;
export type ResourceKind = (typeof resourceKinds)[number];
export const audiences = ['all_staff', 'care_staff', 'management', 'it_security', 'town_professionals'] as const;
export type Audience = (typeof audiences)[number];
export const libraryLanguages = ['fr', 'en'] as const;

export interface Resource {
  id: string;
  territoryId: string;
  title: string;
  summary: string;
  kind: ResourceKind;
  tags: string[];
  audience: Audience;
  language: 'fr' | 'en';
  currentVersion: number | null;
  archived: boolean;
  archivedAt: string | null;
  fromStarterSet: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ResourceVersion {
  version: number;
  hasBody: boolean;
  file: { fileName: string; mediaType: string; size: number; sha256: string } | null;
  changeNote: string;
  authorLabel: string;
  createdAt: string;
}

export interface ResourceDetail extends Resource {
  body: string | null;
  versions: ResourceVersion[];
}
