import type { CellActivity, Clock, ConsoleStimulus, Entry, Timeline } from './console-api.js';

/** Test data for the console's pure logic: a stimulus, a cell, an entry, a timeline. */
const b = (fr: string) => ({ fr, en: fr });

export function stimulusAt(code: string, offsetMinutes: number | undefined, extra: Partial<ConsoleStimulus> = {}): ConsoleStimulus {
  return {
    id: code,
    stimulusId: `id-${code}`,
    ...(offsetMinutes === undefined ? {} : { offsetMinutes }),
    channel: 'email',
    personaId: 'p1',
    target: { cellId: 'member', roles: [] },
    subject: b(`Sujet ${code}`),
    content: b('Contenu'),
    expectedReaction: b('Réagir'),
    status: 'pending',
    deliveredAt: null,
    position: Number(code.slice(1)),
    persona: { name: b('Persona'), function: b('Fonction') },
    dueAt: null,
    cellIds: [],
    ...extra,
  };
}

export function cellNamed(id: string, extra: Partial<CellActivity> = {}): CellActivity {
  return {
    id,
    name: `Cellule ${id}`,
    organizationId: `org-${id}`,
    organizationName: `Org ${id}`,
    scenarioCellId: 'member',
    joinedAt: '2026-12-01T08:00:00.000Z',
    received: 0,
    replies: 0,
    logbook: 0,
    decisions: 0,
    tasks: 0,
    messages: 0,
    lastReplyAt: null,
    lastActivityAt: null,
    ...extra,
  };
}

export function entryOf(id: string, cellId: string, extra: Partial<Entry> = {}): Entry {
  return {
    id,
    kind: 'logbook',
    cellId,
    text: `texte ${id}`,
    authorName: 'Joueur',
    fromAnimators: false,
    stimulusId: null,
    category: null,
    decidedBy: null,
    assignee: null,
    status: null,
    createdAt: '2026-12-01T09:10:00.000Z',
    updatedAt: '2026-12-01T09:10:00.000Z',
    ...extra,
  };
}

export const clockOf = (extra: Partial<Clock> = {}): Clock => ({
  status: 'running',
  startedAt: '2026-12-01T09:00:00.000Z',
  pausedAt: null,
  pausedMs: 0,
  endedAt: null,
  at: '2026-12-01T09:00:00.000Z',
  ...extra,
});

export function timelineOf(extra: Partial<Timeline> = {}): Timeline {
  return {
    exerciseId: 'x1',
    status: 'running',
    now: '2026-12-01T09:05:00.000Z',
    startedAt: '2026-12-01T09:00:00.000Z',
    pausedAt: null,
    pausedMs: 0,
    endedAt: null,
    stimuli: [stimulusAt('s01', 10), stimulusAt('s02', 0)],
    cells: [cellNamed('c1'), cellNamed('c2')],
    ...extra,
  };
}
