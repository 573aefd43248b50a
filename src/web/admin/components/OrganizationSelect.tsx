import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api.js';
import { endpoints, qs } from '../endpoints.js';
import type { Organization } from '../types.js';

interface Props {
  label: string;
  value: string | null;
  onChange: (orgId: string | null) => void;
  /** Organizations not to offer (e.g. already members). */
  exclude?: readonly string[];
  error?: string | null;
}

/** Picks an organization by typing part of its name; the server searches, so it scales to thousands. */
export function OrganizationSelect({ label, value, onChange, exclude = [], error }: Props) {
  const { t } = useTranslation('admin');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [picked, setPicked] = useState<Organization | null>(null);
  const list = useQuery({
    queryKey: ['admin', 'organizations', 'pick', q],
    queryFn: () => api<Page<Organization>>(`${endpoints.organizations}${qs({ q, pageSize: 20, sort: 'name' })}`),
  });
  const options = (list.data?.items ?? []).filter((o) => !exclude.includes(o.id));
  if (picked && !options.some((o) => o.id === picked.id)) options.unshift(picked);
  return (
    <Select
      label={label}
      placeholder={t('common.typeToSearch')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options.map((o) => ({ value: o.id, label: o.city ? `${o.name} (${o.city})` : o.name }))}
      value={value}
      onChange={(id) => {
        setPicked(options.find((o) => o.id === id) ?? null);
        onChange(id);
      }}
      nothingFoundMessage={list.isPending ? t('common.loading') : t('common.nothingFound')}
      error={error ?? undefined}
    />
  );
}
