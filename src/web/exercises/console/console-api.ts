import type { ExerciseStatus, Owner, Stimulus } from '../types.js';

/** The animation console's API paths and shapes (docs/api-exercises.md, "Live play"). */
const seg = encodeURIComponent;
const one = (o: Owner, id: string) => `/api/${o.kind === 'org' ? 'orgs' : 'territories'}/${seg(o.id)}/exercises/${seg(id)}`;

/** Who opens the console: a manager of the owner, or a local animator placed in some cells ('local'). */
export type ConsoleOwner = Owner | { kind: 'local' };
/** A local animator's console lives under /api/me; the same sub-paths, restricted to their cells. */
const play = (o: ConsoleOwner, id: string) => (o.kind === 'local' ? `/api/me/exercises/${seg(id)}/console` : `${one(o, id)}/play`);

/** The owner's stream carries every cell; a local animator's, their cells' own feeds. */
const streamPath = (o: ConsoleOwner, id: string): string => `${play(o, id)}/stream`;

export const consoleApi = {
  clock: (o: Owner, id: string, step: ClockStep) => `${one(o, id)}/play/${step}`,
  send: (o: ConsoleOwner, id: string, stimulusId: string) => `${play(o, id)}/stimuli/${seg(stimulusId)}/send`,
  timeline: (o: ConsoleOwner, id: string) => `${play(o, id)}/timeline`,
  stream: streamPath,
  journal: (o: ConsoleOwner, id: string, cellId: string) => `${play(o, id)}/cells/${seg(cellId)}/journal`,
  message: (o: ConsoleOwner, id: string, cellId: string) => `${play(o, id)}/cells/${seg(cellId)}/messages`,
};

/** A local animator's console page. */
export const localConsolePath = (id: string) => `/exercises/animate/${seg(id)}`;

/** The console page URL, the owner in the path like the exercise page's. */
export const consolePath = (o: Owner, id: string) => `/exercises/${o.kind === 'org' ? 'o' : 't'}/${seg(o.id)}/${seg(id)}/console`;

export const clockSteps = ['start', 'pause', 'resume', 'end'] as const;
export type ClockStep = (typeof clockSteps)[number];

export interface Clock {
  status: ExerciseStatus;
  startedAt: string | null;
  pausedAt: string | null;
  pausedMs: number;
  endedAt: string | null;
  /** When the server stated it: a later statement wins. */
  at: string;
}

export interface ConsoleStimulus extends Stimulus {
  dueAt: string | null;
  cellIds: string[];
}

export interface CellActivity {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  scenarioCellId: string;
  joinedAt: string;
  received: number;
  replies: number;
  logbook: number;
  decisions: number;
  tasks: number;
  messages: number;
  lastReplyAt: string | null;
  lastActivityAt: string | null;
}

export interface Timeline {
  exerciseId: string;
  status: ExerciseStatus;
  now: string;
  startedAt: string | null;
  pausedAt: string | null;
  pausedMs: number;
  endedAt: string | null;
  stimuli: ConsoleStimulus[];
  cells: CellActivity[];
}

export const entryKinds = ['reply', 'logbook', 'decision', 'task', 'chat'] as const;
export type EntryKind = (typeof entryKinds)[number];

export interface Entry {
  id: string;
  kind: EntryKind;
  cellId: string;
  text: string;
  authorName: string;
  fromAnimators: boolean;
  stimulusId: string | null;
  category: string | null;
  decidedBy: string | null;
  assignee: string | null;
  status: 'todo' | 'doing' | 'done' | null;
  createdAt: string;
  updatedAt: string;
}

export interface ObservationEvent {
  id: string;
  objectiveId: string;
  cellId: string | null;
  rating: number | null;
  note: string | null;
  createdAt: string;
}

/** What the console stream carries (ADR 0008): clock changes, deliveries, every cell's writes, observers' notes. */
export const consoleEventKinds = [
  'exercise.running',
  'exercise.paused',
  'exercise.ended',
  'exercise.closed',
  'stimulus',
  'stimulus.skipped',
  'reply.added',
  'logbook.added',
  'decision.added',
  'task.added',
  'chat.added',
  'task.updated',
  'observation.added',
] as const;
export type ConsoleEventKind = (typeof consoleEventKinds)[number];
