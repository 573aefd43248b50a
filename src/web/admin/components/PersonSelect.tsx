import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api.js';
import { endpoints, qs } from '../endpoints.js';
import type { Person } from '../types.js';

interface Props {
  orgId: string;
  label: string;
  value: string | null;
  onChange: (personId: string | null) => void;
  error?: string | null;
}

/** Picks an active person of the organization's directory by name or email (server search). */
export function PersonSelect({ orgId, label, value, onChange, error }: Props) {
  const { t } = useTranslation('admin');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [picked, setPicked] = useState<Person | null>(null);
  const list = useQuery({
    queryKey: ['admin', 'people', orgId, 'pick', q],
    queryFn: () => api<Page<Person>>(`${endpoints.people(orgId)}${qs({ q, active: 'true', pageSize: 20, sort: 'lastName' })}`),
  });
  const options = [...(list.data?.items ?? [])];
  if (picked && !options.some((p) => p.id === picked.id)) options.unshift(picked);
  return (
    <Select
      label={label}
      placeholder={t('common.typeToSearch')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options.map((p) => ({ value: p.id, label: `${p.lastName} ${p.firstName} <${p.email}>` }))}
      value={value}
      onChange={(id) => {
        setPicked(options.find((p) => p.id === id) ?? null);
        onChange(id);
      }}
      nothingFoundMessage={list.isPending ? t('common.loading') : t('common.nothingFound')}
      error={error ?? undefined}
    />
  );
}
