import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GridDefinition, GridSection } from '../types.js';
import { addQuestion, moveQuestion, removeQuestion, setCondition, updateQuestion } from './grid-editor-logic.js';
import { QuestionEditor } from './QuestionEditor.js';

interface Props {
  def: GridDefinition;
  si: number;
  /** Server errors keyed by path inside the body ("definition.sections.0.title.fr"). */
  errors: Record<string, string>;
  onChange: (def: GridDefinition) => void;
  onUpdate: (patch: Partial<GridSection>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One section of the editor: its id and titles, then its questions in order. */
export function SectionEditor({ def, si, errors, onChange, onUpdate, onMove, onRemove }: Props) {
  const { t } = useTranslation('suppliersAudits');
  const section = def.sections[si] as GridSection;
  const path = `definition.sections.${si}`;
  const name = t('editor.sectionN', { n: si + 1 });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={name}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {name}
          </Title>
          <Group gap={4}>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => onMove(-1)}
              disabled={si === 0}
              aria-label={t('editor.moveUp', { what: name })}
            >
              ↑
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => onMove(1)}
              disabled={si === def.sections.length - 1}
              aria-label={t('editor.moveDown', { what: name })}
            >
              ↓
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" c="red.9" onClick={onRemove} disabled={def.sections.length === 1}>
              {t('editor.removeSection')}
            </Button>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('editor.id')}
            value={section.id}
            onChange={(e) => onUpdate({ id: e.currentTarget.value })}
            error={errors[`${path}.id`]}
          />
          <TextInput
            label={t('editor.sectionTitleFr')}
            value={section.title.fr}
            onChange={(e) => onUpdate({ title: { ...section.title, fr: e.currentTarget.value } })}
            error={errors[`${path}.title.fr`]}
          />
          <TextInput
            label={t('editor.sectionTitleEn')}
            value={section.title.en}
            onChange={(e) => onUpdate({ title: { ...section.title, en: e.currentTarget.value } })}
            error={errors[`${path}.title.en`]}
          />
        </SimpleGrid>
        {errors[`${path}.questions`] ? (
          <Text size="sm" c="red.9" role="alert">
            {errors[`${path}.questions`]}
          </Text>
        ) : null}
        {section.questions.map((_q, qi) => (
          <QuestionEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: the id is edited in place; keying by it would remount the card on each keystroke
            key={qi}
            def={def}
            si={si}
            qi={qi}
            errors={errors}
            onUpdate={(patch) => onChange(updateQuestion(def, si, qi, patch))}
            onCondition={(cond) => onChange(setCondition(def, si, qi, cond))}
            onMove={(delta) => onChange(moveQuestion(def, si, qi, delta))}
            onRemove={() => onChange(removeQuestion(def, si, qi))}
          />
        ))}
        <Button size="xs" variant="light" onClick={() => onChange(addQuestion(def, si))} style={{ alignSelf: 'flex-start' }}>
          {t('editor.addQuestion')}
        </Button>
      </Stack>
    </Paper>
  );
}
