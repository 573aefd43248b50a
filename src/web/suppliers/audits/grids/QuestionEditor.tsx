import { Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localized } from '../answer-logic.js';
import { errorsUnder } from '../field-errors.js';
import { answerTypes, evidenceRules, type GridDefinition, type GridQuestion } from '../types.js';
import { conditionCandidates, conditionValues } from './grid-editor-logic.js';
import { OptionsEditor } from './OptionsEditor.js';

interface Props {
  def: GridDefinition;
  si: number;
  qi: number;
  errors: Record<string, string>;
  onUpdate: (patch: Partial<GridQuestion>) => void;
  onCondition: (cond: GridQuestion['showIf'] | null) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One question: texts, answer type and options, weight, evidence rule and condition (earlier questions only). */
export function QuestionEditor({ def, si, qi, errors, onUpdate, onCondition, onMove, onRemove }: Props) {
  const { t, i18n } = useTranslation('suppliersAudits');
  const lang = i18n.language;
  const q = def.sections[si]?.questions[qi] as GridQuestion;
  const path = `definition.sections.${si}.questions.${qi}`;
  const at = (field: string) => errors[`${path}.${field}`];
  const count = def.sections[si]?.questions.length ?? 0;
  const name = t('editor.questionN', { n: qi + 1 });
  const candidates = conditionCandidates(def, si, qi);
  const target = candidates.find((c) => c.id === q.showIf?.questionId);
  const valueLabel = (v: string) =>
    localized(target?.options?.find((o) => o.id === v)?.label, lang) || t(`answer.${v}`, { defaultValue: v });
  // Errors the fields below do not show (a path deeper than they know), so none is lost.
  const known = ['id', 'type', 'text.fr', 'text.en', 'weight', 'evidence', 'reference', 'showIf.questionId', 'showIf.anyOf', 'options'];
  const others = errorsUnder(errors, path).filter(([k]) => !known.some((f) => k === `${path}.${f}`) && !k.startsWith(`${path}.options.`));
  return (
    <Paper withBorder p="sm" radius="sm" bg="gray.0" component="section" aria-label={name}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600} size="sm">
            {name}
          </Text>
          <Group gap={4}>
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => onMove(-1)}
              disabled={qi === 0}
              aria-label={t('editor.moveUp', { what: name })}
            >
              ↑
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => onMove(1)}
              disabled={qi === count - 1}
              aria-label={t('editor.moveDown', { what: name })}
            >
              ↓
            </Button>
            <Button size="compact-xs" variant="subtle" color="red" c="red.9" onClick={onRemove} disabled={count === 1}>
              {t('editor.removeQuestion')}
            </Button>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea
            label={t('editor.textFr')}
            autosize
            minRows={1}
            value={q.text.fr}
            onChange={(e) => onUpdate({ text: { ...q.text, fr: e.currentTarget.value } })}
            error={at('text.fr')}
            required
          />
          <Textarea
            label={t('editor.textEn')}
            autosize
            minRows={1}
            value={q.text.en}
            onChange={(e) => onUpdate({ text: { ...q.text, en: e.currentTarget.value } })}
            error={at('text.en')}
            required
          />
          <Textarea
            label={t('editor.helpFr')}
            autosize
            minRows={1}
            value={q.help?.fr ?? ''}
            onChange={(e) => onUpdate({ help: { fr: e.currentTarget.value, en: q.help?.en ?? '' } })}
          />
          <Textarea
            label={t('editor.helpEn')}
            autosize
            minRows={1}
            value={q.help?.en ?? ''}
            onChange={(e) => onUpdate({ help: { fr: q.help?.fr ?? '', en: e.currentTarget.value } })}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
          <TextInput label={t('editor.id')} value={q.id} onChange={(e) => onUpdate({ id: e.currentTarget.value })} error={at('id')} />
          <Select
            label={t('fields.type')}
            data={answerTypes.map((v) => ({ value: v, label: t(`types.${v}`) }))}
            value={q.type}
            onChange={(v) => v && onUpdate({ type: v as GridQuestion['type'] })}
            allowDeselect={false}
            error={at('type')}
          />
          <NumberInput
            label={t('fields.weight')}
            min={0}
            max={5}
            step={1}
            allowDecimal={false}
            value={q.weight}
            onChange={(v) => onUpdate({ weight: typeof v === 'number' ? v : 0 })}
            error={at('weight')}
          />
          <Select
            label={t('fields.evidence')}
            data={evidenceRules.map((v) => ({ value: v, label: t(`evidenceRule.${v}`) }))}
            value={q.evidence}
            onChange={(v) => v && onUpdate({ evidence: v as GridQuestion['evidence'] })}
            allowDeselect={false}
            error={at('evidence')}
          />
          <TextInput
            label={t('editor.reference')}
            value={q.reference ?? ''}
            onChange={(e) => onUpdate({ reference: e.currentTarget.value })}
            maxLength={120}
            error={at('reference')}
          />
        </SimpleGrid>
        {q.type === 'single' || q.type === 'multiple' ? (
          <OptionsEditor question={q} path={path} errors={errors} onUpdate={onUpdate} />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('editor.showIf')}
            description={candidates.length === 0 ? t('editor.showIfNone') : t('editor.showIfHelp')}
            data={candidates.map((c) => ({ value: c.id, label: `${c.id} — ${localized(c.text, lang)}` }))}
            value={q.showIf?.questionId ?? null}
            onChange={(v) => onCondition(v ? { questionId: v, anyOf: [] } : null)}
            clearable
            disabled={candidates.length === 0 && !q.showIf}
            error={at('showIf.questionId') ?? at('showIf')}
          />
          {q.showIf ? (
            <MultiSelect
              label={t('editor.showIfValues')}
              data={(target ? conditionValues(target) : q.showIf.anyOf).map((v) => ({ value: v, label: valueLabel(v) }))}
              value={q.showIf.anyOf}
              onChange={(anyOf) => onCondition({ questionId: q.showIf?.questionId ?? '', anyOf })}
              error={at('showIf.anyOf')}
            />
          ) : null}
        </SimpleGrid>
        {others.map(([k, m]) => (
          <Text key={k} size="sm" c="red.9" role="alert">
            {m}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
