import { useEffect, useRef, useState } from 'react';

export type Connection = 'connecting' | 'live' | 'reconnecting';

/**
 * One EventSource on a stream (ADR 0008). The browser reconnects by itself with Last-Event-ID and
 * the server replays what was missed; after an HTTP error it gives up, so we open a new one (which
 * has no cursor: `onOpen` then reloads what the page shows, and the merges make that harmless).
 */
export function useLiveStream(
  url: string | null,
  kinds: readonly string[],
  onEvent: (kind: string, data: unknown) => void,
  onOpen: () => void,
): Connection {
  const [state, setState] = useState<Connection>('connecting');
  const [attempt, setAttempt] = useState(0);
  const handlers = useRef({ onEvent, onOpen });
  handlers.current = { onEvent, onOpen };
  const kindList = kinds.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` reopens a stream the browser gave up on.
  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') return;
    const source = new EventSource(url, { withCredentials: true });
    let retry: ReturnType<typeof setTimeout> | undefined;
    source.onopen = () => {
      setState('live');
      handlers.current.onOpen();
    };
    source.onerror = () => {
      setState('reconnecting');
      if (source.readyState === EventSource.CLOSED) retry = setTimeout(() => setAttempt((n) => n + 1), 5_000);
    };
    for (const kind of kindList.split(',')) {
      source.addEventListener(kind, (e) => {
        let data: unknown = null;
        try {
          data = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        handlers.current.onEvent(kind, data);
      });
    }
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [url, kindList, attempt]);
  return state;
}
