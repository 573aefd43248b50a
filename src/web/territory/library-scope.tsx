import { EmptyState, NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../api.js';
import { useMe } from '../me.js';
import { useCurrentScope } from '../shell/scope.js';
import { isCoordinator, isOrgAdmin, isTerritoryReader } from './can.js';
import { type LibraryScope, territoryApi, territoryKeys } from './endpoints.js';
import type { SharingItem } from './types.js';

export interface LibraryAccess {
  scope: LibraryScope;
  /** Coordinators of this territory change the library; everyone else here reads it. */
  canManage: boolean;
}

/**
 * Which door to the library: the territory's own routes for its readers (the territory chosen
 * in the header), else the member route of an organization admin, for one of its territories
 * (?territory= in the URL, the first one by default).
 */
export function WithLibrary({ children, territoryParam }: { children: (a: LibraryAccess) => ReactNode; territoryParam?: string }) {
  const { t } = useTranslation('territory');
  const { orgId, territoryId } = useCurrentScope();
  const me = useMe().data?.account;
  const [params, setParams] = useSearchParams();
  const readsTerritory = Boolean(me && territoryId && isTerritoryReader(me) && (!territoryParam || territoryParam === territoryId));
  const memberAdmin = Boolean(me && orgId && isOrgAdmin(me, orgId));
  const territories = useQuery({
    queryKey: territoryKeys.orgSharing(orgId ?? ''),
    queryFn: () => api<{ items: SharingItem[] }>(territoryApi.orgSharing(orgId ?? '')),
    enabled: !readsTerritory && memberAdmin,
  });
  if (readsTerritory && me && territoryId) {
    return <>{children({ scope: { kind: 'territory', territoryId }, canManage: isCoordinator(me, territoryId) })}</>;
  }
  const items = territories.data?.items ?? [];
  if (!memberAdmin || (territories.data && items.length === 0)) {
    return <EmptyState py="xl" title={t('library.noAccessTitle')} description={t('library.noAccessHint')} />;
  }
  if (!orgId || !territories.data) return null;
  const wanted = territoryParam ?? params.get('territory') ?? '';
  // A resource's own address names its territory: no silent fallback to another one there.
  const chosen = items.find((i) => i.territory.id === wanted)?.territory.id ?? (territoryParam ? '' : (items[0]?.territory.id ?? ''));
  if (!chosen) return <EmptyState py="xl" title={t('library.noAccessTitle')} description={t('library.noAccessHint')} />;
  return (
    <>
      {items.length > 1 && !territoryParam ? (
        <NativeSelect
          mb="md"
          maw={360}
          label={t('library.territory')}
          value={chosen}
          onChange={(e) => setParams({ territory: e.currentTarget.value }, { replace: true })}
          data={items.map((i) => ({ value: i.territory.id, label: i.territory.name }))}
        />
      ) : null}
      {children({ scope: { kind: 'member', orgId, territoryId: chosen }, canManage: false })}
    </>
  );
}
