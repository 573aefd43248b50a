import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { api, type Page } from '../api.js';
import { safeStorageGet, safeStorageSet } from '../locale.js';
import type { Account } from '../me.js';
import { type CurrentScope, ScopeContext } from './scope.js';
import { listItems, pickOrganization, pickTerritory, type ScopeOption } from './scope-choice.js';

const ORG_KEY = 'rempart_scope_org';
const TERRITORY_KEY = 'rempart_scope_territory';

/** Enough for any one person's organizations; a platform admin searches in the switcher. */
export const SCOPE_PAGE_SIZE = 200;

export function useVisibleOrganizations(enabled = true) {
  return useQuery({
    queryKey: ['organizations', 'switcher'],
    queryFn: () => api<Page<ScopeOption> | ScopeOption[]>(`/api/organizations?pageSize=${SCOPE_PAGE_SIZE}`),
    select: (data) => listItems(data),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useVisibleTerritories(enabled = true) {
  return useQuery({
    queryKey: ['territories', 'switcher'],
    queryFn: () => api<Page<ScopeOption> | ScopeOption[]>(`/api/territories?pageSize=${SCOPE_PAGE_SIZE}`),
    select: (data) => listItems(data),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Provides the organization and territory chosen in the header; remembered on this browser. */
export function ScopeProvider({ account, children }: { account: Account; children: ReactNode }) {
  const [storedOrg, setStoredOrg] = useState(() => safeStorageGet(ORG_KEY));
  const [storedTerritory, setStoredTerritory] = useState(() => safeStorageGet(TERRITORY_KEY));
  const orgs = useVisibleOrganizations();
  const territories = useVisibleTerritories();

  const orgId = useMemo(() => {
    if (!orgs.data) return storedOrg;
    return pickOrganization(storedOrg, orgs.data, account.personOrganizationId, account.grants);
  }, [orgs.data, storedOrg, account]);

  const territoryId = useMemo(() => {
    if (!territories.data) return storedTerritory;
    return pickTerritory(storedTerritory, territories.data, account.grants);
  }, [territories.data, storedTerritory, account]);

  const setOrg = useCallback((id: string | null) => {
    safeStorageSet(ORG_KEY, id);
    setStoredOrg(id);
  }, []);
  const setTerritory = useCallback((id: string | null) => {
    safeStorageSet(TERRITORY_KEY, id);
    setStoredTerritory(id);
  }, []);

  const value = useMemo<CurrentScope>(() => ({ orgId, territoryId, setOrg, setTerritory }), [orgId, territoryId, setOrg, setTerritory]);
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}
