import { Button, Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../admin/components/SearchInput.js';
import { audiences, moduleStatuses, origins, roleFamilies } from '../vocab.js';

export interface CatalogueFilterValues {
  q: string;
  audience: string;
  roleFamily: string;
  origin: string;
  status: string;
}

/** Search and the four filters of the catalogue; native selects are the most reliable by keyboard. */
export function CatalogueFilters({
  value,
  onChange,
  onClear,
}: {
  value: CatalogueFilterValues;
  onChange: (patch: Partial<CatalogueFilterValues>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation('learningAdmin');
  const { t: ta } = useTranslation('admin');
  const all = { value: '', label: t('common.all') };
  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
      <SearchInput label={t('catalogue.search')} value={value.q} onSearch={(q) => onChange({ q })} />
      <NativeSelect
        label={t('fields.audience')}
        value={value.audience}
        onChange={(e) => onChange({ audience: e.currentTarget.value })}
        data={[all, ...audiences.map((a) => ({ value: a, label: t(`audiences.${a}`) }))]}
      />
      <NativeSelect
        label={t('fields.roleFamily')}
        value={value.roleFamily}
        onChange={(e) => onChange({ roleFamily: e.currentTarget.value })}
        data={[all, ...roleFamilies.map((f) => ({ value: f, label: ta(`roleFamilies.${f}`) }))]}
      />
      <NativeSelect
        label={t('fields.origin')}
        value={value.origin}
        onChange={(e) => onChange({ origin: e.currentTarget.value })}
        data={[all, ...origins.map((o) => ({ value: o, label: t(`origins.${o}`) }))]}
      />
      <NativeSelect
        label={t('fields.status')}
        value={value.status}
        onChange={(e) => onChange({ status: e.currentTarget.value })}
        data={[
          { value: '', label: t('catalogue.activeStatuses') },
          ...moduleStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
        ]}
      />
      <Button variant="subtle" onClick={onClear}>
        {t('common.clearFilters')}
      </Button>
    </Group>
  );
}
