import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExtraHeader } from '../types.js';

/** Headers added to every email of the profile (e.g. for the mail filter's allow-list); Rempart's own are refused by the server. */
export function ExtraHeadersField({
  value,
  onChange,
  errors,
}: {
  value: ExtraHeader[];
  onChange: (v: ExtraHeader[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('phishingLibrary');
  const set = (i: number, p: Partial<ExtraHeader>) => onChange(value.map((h, j) => (j === i ? { ...h, ...p } : h)));
  return (
    <Fieldset legend={t('profiles.extraHeaders')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('profiles.extraHeadersHint')}
      </Text>
      <Stack gap="xs">
        {value.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, position is their identity
          <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
            <TextInput
              aria-label={t('profiles.headerName', { n: i + 1 })}
              placeholder={t('profiles.headerNamePlaceholder')}
              value={h.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
              error={errors[`extraHeaders.${i}.name`]}
              style={{ flex: 1 }}
            />
            <TextInput
              aria-label={t('profiles.headerValue', { n: i + 1 })}
              placeholder={t('profiles.headerValuePlaceholder')}
              value={h.value}
              onChange={(e) => set(i, { value: e.currentTarget.value })}
              error={errors[`extraHeaders.${i}.value`]}
              style={{ flex: 2 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('profiles.headerRemove', { n: i + 1 })}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {errors.extraHeaders ? (
          <Text size="xs" c="red.9">
            {errors.extraHeaders}
          </Text>
        ) : null}
        <Group>
          <Button size="xs" variant="light" onClick={() => onChange([...value, { name: '', value: '' }])}>
            {t('profiles.headerAdd')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
