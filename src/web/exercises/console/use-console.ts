import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../../api.js';
import { type ConsoleOwner, consoleApi, consoleEventKinds, type Entry, type Timeline } from './console-api.js';
import { applyEvent, type ConsoleState, withJournal, withTimeline } from './live-state.js';
import { type Connection, useLiveStream } from './use-live-stream.js';

type Action =
  | { type: 'timeline'; timeline: Timeline }
  | { type: 'journal'; cellId: string; items: Entry[] }
  | { type: 'event'; kind: string; data: unknown };

interface Held {
  data: ConsoleState | null;
  /** Events that came before the first load: applied once it is there. */
  early: Array<{ kind: string; data: unknown }>;
}

function reduce(held: Held, action: Action): Held {
  if (action.type === 'event') {
    if (!held.data) return { ...held, early: [...held.early, { kind: action.kind, data: action.data }] };
    return { ...held, data: applyEvent(held.data, action.kind, action.data) };
  }
  if (action.type === 'timeline') {
    let data = withTimeline(held.data, action.timeline);
    for (const e of held.early) data = applyEvent(data, e.kind, e.data);
    return { data, early: [] };
  }
  return held.data ? { ...held, data: withJournal(held.data, action.cellId, action.items) } : held;
}

/** The console's live state: loaded once, kept current by the stream, reloaded when the stream comes back. */
export function useConsole(owner: ConsoleOwner, exerciseId: string) {
  const [held, dispatch] = useReducer(reduce, { data: null, early: [] });
  const [error, setError] = useState<unknown>(null);
  const lastLoad = useRef(0);
  const load = useCallback(async () => {
    lastLoad.current = Date.now();
    try {
      const timeline = await api<Timeline>(consoleApi.timeline(owner, exerciseId));
      dispatch({ type: 'timeline', timeline });
      setError(null);
      await Promise.all(
        timeline.cells.map(async (c) => {
          const { items } = await api<{ items: Entry[] }>(consoleApi.journal(owner, exerciseId, c.id));
          dispatch({ type: 'journal', cellId: c.id, items });
        }),
      );
    } catch (e) {
      setError(e);
    }
  }, [owner, exerciseId]);
  useEffect(() => {
    void load();
  }, [load]);
  const stream = consoleApi.stream(owner, exerciseId);
  const local = owner.kind === 'local';
  const reloadSoon = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (reloadSoon.current) clearTimeout(reloadSoon.current);
    },
    [],
  );
  const connection: Connection = useLiveStream(
    stream,
    consoleEventKinds,
    (kind, data) => {
      // A local animator's feed is their cells' own: a stimulus comes as the players see it, not as
      // the console's timeline row, so the timeline is read again (once for a burst of cells).
      if (local && kind === 'stimulus') {
        if (!reloadSoon.current)
          reloadSoon.current = setTimeout(() => {
            reloadSoon.current = null;
            void load();
          }, 300);
        return;
      }
      dispatch({ type: 'event', kind, data });
    },
    // The first opening follows the first load closely: reload only when coming back.
    () => {
      if (Date.now() - lastLoad.current > 3_000) void load();
    },
  );
  const apply = useCallback((kind: string, data: unknown) => dispatch({ type: 'event', kind, data }), []);
  return { state: held.data, error, connection, apply, reload: load };
}
