import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.js';
import { endpoints } from '../endpoints.js';
import type { FacetValue, PeopleFacets } from '../types.js';

export const facetValue = (f: FacetValue): string => (typeof f === 'string' ? f : f.value);

/** Services and sites in use in the organization, and its head counts. */
export function usePeopleFacets(orgId: string | null) {
  return useQuery({
    queryKey: ['admin', 'people', orgId, 'facets'],
    queryFn: () => api<PeopleFacets>(endpoints.peopleFacets(orgId ?? '')),
    enabled: orgId !== null,
    staleTime: 30_000,
  });
}
