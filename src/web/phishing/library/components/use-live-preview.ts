import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api.js';

/**
 * Asks the server to render HTML as a recipient would see it, ~400 ms after the admin stops
 * typing; the previous rendering stays on screen meanwhile. Nothing is recorded server side.
 */
export function useLivePreview<T>(url: string, body: Record<string, unknown>, enabled = true) {
  // A string, so a new object with the same content does not restart the wait.
  const [debounced] = useDebouncedValue(JSON.stringify(body), 400);
  return useQuery({
    queryKey: ['phishingLibrary', 'preview', url, debounced],
    queryFn: () => api<T>(url, { body: JSON.parse(debounced) as unknown }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}
