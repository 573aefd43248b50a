import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Cue, type CueCategory, cueCategories, type Language } from '../types.js';

interface Props {
  lang: Language;
  cues: Cue[];
  errors: Record<string, string>;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** Id and category are shared by both languages. */
  onKey: (index: number, patch: { id?: string; category?: CueCategory }) => void;
  onText: (index: number, patch: { label?: string; explanation?: string }) => void;
}

/**
 * The cues of one language. Ids and categories are the same in French and English (the email is
 * rated once), so changing them here changes them in the other tab too.
 */
export function CuesEditor({ lang, cues, errors, onAdd, onRemove, onKey, onText }: Props) {
  const { t } = useTranslation('phishingLibrary');
  const at = (i: number, f: string) => errors[`texts.${lang}.cues.${i}.${f}`];
  return (
    <Stack gap="sm" mt="lg">
      <Title order={2} size="h4">
        {t('cues.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('cues.hint')}
      </Text>
      {errors[`texts.${lang}.cues`] ? (
        <Text c="red.9" size="sm" role="alert">
          {errors[`texts.${lang}.cues`]}
        </Text>
      ) : null}
      {cues.map((c, i) => (
        // Position is the identity: ids are edited in place.
        // biome-ignore lint/suspicious/noArrayIndexKey: cues are aligned by position across languages
        <Card key={i} withBorder padding="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('cues.id')}
              value={c.id}
              onChange={(e) => onKey(i, { id: e.currentTarget.value })}
              error={at(i, 'id')}
              required
            />
            <NativeSelect
              label={t('cues.category')}
              value={c.category}
              onChange={(e) => onKey(i, { category: e.currentTarget.value as CueCategory })}
              data={cueCategories.map((v) => ({ value: v, label: t(`cueCategories.${v}`) }))}
              error={at(i, 'category')}
            />
            <TextInput
              label={t('cues.label')}
              value={c.label}
              onChange={(e) => onText(i, { label: e.currentTarget.value })}
              error={at(i, 'label')}
              required
            />
          </SimpleGrid>
          <Textarea
            mt="xs"
            label={t('cues.explanation')}
            value={c.explanation}
            onChange={(e) => onText(i, { explanation: e.currentTarget.value })}
            error={at(i, 'explanation')}
            autosize
            minRows={2}
            required
          />
          <Group justify="flex-end" mt="xs">
            <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => onRemove(i)}>
              {t('cues.remove', { id: c.id })}
            </Button>
          </Group>
        </Card>
      ))}
      <Group>
        <Button variant="light" onClick={onAdd}>
          {t('cues.add')}
        </Button>
      </Group>
    </Stack>
  );
}
