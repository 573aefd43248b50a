import { MultiSelect, SimpleGrid, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { facetValue, usePeopleFacets } from '../../../admin/people/facets.js';
import type { Targeting } from '../rule-form.js';
import { roleFamilies } from '../vocab.js';

/** Role families as a labelled multi-select; an empty choice means everyone. */
export function RoleFamiliesSelect({
  label,
  value,
  onChange,
  error,
  description,
}: {
  label: string;
  value: string[];
  onChange: (v: string[]) => void;
  error?: string | undefined;
  description?: string | undefined;
}) {
  const { t } = useTranslation('admin');
  return (
    <MultiSelect
      label={label}
      description={description}
      data={roleFamilies.map((f) => ({ value: f, label: t(`roleFamilies.${f}`) }))}
      value={value}
      onChange={onChange}
      clearable
      searchable
      error={error}
    />
  );
}

/** Role families, services and sites of the directory (suggested from the people already there). */
export function TargetingFields({
  orgId,
  value,
  onChange,
  errors = {},
}: {
  orgId: string | null;
  value: Targeting;
  onChange: (v: Targeting) => void;
  errors?: Record<string, string>;
}) {
  const { t } = useTranslation('learningAdmin');
  const facets = usePeopleFacets(orgId);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <RoleFamiliesSelect
        label={t('targeting.roleFamilies')}
        description={t('targeting.anyHint')}
        value={value.roleFamilies}
        onChange={(roleFamilies) => onChange({ ...value, roleFamilies })}
        error={errors.roleFamilies}
      />
      <TagsInput
        label={t('targeting.services')}
        description={t('targeting.anyHint')}
        data={(facets.data?.services ?? []).map(facetValue)}
        value={value.services}
        onChange={(services) => onChange({ ...value, services })}
        clearable
        error={errors.services}
      />
      <TagsInput
        label={t('targeting.sites')}
        description={t('targeting.anyHint')}
        data={(facets.data?.sites ?? []).map(facetValue)}
        value={value.sites}
        onChange={(sites) => onChange({ ...value, sites })}
        clearable
        error={errors.sites}
      />
    </SimpleGrid>
  );
}
