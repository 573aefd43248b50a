import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List state (filters, sort, page) kept in the URL, so a list can be shared, bookmarked and
 * restored with the back button. Changing anything but the page goes back to page 1.
 */
export function useUrlState<K extends string>(defaults: Record<K, string>) {
  const [params, setParams] = useSearchParams();
  const keys = Object.keys(defaults) as K[];
  const key = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the search string is the identity of the params
  const values = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const k of keys) out[k] = params.get(k) ?? defaults[k];
    return out;
  }, [key]);
  const set = useCallback(
    (patch: Partial<Record<K, string>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as Array<[K, string | undefined]>) {
            if (v === undefined || v === '' || v === defaults[k]) next.delete(k);
            else next.set(k, v);
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams, defaults],
  );
  return [values, set] as const;
}
