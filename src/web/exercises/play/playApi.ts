/** The players' space API paths and shapes (docs/api-exercises.md, "Players' space" and "Media page"). */
const seg = encodeURIComponent;
const cell = (id: string, cellId: string) => `/api/me/exercises/${seg(id)}/cells/${seg(cellId)}`;

export const playApi = {
  stream: (id: string, cellId: string) => `${cell(id, cellId)}/stream`,
  stimuli: (id: string, cellId: string) => `${cell(id, cellId)}/stimuli`,
  journal: (id: string, cellId: string) => `${cell(id, cellId)}/journal`,
  write: (id: string, cellId: string, what: 'replies' | 'logbook' | 'decisions' | 'tasks' | 'messages') => `${cell(id, cellId)}/${what}`,
  task: (id: string, cellId: string, taskId: string) => `${cell(id, cellId)}/tasks/${seg(taskId)}`,
  media: (id: string) => `/api/me/exercises/${seg(id)}/media`,
};

export const playKeys = {
  stimuli: (id: string, cellId: string) => ['exercises', 'play', id, cellId, 'stimuli'] as const,
  journal: (id: string, cellId: string) => ['exercises', 'play', id, cellId, 'journal'] as const,
  media: (id: string) => ['exercises', 'play', id, 'media'] as const,
};

export const taskStatuses = ['todo', 'doing', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export interface Entry {
  id: string;
  kind: 'reply' | 'logbook' | 'decision' | 'task' | 'chat';
  cellId: string;
  text: string;
  authorName: string;
  fromAnimators: boolean;
  stimulusId: string | null;
  category: string | null;
  decidedBy: string | null;
  assignee: string | null;
  status: TaskStatus | null;
  createdAt: string;
  updatedAt: string;
}

/** Event kinds the cell stream carries: a delivered stimulus, clock changes and the cell's writes. */
export const streamKinds = [
  'stimulus',
  'exercise.running',
  'exercise.paused',
  'exercise.ended',
  'exercise.closed',
  'reply.added',
  'logbook.added',
  'decision.added',
  'task.added',
  'task.updated',
  'chat.added',
] as const;
export type StreamKind = (typeof streamKinds)[number];
