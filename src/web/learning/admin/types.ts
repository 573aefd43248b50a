/**
 * Shapes of the learning administration API as the admin pages read them (docs/api-learning.md,
 * "Administration of an organization", "Metrics", "Patient page"). The server is the source of truth.
 */
import type { RoleFamily } from '../../../server/modules/identity/domain.js';

export type { RoleFamily };
export type Language = 'fr' | 'en';
export type Origin = 'catalogue' | 'custom' | 'fork';
export type ModuleStatus = 'draft' | 'published' | 'archived';
export type Audience = 'staff' | 'patients';

export interface Choice {
  text: string;
  correct: boolean;
  explanation: string;
}

export interface Question {
  id: string;
  level: number;
  prompt: string;
  choices: Choice[];
}

export interface ModuleText {
  title: string;
  summary: string;
  screens: Array<{ title: string; body: string }>;
  questions: Question[];
}

export interface ModuleSummary {
  id: string;
  origin: Origin;
  forkedFrom: string | null;
  kind: 'lesson' | 'flash_alert';
  audience: Audience;
  level: number;
  topic: string;
  roleFamilies: string[];
  threatTags: string[];
  version: number;
  durationMinutes: number;
  status: ModuleStatus;
  lastReviewed: string | null;
  title: string;
  summary: string;
  languages: Language[];
  questions: number;
  editable: boolean;
}

export interface ModuleDetail extends ModuleSummary {
  texts: { fr?: ModuleText; en?: ModuleText };
}

export interface ModuleInput {
  audience: Audience;
  level: number;
  topic: string;
  roleFamilies: string[];
  threatTags: string[];
  durationMinutes: number;
  status?: 'draft' | 'published';
  texts: { fr?: ModuleText; en?: ModuleText };
}

export interface Curriculum {
  id: string;
  organizationId: string | null;
  kind: 'onboarding' | 'refresher' | 'custom';
  nameFr: string;
  nameEn: string;
  moduleIds: string[];
  dueDays: number;
  recurrenceMonths: number | null;
  editable: boolean;
}

export interface CurriculumInput {
  nameFr: string;
  nameEn: string;
  moduleIds: string[];
  dueDays: number;
  recurrenceMonths: number | null;
}

export interface Rule {
  id: string;
  organizationId: string | null;
  territoryId: string | null;
  curriculumId: string;
  curriculumName: string;
  roleFamilies: string[];
  services: string[];
  sites: string[];
  organizationIds: string[];
  dueDays: number;
  active: boolean;
  createdAt: string;
  matching: number;
  enrolled: number;
  /** In an organization's list: the territory that set the rule (null for its own). */
  territoryName?: string | null;
  /** False for a territory's rule in an organization's list: only the coordinator changes it. */
  editable?: boolean;
}

export interface RuleInput {
  curriculumId: string;
  roleFamilies: string[];
  services: string[];
  sites: string[];
  dueDays: number;
  organizationIds?: string[];
}

export interface AssignmentsInput {
  moduleIds: string[];
  personIds?: string[];
  roleFamilies?: string[];
  services?: string[];
  sites?: string[];
  dueDays: number;
}

export interface FlashAlertInput {
  title: string;
  summary: string;
  body: string;
  language: Language;
  roleFamilies: string[];
  organizationIds?: string[];
}

export interface FlashAlert {
  id: string;
  moduleId: string;
  title: string;
  publishedAt: string;
  roleFamilies: string[];
  organizationIds: string[];
  recipients: number;
  emailed: number;
  acknowledged: number;
}

export interface Figures {
  people: number;
  assigned: number;
  completed: number;
  completionRate: number;
  firstScore: number | null;
  lastScore: number | null;
  scoreChange: number | null;
  overdue: number;
}

/** Figures withheld: fewer than `minGroupSize` people, so no one can be recognised. */
export interface Suppressed {
  suppressed: true;
  people: '<5';
}

export type GroupRow = { key: string; label: string } & (Figures | Suppressed);

export interface OrgMetrics {
  organization: { id: string; name: string };
  /** Suppressed too when the whole organization has fewer than 5 learners. */
  totals: Figures | Suppressed;
  groups: GroupRow[];
  modules: Array<{
    moduleId: string;
    title: string;
    assigned: number;
    completed: number;
    completionRate: number;
    firstScore: number | null;
    lastScore: number | null;
  }>;
  topics: Array<{ topic: string; learners: number; mastered: number; masteryRate: number; averageScore: number | null }>;
  trend: TrendPoint[];
  minGroupSize: number;
}

export interface TrendPoint {
  day: string;
  completions: number;
  averageScore: number | null;
  answers: number;
  correctRate: number | null;
}

export type MemberRow = { organizationId: string; name: string; sharing: boolean } & (Figures | Suppressed | Record<string, never>);

export interface TerritoryMetrics {
  territory: { id: string; name: string };
  members: MemberRow[];
  totals: Figures | Suppressed;
  minGroupSize: number;
}

export interface PublicPageSettings {
  slug: string;
  url: string;
  enabled: boolean;
  views: number;
  completions: number;
}

export type GroupBy = 'role_family' | 'service' | 'site';
