import { Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../components/SearchInput.js';
import { roleFamilies } from '../labels.js';
import type { PeopleFacets } from '../types.js';
import { facetValue } from './facets.js';

export interface PeopleFilterState {
  q: string;
  roleFamily: string;
  service: string;
  site: string;
  active: string;
  manager: string;
}

interface Props {
  value: PeopleFilterState;
  facets: PeopleFacets | undefined;
  onChange: (patch: Partial<PeopleFilterState>) => void;
  onClear: () => void;
}

/** Search and filters of the directory; every filter is applied by the server. */
export function PeopleFilters({ value, facets, onChange, onClear }: Props) {
  const { t } = useTranslation('admin');
  const options = (values: PeopleFacets['services'] | undefined) =>
    (values ?? []).map((f) => {
      const value = facetValue(f);
      return { value, label: typeof f === 'string' || f.count === undefined ? value : `${value} (${f.count})` };
    });
  const filtered =
    value.q !== '' ||
    value.roleFamily !== '' ||
    value.service !== '' ||
    value.site !== '' ||
    value.active !== 'true' ||
    value.manager !== '';
  return (
    <Group align="flex-end" gap="sm" mb="md">
      <SearchInput
        label={t('people.search')}
        placeholder={t('people.searchPlaceholder')}
        value={value.q}
        onSearch={(q) => onChange({ q })}
      />
      <Select
        label={t('people.fields.roleFamily')}
        placeholder={t('common.all')}
        clearable
        data={roleFamilies.map((f) => ({ value: f, label: t(`roleFamilies.${f}`) }))}
        value={value.roleFamily || null}
        onChange={(v) => onChange({ roleFamily: v ?? '' })}
      />
      <Select
        label={t('people.fields.service')}
        placeholder={t('common.all')}
        clearable
        searchable
        data={options(facets?.services)}
        value={value.service || null}
        onChange={(v) => onChange({ service: v ?? '' })}
      />
      <Select
        label={t('people.fields.site')}
        placeholder={t('common.all')}
        clearable
        searchable
        data={options(facets?.sites)}
        value={value.site || null}
        onChange={(v) => onChange({ site: v ?? '' })}
      />
      <Select
        label={t('people.fields.status')}
        allowDeselect={false}
        data={[
          { value: 'true', label: t('people.activeFilter.true') },
          { value: 'false', label: t('people.activeFilter.false') },
          { value: 'all', label: t('people.activeFilter.all') },
        ]}
        value={value.active}
        onChange={(v) => onChange({ active: v ?? 'true' })}
        w={140}
      />
      <Select
        label={t('people.fields.isManager')}
        placeholder={t('common.all')}
        clearable
        data={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
        value={value.manager || null}
        onChange={(v) => onChange({ manager: v ?? '' })}
        w={120}
      />
      {filtered ? (
        <Button variant="subtle" onClick={onClear}>
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Group>
  );
}
