/**
 * The learner's side of the learning API (docs/api-learning.md, "Learner" and "Patient page").
 * Shapes copied from the contract; the server is the source of truth.
 */
export type Phase = 'lesson' | 'quiz' | 'relearn' | 'done';
export type AssignmentStatus = 'assigned' | 'in_progress' | 'completed';

export interface AssignmentProgress {
  phase: Phase | null;
  screen: number;
  screens: number;
  answered: number;
  questions: number;
}

export interface AssignmentCard {
  id: string;
  moduleId: string;
  title: string;
  summary: string;
  durationMinutes: number;
  level: number;
  topic: string;
  status: AssignmentStatus;
  dueAt: string | null;
  overdue: boolean;
  assignedAt: string;
  completedAt: string | null;
  bestScore: number | null;
  source: string;
  progress: AssignmentProgress;
}

export interface AlertBanner {
  id: string;
  moduleId: string;
  assignmentId: string | null;
  title: string;
  summary: string;
  publishedAt: string;
}

export interface MyLearning {
  assignments: AssignmentCard[];
  alerts: AlertBanner[];
  reviews: { due: number; nextAt: string | null };
  totals: { assigned: number; completed: number; overdue: number };
}

export interface Screen {
  title: string;
  body: string;
}

export interface RevealedChoice {
  text: string;
  correct: boolean;
  explanation: string;
}

export interface QuizQuestion {
  id: string;
  prompt: string;
  choices: Array<{ text: string }>;
}

export type AnswerKind = 'quiz' | 'relearn';

export interface GivenAnswer {
  questionId: string;
  kind: AnswerKind;
  choiceIndex: number;
  correct: boolean;
  choices: RevealedChoice[];
}

export interface Attempt {
  id: string;
  number: number;
  phase: Phase;
  screen: number;
  answered: number;
  correct: number;
  score: number | null;
  questions: QuizQuestion[];
  relearn: string[];
  answers: GivenAnswer[];
}

export interface PlayerState {
  assignment: AssignmentCard;
  module: {
    id: string;
    title: string;
    summary: string;
    durationMinutes: number;
    level: number;
    language: string;
    version: number;
    screens: Screen[];
  };
  attempt: Attempt | null;
}

/** Where the attempt stands after an answer: its questions and answers stay as the player has them. */
export type AttemptProgress = Omit<Attempt, 'questions' | 'answers'>;

export interface AnswerResult {
  correct: boolean;
  choices: RevealedChoice[];
  attempt: AttemptProgress;
}

export interface FinishResult {
  score: number;
  passed: boolean;
  assignment: AssignmentCard;
  reviews: Array<{ questionId: string; prompt: string; dueAt: string }>;
}

export interface ReviewQuestion {
  moduleId: string;
  moduleTitle: string;
  questionId: string;
  prompt: string;
  choices: Array<{ text: string }>;
  dueAt: string;
}

export interface Reviews {
  due: ReviewQuestion[];
  upcoming: Array<{ moduleId: string; moduleTitle: string; questionId: string; prompt: string; dueAt: string }>;
}

export interface ReviewAnswer {
  correct: boolean;
  choices: RevealedChoice[];
  nextDueAt: string | null;
  mastered: boolean;
}

export interface PublicPage {
  organization: { name: string };
  modules: Array<{ id: string; title: string; summary: string; durationMinutes: number }>;
}

export interface PublicModule {
  id: string;
  title: string;
  summary: string;
  language: string;
  screens: Screen[];
  questions: Array<{ id: string; prompt: string; choices: RevealedChoice[] }>;
}
