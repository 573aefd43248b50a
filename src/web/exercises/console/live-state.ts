import type {
  CellActivity,
  Clock,
  ConsoleEventKind,
  ConsoleStimulus,
  Entry,
  EntryKind,
  ObservationEvent,
  Timeline,
} from './console-api.js';
import { finishedPausesMs } from './timeline-view.js';

/**
 * What the console shows, built from the timeline and journals it loads and the events of its
 * stream. Loads and events may arrive in any order (a reload answered after a newer event, an
 * event replayed after a reconnection), so every merge is idempotent and never goes backwards:
 * a later clock wins, a delivered stimulus stays delivered, an entry counts once.
 */
export interface ConsoleState {
  clock: Clock;
  stimuli: ConsoleStimulus[];
  cells: CellActivity[];
  entries: Record<string, Entry[]>;
  observations: ObservationEvent[];
}

const counter: Record<EntryKind, 'replies' | 'logbook' | 'decisions' | 'tasks' | 'messages'> = {
  reply: 'replies',
  logbook: 'logbook',
  decision: 'decisions',
  task: 'tasks',
  chat: 'messages',
};

const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);
const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
const statusRank = { pending: 0, delivered: 1, skipped: 1 } as const;

function newerClock(current: Clock | undefined, next: Clock): Clock {
  return current && current.at > next.at ? current : next;
}

function mergeStimulus(known: ConsoleStimulus | undefined, next: ConsoleStimulus): ConsoleStimulus {
  if (!known) return next;
  const keepKnown = statusRank[known.status] > statusRank[next.status];
  return {
    ...next,
    status: keepKnown ? known.status : next.status,
    deliveredAt: next.deliveredAt ?? known.deliveredAt,
    cellIds: union(known.cellIds, next.cellIds),
    dueAt: next.dueAt ?? known.dueAt,
  };
}

function mergeCell(known: CellActivity | undefined, next: CellActivity): CellActivity {
  if (!known) return next;
  return {
    ...next,
    received: Math.max(known.received, next.received),
    replies: Math.max(known.replies, next.replies),
    logbook: Math.max(known.logbook, next.logbook),
    decisions: Math.max(known.decisions, next.decisions),
    tasks: Math.max(known.tasks, next.tasks),
    messages: Math.max(known.messages, next.messages),
    lastReplyAt: later(known.lastReplyAt, next.lastReplyAt),
    lastActivityAt: later(known.lastActivityAt, next.lastActivityAt),
  };
}

/** Folds a (re)loaded timeline into the state, keeping whatever the stream already told of newer. */
export function withTimeline(state: ConsoleState | null, t: Timeline): ConsoleState {
  const clock = newerClock(state?.clock, {
    status: t.status,
    startedAt: t.startedAt,
    pausedAt: t.pausedAt,
    pausedMs: finishedPausesMs(t.pausedMs, t.pausedAt, t.now),
    endedAt: t.endedAt,
    at: t.now,
  });
  const stimuli = t.stimuli.map((s) =>
    mergeStimulus(
      state?.stimuli.find((k) => k.stimulusId === s.stimulusId),
      s,
    ),
  );
  // A stimulus added while the page was open, known from the stream only, stays.
  for (const s of state?.stimuli ?? []) if (!stimuli.some((x) => x.stimulusId === s.stimulusId)) stimuli.push(s);
  const cells = t.cells.map((c) =>
    mergeCell(
      state?.cells.find((k) => k.id === c.id),
      c,
    ),
  );
  return { clock, stimuli, cells, entries: state?.entries ?? {}, observations: state?.observations ?? [] };
}

/** Folds a cell's (re)loaded journal in: entries by id, a task's latest update kept. */
export function withJournal(state: ConsoleState, cellId: string, items: readonly Entry[]): ConsoleState {
  let entries = state.entries[cellId] ?? [];
  for (const e of items) entries = upsertEntry(entries, e);
  return { ...state, entries: { ...state.entries, [cellId]: entries } };
}

function upsertEntry(list: readonly Entry[], e: Entry): Entry[] {
  const i = list.findIndex((x) => x.id === e.id);
  if (i >= 0) return list.map((x, j) => (j === i && e.updatedAt >= x.updatedAt ? e : x));
  return [...list, e].sort((a, b) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? -1 : 1));
}

function entryAdded(state: ConsoleState, e: Entry): ConsoleState {
  const list = state.entries[e.cellId] ?? [];
  if (list.some((x) => x.id === e.id)) return state;
  const cells = state.cells.map((c) => {
    if (c.id !== e.cellId) return c;
    const next = { ...c, [counter[e.kind]]: c[counter[e.kind]] + 1 };
    if (!e.fromAnimators) next.lastActivityAt = later(c.lastActivityAt, e.createdAt);
    if (e.kind === 'reply') next.lastReplyAt = later(c.lastReplyAt, e.createdAt);
    return next;
  });
  return { ...state, cells, entries: { ...state.entries, [e.cellId]: upsertEntry(list, e) } };
}

function delivered(state: ConsoleState, s: ConsoleStimulus): ConsoleState {
  const known = state.stimuli.find((k) => k.stimulusId === s.stimulusId);
  const fresh = s.cellIds.filter((id) => !known?.cellIds.includes(id));
  const merged = mergeStimulus(known, { ...s, dueAt: s.dueAt ?? known?.dueAt ?? null });
  const stimuli = known ? state.stimuli.map((k) => (k === known ? merged : k)) : [...state.stimuli, merged];
  const cells = state.cells.map((c) => (fresh.includes(c.id) ? { ...c, received: c.received + 1 } : c));
  return { ...state, stimuli, cells };
}

/** Applies one event of the console stream; an unreadable or unknown one changes nothing. */
export function applyEvent(state: ConsoleState, kind: ConsoleEventKind | string, data: unknown): ConsoleState {
  if (!data || typeof data !== 'object') return state;
  if (kind.startsWith('exercise.')) return { ...state, clock: newerClock(state.clock, data as Clock) };
  switch (kind) {
    case 'stimulus':
      return delivered(state, data as ConsoleStimulus);
    case 'stimulus.skipped': {
      const { stimulusId } = data as { stimulusId: string };
      return {
        ...state,
        stimuli: state.stimuli.map((s) => (s.stimulusId === stimulusId && s.status === 'pending' ? { ...s, status: 'skipped' } : s)),
      };
    }
    case 'reply.added':
    case 'logbook.added':
    case 'decision.added':
    case 'task.added':
    case 'chat.added':
      return entryAdded(state, data as Entry);
    case 'task.updated': {
      const e = data as Entry;
      return { ...state, entries: { ...state.entries, [e.cellId]: upsertEntry(state.entries[e.cellId] ?? [], e) } };
    }
    case 'observation.added': {
      const o = data as ObservationEvent;
      if (state.observations.some((x) => x.id === o.id)) return state;
      return { ...state, observations: [...state.observations, o] };
    }
    default:
      return state;
  }
}
