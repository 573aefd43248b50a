import { Fieldset, MultiSelect, NativeSelect, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RoleFamiliesSelect } from '../components/targeting-fields.js';
import type { ModuleForm } from '../module-form.js';
import type { Audience } from '../types.js';
import { audiences, levels, threatTags } from '../vocab.js';

interface Props {
  form: ModuleForm;
  onChange: (patch: Partial<ModuleForm>) => void;
  errors: Record<string, string>;
}

/** What the module is about and for whom: the same in every language. */
export function MetadataFields({ form, onChange, errors }: Props) {
  const { t } = useTranslation('learningAdmin');
  return (
    <Fieldset legend={t('editor.metadata')} mb="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <NativeSelect
          label={t('fields.audience')}
          value={form.audience}
          onChange={(e) => onChange({ audience: e.currentTarget.value as Audience })}
          data={audiences.map((a) => ({ value: a, label: t(`audiences.${a}`) }))}
          error={errors.audience}
        />
        <NativeSelect
          label={t('fields.level')}
          value={String(form.level)}
          onChange={(e) => onChange({ level: Number(e.currentTarget.value) })}
          data={levels.map((l) => ({ value: String(l), label: t(`levels.${l}`) }))}
          error={errors.level}
        />
        <TextInput
          label={t('fields.topic')}
          description={t('editor.topicHint')}
          required
          value={form.topic}
          onChange={(e) => onChange({ topic: e.currentTarget.value })}
          error={errors.topic}
        />
        <RoleFamiliesSelect
          label={t('fields.roleFamilies')}
          description={t('editor.roleFamiliesHint')}
          value={form.roleFamilies}
          onChange={(roleFamilies) => onChange({ roleFamilies })}
          error={errors.roleFamilies}
        />
        <MultiSelect
          label={t('fields.threatTags')}
          data={threatTags.map((tag) => ({ value: tag, label: t(`threatTags.${tag}`) }))}
          value={form.threatTags}
          onChange={(v) => onChange({ threatTags: v })}
          searchable
          clearable
          error={errors.threatTags}
        />
        <NumberInput
          label={t('fields.durationMinutes')}
          min={1}
          max={30}
          allowDecimal={false}
          value={form.durationMinutes}
          onChange={(v) => onChange({ durationMinutes: typeof v === 'number' ? v : Number(v) || 0 })}
          error={errors.durationMinutes}
        />
        <NativeSelect
          label={t('fields.status')}
          value={form.status}
          onChange={(e) => onChange({ status: e.currentTarget.value === 'published' ? 'published' : 'draft' })}
          data={(['draft', 'published'] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          error={errors.status}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
