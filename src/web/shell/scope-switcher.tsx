import { Select, Stack, type StackProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../api.js';
import { useCurrentScope } from './scope.js';
import type { ScopeOption } from './scope-choice.js';
import { SCOPE_PAGE_SIZE, useVisibleOrganizations, useVisibleTerritories } from './scope-provider.js';

/**
 * The organization and territory switcher. Most people see a handful of organizations; a
 * platform admin sees thousands, so once the first page is not the whole list the typed text
 * is sent to the server as `q`.
 */
export function ScopeSwitcher({ direction = 'row', idPrefix }: { direction?: 'row' | 'column'; idPrefix: string }) {
  const { t } = useTranslation();
  const scope = useCurrentScope();
  const orgs = useVisibleOrganizations();
  const territories = useVisibleTerritories();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [known, setKnown] = useState<Record<string, string>>({});

  const firstPageIsAll = (orgs.data?.length ?? 0) < SCOPE_PAGE_SIZE;
  const searched = useQuery({
    queryKey: ['organizations', 'switcher', q],
    queryFn: async () => {
      const page = await api<Page<ScopeOption>>(`/api/organizations?pageSize=50&q=${encodeURIComponent(q)}`);
      setKnown((k) => ({ ...k, ...Object.fromEntries(page.items.map((o) => [o.id, o.name])) }));
      return page.items;
    },
    enabled: !firstPageIsAll && q.length >= 2,
    staleTime: 60_000,
  });

  const orgData = useMemo(() => {
    const list = !firstPageIsAll && q.length >= 2 && searched.data ? searched.data : (orgs.data ?? []);
    const options = list.map((o) => ({ value: o.id, label: o.name }));
    // The chosen organization stays in the list even when a search hides it.
    if (scope.orgId && !options.some((o) => o.value === scope.orgId)) {
      const name = known[scope.orgId] ?? orgs.data?.find((o) => o.id === scope.orgId)?.name;
      if (name) options.unshift({ value: scope.orgId, label: name });
    }
    return options;
  }, [firstPageIsAll, q, searched.data, orgs.data, scope.orgId, known]);

  const territoryData = useMemo(() => (territories.data ?? []).map((tr) => ({ value: tr.id, label: tr.name })), [territories.data]);

  const stackProps: StackProps = direction === 'row' ? { style: { flexDirection: 'row', alignItems: 'center' }, gap: 'xs' } : { gap: 'sm' };

  if ((orgs.data?.length ?? 0) === 0 && territoryData.length === 0) return null;

  return (
    <Stack {...stackProps}>
      {orgData.length > 0 && (
        <Select
          id={`${idPrefix}-org`}
          {...(direction === 'row' ? { 'aria-label': t('scope.organization') } : { label: t('scope.organization') })}
          placeholder={t('scope.organizationPlaceholder')}
          data={orgData}
          value={scope.orgId}
          onChange={(value) => scope.setOrg(value)}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          nothingFoundMessage={t('scope.nothingFound')}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          w={direction === 'row' ? 260 : '100%'}
          size="sm"
        />
      )}
      {territoryData.length > 0 && (
        <Select
          id={`${idPrefix}-territory`}
          {...(direction === 'row' ? { 'aria-label': t('scope.territory') } : { label: t('scope.territory') })}
          placeholder={t('scope.territoryPlaceholder')}
          data={territoryData}
          value={scope.territoryId}
          onChange={(value) => scope.setTerritory(value)}
          searchable
          nothingFoundMessage={t('scope.nothingFound')}
          allowDeselect={false}
          w={direction === 'row' ? 220 : '100%'}
          size="sm"
        />
      )}
    </Stack>
  );
}
