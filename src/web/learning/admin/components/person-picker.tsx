import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints, qs } from '../../../admin/endpoints.js';
import type { Person } from '../../../admin/types.js';
import { api, type Page } from '../../../api.js';

export const personLabel = (p: Person) => `${p.lastName} ${p.firstName} <${p.email}>`;

/** Adds people one at a time by typing a name or an email (the server searches the directory). */
export function PersonPicker({
  orgId,
  label,
  onPick,
  error,
}: {
  orgId: string;
  label: string;
  onPick: (p: Person) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('learningAdmin');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const list = useQuery({
    queryKey: ['admin', 'people', orgId, 'pick', q],
    queryFn: () => api<Page<Person>>(`${endpoints.people(orgId)}${qs({ q, active: 'true', pageSize: 20, sort: 'lastName' })}`),
  });
  const options = list.data?.items ?? [];
  return (
    <Select
      label={label}
      placeholder={t('common.typeToSearch')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options.map((p) => ({ value: p.id, label: personLabel(p) }))}
      value={null}
      onChange={(id) => {
        const p = options.find((o) => o.id === id);
        if (p) onPick(p);
        setSearch('');
      }}
      nothingFoundMessage={list.isPending ? t('common.loading') : t('common.nothingFound')}
      error={error}
    />
  );
}
