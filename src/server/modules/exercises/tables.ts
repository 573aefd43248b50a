import type { CellRole, StimulusChannel, StimulusCondition } from './scenario-format.js';

export const exerciseStatuses = ['draft', 'running', 'paused', 'ended', 'closed'] as const;
export type ExerciseStatus = (typeof exerciseStatuses)[number];
/** The same console plays a rehearsal or follows a real incident. */
export const exerciseKinds = ['exercise', 'incident'] as const;
export type ExerciseKind = (typeof exerciseKinds)[number];
/** A player's function in a cell, or a role outside the cells (animation, observation). */
export const participantFunctions = [
  'director',
  'it_director',
  'security_officer',
  'communication',
  'medical_lead',
  'switchboard',
  'dpo',
  'other',
] as const satisfies readonly CellRole[];
export const staffFunctions = ['animator', 'local_animator', 'observer'] as const;
export type ParticipantFunction = (typeof participantFunctions)[number] | (typeof staffFunctions)[number];
export const stimulusStatuses = ['pending', 'delivered', 'skipped'] as const;
export type StimulusStatus = (typeof stimulusStatuses)[number];

export interface ExercisesTable {
  id: string;
  /** Exactly one of organization_id / territory_id: who owns and runs the exercise. */
  organization_id: string | null;
  territory_id: string | null;
  scenario_id: string;
  scenario_version: number;
  /** The scenario as it was when the exercise was made (cells, personas, milestones): later library edits do not move it. */
  scenario_json: string;
  title: string;
  level: string;
  status: ExerciseStatus;
  kind: ExerciseKind;
  planned_start: string | null;
  started_at: string | null;
  paused_at: string | null;
  /** Total time spent paused, so offsets count played time only. */
  paused_ms: number;
  /** JSON [{ from, to }] of the pauses that ended (resumed, or ended while paused): measured times leave them out. */
  pauses: string;
  ended_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ExerciseCellsTable {
  id: string;
  exercise_id: string;
  organization_id: string;
  /** The scenario cell it plays (`lead`, `member`...): stimuli target scenario cells. */
  scenario_cell_id: string;
  name: string;
  /** A cell added while running only receives what is delivered after this instant. */
  joined_at: string;
  created_at: string;
}

export interface ExerciseParticipantsTable {
  id: string;
  exercise_id: string;
  /** Null for animators and observers of the whole exercise. */
  cell_id: string | null;
  account_id: string;
  function: ParticipantFunction;
  joined_at: string;
}

export interface ExerciseStimuliTable {
  id: string;
  exercise_id: string;
  /** The chronogram id (s01...), unique in the exercise. */
  code: string;
  offset_minutes: number | null;
  channel: StimulusChannel;
  persona_id: string;
  persona_name_fr: string;
  persona_name_en: string;
  persona_function_fr: string;
  persona_function_en: string;
  target_cell: string;
  /** JSON array of CellRole. */
  target_roles: string;
  subject_fr: string;
  subject_en: string;
  content_fr: string;
  content_en: string;
  expected_fr: string;
  expected_en: string;
  spare: number;
  after_code: string | null;
  after_condition: StimulusCondition | null;
  /** JSON `{ source, headline }` or null. */
  media: string | null;
  status: StimulusStatus;
  delivered_at: string | null;
  position: number;
  updated_at: string;
}

export interface ExerciseObjectivesTable {
  id: string;
  exercise_id: string;
  code: string;
  text_fr: string;
  text_en: string;
  /** JSON array of `{ fr, en }`: the observation grid's lines. */
  criteria: string;
  position: number;
}

/** What a cell writes during play; the animators' chat lines are `chat` with from_animators = 1. */
export const entryKinds = ['reply', 'logbook', 'decision', 'task', 'chat'] as const;
export type EntryKind = (typeof entryKinds)[number];
export const taskStatuses = ['todo', 'doing', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** One row per stimulus and cell that received it (exactly once, unique index). */
export interface ExerciseDeliveriesTable {
  id: string;
  exercise_id: string;
  stimulus_id: string;
  cell_id: string;
  delivered_at: string;
}

export interface ExerciseEntriesTable {
  id: string;
  exercise_id: string;
  cell_id: string;
  kind: EntryKind;
  account_id: string | null;
  /** Copied at write time: the logbook reads as written even if the account is renamed. */
  author_name: string;
  from_animators: number;
  /** The stimulus a reply answers. */
  stimulus_id: string | null;
  text: string;
  category: string | null;
  /** A decision: who took it (a function or a name, not necessarily the writer). */
  decided_by: string | null;
  assignee: string | null;
  task_status: TaskStatus | null;
  created_at: string;
  updated_at: string;
}

export interface ExerciseObservationsTable {
  id: string;
  exercise_id: string;
  objective_code: string;
  cell_id: string | null;
  account_id: string;
  note: string | null;
  /** 1 (not met) to 4 (fully met); null for a note alone. */
  rating: number | null;
  created_at: string;
}

export interface ExercisesTables {
  exercises: ExercisesTable;
  exercise_cells: ExerciseCellsTable;
  exercise_participants: ExerciseParticipantsTable;
  exercise_stimuli: ExerciseStimuliTable;
  exercise_objectives: ExerciseObjectivesTable;
  exercise_deliveries: ExerciseDeliveriesTable;
  exercise_entries: ExerciseEntriesTable;
  exercise_observations: ExerciseObservationsTable;
  exercise_debriefs: ExerciseDebriefsTable;
  exercise_lessons: ExerciseLessonsTable;
  exercise_incidents: ExerciseIncidentsTable;
  crisis_kits: CrisisKitsTable;
}

/** A cell's hot debrief, written just after the end (one per cell; writing again replaces it). */
export interface ExerciseDebriefsTable {
  id: string;
  exercise_id: string;
  cell_id: string;
  went_well: string;
  to_improve: string;
  surprises: string;
  written_by: string | null;
  created_at: string;
  updated_at: string;
}

export const lessonSources = ['questionnaire', 'animators'] as const;
export type LessonSource = (typeof lessonSources)[number];

/** A lesson learned; it becomes one action of its organization's plan when the exercise is closed. */
export interface ExerciseLessonsTable {
  id: string;
  exercise_id: string;
  organization_id: string;
  cell_id: string | null;
  /** Null for an anonymous questionnaire answer. */
  account_id: string | null;
  source: LessonSource;
  /** Questionnaire scales, 1 to 5. */
  realism: number | null;
  usefulness: number | null;
  went_well: string | null;
  lesson: string;
  priority: 'low' | 'medium' | 'high' | 'critical';
  action_id: string | null;
  created_at: string;
}

/** A real incident's declaration: the clocks run from `detected_at`. */
export interface ExerciseIncidentsTable {
  exercise_id: string;
  organization_id: string;
  detected_at: string;
  /** JSON object: the declaration's fields, by checklist key. */
  content_json: string;
  early_warning_at: string | null;
  notification_at: string | null;
  final_report_at: string | null;
  /** JSON `{ step: instant }` of the reminders already emailed. */
  reminded_json: string;
  updated_at: string;
}

/** An organization's crisis kit: what the kit page edits, and when the printable kit was made. */
export interface CrisisKitsTable {
  organization_id: string;
  /** JSON array of `{ name, function, phone }`. */
  roster_json: string;
  /** JSON `{ lead, ars, certSante }`: free text (names, phone numbers, addresses). */
  contacts_json: string;
  generated_at: string | null;
  generated_by: string | null;
  updated_at: string;
}
