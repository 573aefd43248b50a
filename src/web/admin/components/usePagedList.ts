import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api.js';
import { qs } from '../endpoints.js';
import { useUrlState } from './useUrlState.js';

/**
 * A paged, filtered, sorted list whose state lives in the URL (see useUrlState): the query keeps
 * the previous page on screen while the next one loads, so the table does not flash empty.
 */
export function usePagedList<T, K extends string>(key: readonly unknown[], url: string, defaults: Record<K, string>) {
  const [state, set] = useUrlState(defaults);
  const page = Number((state as Record<string, string>).page) || 1;
  const pageSize = Number((state as Record<string, string>).pageSize) || 25;
  const list = useQuery({
    queryKey: [...key, 'list', state],
    queryFn: () => api<Page<T>>(`${url}${qs({ ...state, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const footer = {
    page,
    pageSize,
    total: list.data?.total ?? 0,
    onPage: (p: number) => set({ page: String(p) } as Partial<Record<K, string>>),
    onPageSize: (n: number) => set({ pageSize: String(n) } as Partial<Record<K, string>>),
  };
  return { state, set, list, footer, onSort: (sort: string) => set({ sort } as Partial<Record<K, string>>) };
}
