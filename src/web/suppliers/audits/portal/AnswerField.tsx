import { Checkbox, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AnswerInput, localized, TEXT_MAX } from '../answer-logic.js';
import type { GridQuestion } from '../types.js';

interface Props {
  question: GridQuestion;
  /** The question's text: the accessible name of the input or of its group. */
  label: string;
  value: AnswerInput;
  onChange: (value: AnswerInput) => void;
  /** Free inputs (text, number, date) save when leaving the field. */
  onBlur: () => void;
  readOnly: boolean;
  error?: string | null | undefined;
}

/** The input of one answer type: radios for yes/no and single choices, boxes for several, fields otherwise. */
export function AnswerField({ question: q, label, value, onChange, onBlur, readOnly, error }: Props) {
  const { t, i18n } = useTranslation('suppliersAudits');
  const single = Array.isArray(value) ? (value[0] ?? '') : value;
  const choices =
    q.type === 'yes_no'
      ? ['yes', 'no'].map((v) => ({ value: v, label: t(`answer.${v}`) }))
      : q.type === 'yes_no_partial'
        ? ['yes', 'partial', 'no'].map((v) => ({ value: v, label: t(`answer.${v}`) }))
        : (q.options ?? []).map((o) => ({ value: o.id, label: localized(o.label, i18n.language) }));
  switch (q.type) {
    case 'yes_no':
    case 'yes_no_partial':
    case 'single':
      return (
        <Radio.Group label={label} value={single} onChange={(v) => onChange(v)} error={error} readOnly={readOnly}>
          {q.type === 'single' ? (
            <Stack gap={6} mt={6}>
              {choices.map((c) => (
                <Radio key={c.value} value={c.value} label={c.label} disabled={readOnly} />
              ))}
            </Stack>
          ) : (
            <Group gap="lg" mt={6}>
              {choices.map((c) => (
                <Radio key={c.value} value={c.value} label={c.label} disabled={readOnly} />
              ))}
            </Group>
          )}
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group label={label} value={Array.isArray(value) ? value : []} onChange={onChange} error={error} readOnly={readOnly}>
          <Stack gap={6} mt={6}>
            {choices.map((c) => (
              <Checkbox key={c.value} value={c.value} label={c.label} disabled={readOnly} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'text':
      return (
        <Textarea
          label={label}
          value={single}
          onChange={(e) => onChange(e.currentTarget.value)}
          onBlur={onBlur}
          autosize
          minRows={3}
          maxLength={TEXT_MAX}
          readOnly={readOnly}
          error={error}
        />
      );
    case 'number':
      return (
        <TextInput
          label={label}
          inputMode="decimal"
          value={single}
          onChange={(e) => onChange(e.currentTarget.value)}
          onBlur={onBlur}
          readOnly={readOnly}
          error={error}
          maw={240}
        />
      );
    case 'date':
      return (
        <TextInput
          label={label}
          type="date"
          value={single}
          onChange={(e) => onChange(e.currentTarget.value)}
          onBlur={onBlur}
          readOnly={readOnly}
          error={error}
          maw={240}
        />
      );
  }
}
