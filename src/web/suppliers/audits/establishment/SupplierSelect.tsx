import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { auditsApi } from '../endpoints.js';
import type { SupplierRef } from '../types.js';

interface Props {
  orgId: string;
  label: string;
  value: string | null;
  onChange: (supplierId: string | null) => void;
  error?: string | undefined;
  required?: boolean;
}

/** Picks a provider of the register by typing part of its name or SIREN (the server searches). */
export function SupplierSelect({ orgId, label, value, onChange, error, required }: Props) {
  const { t } = useTranslation('suppliersAudits');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [picked, setPicked] = useState<SupplierRef | null>(null);
  const list = useQuery({
    queryKey: ['suppliersAudits', orgId, 'supplier-pick', q],
    queryFn: () => api<Page<SupplierRef>>(`${auditsApi.suppliers(orgId)}${qs({ q, pageSize: 20, sort: 'name' })}`),
  });
  const options = [...(list.data?.items ?? [])];
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
      data={options.map((o) => ({ value: o.id, label: `${o.name} (${o.siren})` }))}
      value={value}
      onChange={(id) => {
        setPicked(options.find((o) => o.id === id) ?? null);
        onChange(id);
      }}
      nothingFoundMessage={list.isPending ? t('common.loading') : t('common.nothingFound')}
      error={error}
      required={required ?? false}
      miw={240}
    />
  );
}
