import { useQuery } from '@tanstack/react-query';
import type { TerritoryDetail } from '../../../admin/types.js';
import { api } from '../../../api.js';
import { adminApi, adminKeys } from '../endpoints.js';

/** The member organizations of a territory, as choices and as a name lookup. */
export function useTerritoryMembers(territoryId: string) {
  const detail = useQuery({
    queryKey: [...adminKeys.territory(territoryId), 'detail'],
    queryFn: () => api<TerritoryDetail>(adminApi.territory(territoryId)),
    staleTime: 5 * 60_000,
  });
  const members = detail.data?.members ?? [];
  return {
    query: detail,
    options: members.map((m) => ({ value: m.organizationId, label: m.name })),
    nameOf: (orgId: string) => members.find((m) => m.organizationId === orgId)?.name ?? orgId,
  };
}
