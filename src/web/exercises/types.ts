/** The exercises API's shapes as the pages read them (docs/api-exercises.md). */

export const exerciseStatuses = ['draft', 'running', 'paused', 'ended', 'closed'] as const;
export type ExerciseStatus = (typeof exerciseStatuses)[number];
export const levels = ['beginner', 'intermediate', 'confirmed'] as const;
export const cellRoles = [
  'director',
  'it_director',
  'security_officer',
  'communication',
  'medical_lead',
  'switchboard',
  'dpo',
  'other',
] as const;
export type CellRole = (typeof cellRoles)[number];
export const staffFunctions = ['animator', 'local_animator', 'observer'] as const;
export const channels = ['email', 'phone', 'sms', 'press', 'social', 'ars_request', 'internal_note', 'paper_form'] as const;
export type Channel = (typeof channels)[number];
export const conditions = ['reaction_missing', 'reaction_given'] as const;
export type Condition = (typeof conditions)[number];
export const stimulusStatuses = ['pending', 'delivered', 'skipped'] as const;
/** Same bound as the server (MAX_OFFSET_MINUTES): eight hours of play. */
export const MAX_OFFSET_MINUTES = 480;

export interface Bilingual {
  fr: string;
  en: string;
}

export interface ScenarioSummary {
  id: string;
  version: number;
  level: string;
  scope: 'establishment' | 'territory' | string;
  durationMinutes: number;
  title: Bilingual;
  summary: Bilingual;
  cells: Array<{ id: string; name: Bilingual }>;
  objectiveCount: number;
  stimulusCount: number;
  spareCount: number;
}

export interface ExerciseSummary {
  id: string;
  organizationId: string | null;
  territoryId: string | null;
  scenarioId: string;
  scenarioVersion: number;
  title: string;
  level: string;
  status: ExerciseStatus;
  kind: 'exercise' | 'incident';
  plannedStart: string | null;
  startedAt: string | null;
  endedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A stimulus in the scenario format; `id` is its chronogram code (s01…). */
export interface StimulusInput {
  id: string;
  offsetMinutes?: number;
  channel: Channel;
  personaId: string;
  target: { cellId: string; roles: CellRole[] };
  subject: Bilingual;
  content: Bilingual;
  expectedReaction: Bilingual;
  spare?: boolean;
  after?: { stimulusId: string; condition: Condition };
  media?: { source: Bilingual; headline: Bilingual };
}

export interface Stimulus extends StimulusInput {
  stimulusId: string;
  status: (typeof stimulusStatuses)[number];
  deliveredAt: string | null;
  position: number;
  persona: { name: Bilingual; function: Bilingual };
}

export interface Cell {
  id: string;
  organizationId: string;
  organizationName: string;
  scenarioCellId: string;
  name: string;
  joinedAt: string;
}

export interface Participant {
  id: string;
  accountId: string;
  displayName: string;
  cellId: string | null;
  function: string;
  joinedAt: string;
}

export interface ExerciseDetail extends ExerciseSummary {
  pausedMs: number;
  scenarioCells: Array<{ id: string; name: Bilingual; roles: CellRole[] }>;
  personas: Array<{ id: string; name: Bilingual; function: Bilingual }>;
  cells: Cell[];
  participants: Participant[];
  objectives: Array<{ id: string; text: Bilingual; criteria: Bilingual[] }>;
  chronogram: Stimulus[];
}

export interface MyExercise extends ExerciseSummary {
  function: string;
  cell: { id: string; name: string; organizationId: string } | null;
}

export type PlayerStimulus = Omit<Stimulus, 'expectedReaction'>;

export interface ImportReport {
  dryRun: boolean;
  valid: boolean;
  issues: Array<{ line: number | null; column: string | null; code: string; message: string }>;
  stimulusCount: number;
}

/** Where an exercise lives: an establishment's own or a territory's. */
export type Owner = { kind: 'org'; id: string } | { kind: 'territory'; id: string };

/** Text in the page's language (French when the page is neither). */
export const pick = (b: Bilingual, lang: string): string => (lang.startsWith('en') ? b.en : b.fr);
