import type { Bool01 } from '../../db/dialect.js';

/** JSON columns are text (ADR 0002); their shapes are documented beside each column. */
type JsonText = string;

export type ModuleOrigin = 'catalogue' | 'custom' | 'fork';
export type ModuleKind = 'lesson' | 'flash_alert';
export type ModuleStatus = 'draft' | 'published' | 'archived';
export type AssignmentStatus = 'assigned' | 'in_progress' | 'completed';
export type AssignmentSource = 'rule' | 'manual' | 'flash_alert' | 'phishing' | 'self';
export type AttemptPhase = 'lesson' | 'quiz' | 'relearn' | 'done';
export type AnswerKind = 'quiz' | 'relearn' | 'review';

export interface LearningModulesTable {
  id: string;
  organization_id: string | null;
  origin: ModuleOrigin;
  forked_from: string | null;
  kind: ModuleKind;
  audience: 'staff' | 'patients';
  level: number;
  topic: string;
  role_families: JsonText; // RoleFamily[]
  threat_tags: JsonText; // ThreatTag[]
  version: number;
  duration_minutes: number;
  status: ModuleStatus;
  last_reviewed: string | null;
  content_hash: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LearningModuleTextsTable {
  module_id: string;
  language: 'fr' | 'en';
  title: string;
  summary: string;
  screens: JsonText; // LessonScreen[]
  questions: JsonText; // Question[] (with correct flags and explanations)
  updated_at: string;
}

export interface LearningMediaTable {
  id: string;
  organization_id: string;
  filename: string;
  content_type: string;
  size: number;
  data: string; // base64
  created_by: string | null;
  created_at: string;
}

export interface LearningCurriculaTable {
  id: string;
  organization_id: string | null;
  kind: 'onboarding' | 'refresher' | 'custom';
  name_fr: string;
  name_en: string;
  module_ids: JsonText; // string[]
  due_days: number;
  recurrence_months: number | null;
  created_at: string;
  updated_at: string;
}

export interface LearningRulesTable {
  id: string;
  organization_id: string | null;
  territory_id: string | null;
  curriculum_id: string;
  role_families: JsonText;
  services: JsonText;
  sites: JsonText;
  organization_ids: JsonText;
  due_days: number;
  active: Bool01;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LearningAssignmentsTable {
  id: string;
  organization_id: string;
  person_id: string;
  module_id: string;
  curriculum_id: string | null;
  rule_id: string | null;
  source: AssignmentSource;
  cycle: string;
  status: AssignmentStatus;
  assigned_at: string;
  due_at: string | null;
  completed_at: string | null;
  attempts: number;
  first_score: number | null;
  last_score: number | null;
  best_score: number | null;
  reminder_sent_at: string | null;
  escalated_at: string | null;
}

export interface LearningAttemptsTable {
  id: string;
  assignment_id: string;
  organization_id: string;
  person_id: string;
  module_id: string;
  module_version: number;
  number: number;
  question_ids: JsonText; // string[]
  relearn_ids: JsonText; // string[]
  phase: AttemptPhase;
  screen: number;
  answered: number;
  correct: number;
  score: number | null;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface LearningAnswersTable {
  id: string;
  attempt_id: string | null;
  organization_id: string;
  person_id: string;
  module_id: string;
  question_id: string;
  kind: AnswerKind;
  choice_index: number;
  correct: Bool01;
  answered_at: string;
}

export interface LearningReviewsTable {
  person_id: string;
  module_id: string;
  question_id: string;
  organization_id: string;
  topic: string;
  box: number;
  due_at: string;
  lapses: number;
  mastered: Bool01;
  updated_at: string;
}

export interface LearningMasteryTable {
  person_id: string;
  topic: string;
  organization_id: string;
  score: number;
  level: number;
  answers: number;
  correct: number;
  mastered: Bool01;
  updated_at: string;
}

export interface LearningFlashAlertsTable {
  id: string;
  module_id: string;
  scope_kind: 'organization' | 'territory' | 'platform';
  scope_id: string;
  role_families: JsonText;
  organization_ids: JsonText;
  recipients: number;
  published_by: string | null;
  published_at: string;
  expires_at: string | null;
}

export interface LearningFlashReceiptsTable {
  alert_id: string;
  person_id: string;
  organization_id: string;
  emailed_at: string | null;
  email_error: string | null;
  acknowledged_at: string | null;
}

export interface LearningPublicPagesTable {
  organization_id: string;
  slug: string;
  enabled: Bool01;
  created_at: string;
  updated_at: string;
}

export interface LearningPublicCountsTable {
  organization_id: string;
  module_id: string;
  day: string;
  views: number;
  completions: number;
}

export interface LearningPersonStatsTable {
  person_id: string;
  organization_id: string;
  assigned: number;
  completed: number;
  first_score_sum: number;
  last_score_sum: number;
  scored: number;
  /** The earliest due date of the person's modules not completed yet (null: none with a due date). */
  next_due_at: string | null;
  updated_at: string;
}

export interface LearningModuleStatsTable {
  organization_id: string;
  module_id: string;
  assigned: number;
  completed: number;
  first_score_sum: number;
  last_score_sum: number;
  scored: number;
  updated_at: string;
}

export interface LearningTopicStatsTable {
  organization_id: string;
  topic: string;
  learners: number;
  mastered: number;
  score_sum: number;
}

export interface LearningDailyTable {
  organization_id: string;
  day: string;
  completions: number;
  score_sum: number;
  answers: number;
  correct: number;
}

export interface LearningTables {
  learning_modules: LearningModulesTable;
  learning_module_texts: LearningModuleTextsTable;
  learning_media: LearningMediaTable;
  learning_curricula: LearningCurriculaTable;
  learning_rules: LearningRulesTable;
  learning_assignments: LearningAssignmentsTable;
  learning_attempts: LearningAttemptsTable;
  learning_answers: LearningAnswersTable;
  learning_reviews: LearningReviewsTable;
  learning_mastery: LearningMasteryTable;
  learning_flash_alerts: LearningFlashAlertsTable;
  learning_flash_receipts: LearningFlashReceiptsTable;
  learning_public_pages: LearningPublicPagesTable;
  learning_public_counts: LearningPublicCountsTable;
  learning_person_stats: LearningPersonStatsTable;
  learning_module_stats: LearningModuleStatsTable;
  learning_topic_stats: LearningTopicStatsTable;
  learning_daily: LearningDailyTable;
}
