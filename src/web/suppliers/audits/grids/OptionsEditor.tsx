import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GridOption, GridQuestion } from '../types.js';
import { move, nextId } from './grid-editor-logic.js';

interface Props {
  question: GridQuestion;
  path: string;
  errors: Record<string, string>;
  onUpdate: (patch: Partial<GridQuestion>) => void;
}

/** The choices of a single or multiple question: id and labels, in order (at least two). */
export function OptionsEditor({ question: q, path, errors, onUpdate }: Props) {
  const { t } = useTranslation('suppliersAudits');
  const options = q.options ?? [];
  const set = (next: GridOption[]) => onUpdate({ options: next });
  const patch = (i: number, p: Partial<GridOption>) => set(options.map((o, j) => (j === i ? { ...o, ...p } : o)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('editor.options')}
      </Text>
      {errors[`${path}.options`] ? (
        <Text size="sm" c="red.9" role="alert">
          {errors[`${path}.options`]}
        </Text>
      ) : null}
      {options.map((o, i) => {
        const name = t('editor.optionN', { n: i + 1 });
        const at = (f: string) => errors[`${path}.options.${i}.${f}`];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the option id is edited in place
          <Group key={i} gap="xs" align="flex-end" wrap="wrap" role="group" aria-label={name}>
            <TextInput
              label={t('editor.optionId')}
              value={o.id}
              onChange={(e) => patch(i, { id: e.currentTarget.value })}
              w={110}
              error={at('id') ?? errors[`${path}.options.${i}`]}
            />
            <TextInput
              label={t('editor.labelFr')}
              value={o.label.fr}
              onChange={(e) => patch(i, { label: { ...o.label, fr: e.currentTarget.value } })}
              error={at('label.fr')}
              style={{ flex: 1 }}
              miw={160}
            />
            <TextInput
              label={t('editor.labelEn')}
              value={o.label.en}
              onChange={(e) => patch(i, { label: { ...o.label, en: e.currentTarget.value } })}
              error={at('label.en')}
              style={{ flex: 1 }}
              miw={160}
            />
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => set(move(options, i, -1))}
              disabled={i === 0}
              aria-label={t('editor.moveUp', { what: name })}
            >
              ↑
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              c="red.9"
              onClick={() => set(options.filter((_, j) => j !== i))}
              aria-label={t('editor.removeOptionN', { n: i + 1 })}
            >
              ✕
            </Button>
          </Group>
        );
      })}
      <Button
        size="compact-sm"
        variant="light"
        onClick={() =>
          set([
            ...options,
            {
              id: nextId(
                'o',
                options.map((o) => o.id),
              ),
              label: { fr: '', en: '' },
            },
          ])
        }
        style={{ alignSelf: 'flex-start' }}
      >
        {t('editor.addOption')}
      </Button>
    </Stack>
  );
}
