import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api.js';
import { registerApi, registerKeys } from '../endpoints.js';
import type { GridSummary, ModelClause, Texts } from '../types.js';

/** Our model clauses; they change only with a release, so they are read once per session. */
export function useModelClauses(orgId: string) {
  return useQuery({
    queryKey: registerKeys.static(orgId, 'modelClauses'),
    queryFn: () => api<ModelClause[]>(registerApi.modelClauses(orgId)),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Grids an audit clause may name: the catalogue's and the organization's, archived ones left out. */
export function useGrids(orgId: string) {
  return useQuery({
    queryKey: registerKeys.static(orgId, 'grids'),
    queryFn: () => api<Page<GridSummary>>(registerApi.grids(orgId)),
    select: (page) => page.items.filter((g) => !g.archived),
  });
}

export const textIn = (texts: Texts, language: string): string => (language.startsWith('en') ? texts.en : texts.fr);
