import { useEffect, useRef, useState } from 'react';
import { type StreamKind, streamKinds } from './playApi.js';

export type Connection = 'connecting' | 'open' | 'reconnecting';

/**
 * One EventSource on the cell's stream. The browser reconnects by itself and sends Last-Event-ID,
 * so the server replays what a phone missed while its network was down; we only mirror the state.
 */
export function useCellStream(url: string | null, onEvent: (kind: StreamKind, data: unknown) => void): Connection {
  const [state, setState] = useState<Connection>('connecting');
  const [attempt, setAttempt] = useState(0);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is there to reopen a stream the browser gave up on.
  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') return;
    const source = new EventSource(url, { withCredentials: true });
    setState('connecting');
    source.onopen = () => setState('open');
    let retry: ReturnType<typeof setTimeout> | undefined;
    source.onerror = () => {
      setState('reconnecting');
      // The browser gives up after an HTTP error (a proxy's 502 while the server restarts): start again ourselves.
      if (source.readyState === EventSource.CLOSED) retry = setTimeout(() => setAttempt((n) => n + 1), 5000);
    };
    for (const kind of streamKinds) {
      source.addEventListener(kind, (e) => {
        let data: unknown = null;
        try {
          data = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          // A frame we cannot read still tells us something changed: refetch anyway.
        }
        handler.current(kind, data);
      });
    }
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [url, attempt]);
  return state;
}
