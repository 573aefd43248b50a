import { Badge, Checkbox, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatFigure, inLanguage, optionIdsOf, toggleOption } from './questionnaire.js';
import type { AnswerValue, Provenance, Question } from './types.js';

export type SaveState = 'saving' | 'saved' | 'error';

/** Scrolled-to targets stop below the sticky header rather than under it. */
export const belowHeader = { scrollMarginTop: 'calc(var(--app-shell-header-height, 60px) + 16px)' };

interface Props {
  question: Question;
  value: AnswerValue | undefined;
  provenance: Provenance | undefined;
  saveState: SaveState | undefined;
  readOnly: boolean;
  nested: boolean;
  onChange: (value: AnswerValue | null) => void;
}

/**
 * One question as a fieldset: its text as the legend (so every option is read with it), its short
 * help, where a pre-filled answer comes from, and whether the answer is saved.
 */
export function QuestionCard({ question: q, value, provenance, saveState, readOnly, nested, onChange }: Props) {
  const { t, i18n } = useTranslation('maturity');
  const lang = i18n.language;
  const chosen = optionIdsOf(value);
  const helpId = `q-${q.id}-help`;
  return (
    <Paper
      withBorder
      p="md"
      ml={nested ? 'md' : 0}
      id={`q-${q.id}`}
      tabIndex={-1}
      style={nested ? { ...belowHeader, borderLeftWidth: 4 } : belowHeader}
    >
      <fieldset disabled={readOnly} aria-describedby={helpId} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <legend style={{ padding: 0 }}>
          <Text fw={600} component="span">
            {inLanguage(q.text, lang)}
          </Text>
        </legend>
        <Text size="sm" c="dimmed" mt={4} id={helpId}>
          {inLanguage(q.help, lang)}
          {q.type === 'multiple' ? ` ${t('questionnaire.severalAnswers')}` : ''}
        </Text>
        {provenance?.origin === 'rempart' ? <FromRempart provenance={provenance} metric={q.source?.metric ?? provenance.metric} /> : null}
        <Stack gap="xs" mt="sm">
          {q.options.map((o) =>
            q.type === 'single' ? (
              <Radio
                key={o.id}
                size="md"
                name={`answer-${q.id}`}
                value={o.id}
                label={inLanguage(o.label, lang)}
                checked={chosen.includes(o.id)}
                onChange={() => onChange(o.id)}
              />
            ) : (
              <Checkbox
                key={o.id}
                size="md"
                value={o.id}
                label={inLanguage(o.label, lang)}
                checked={chosen.includes(o.id)}
                onChange={(e) => onChange(toggleOption(chosen, o.id, e.currentTarget.checked))}
              />
            ),
          )}
        </Stack>
      </fieldset>
      <Group justify="flex-end" mt={4} mih={20}>
        <Text size="xs" c={saveState === 'error' ? 'red.9' : 'dimmed'} aria-live="polite">
          {saveState === 'saving' ? t('questionnaire.saving') : saveState === 'saved' ? t('questionnaire.saved') : ''}
          {saveState === 'error' ? t('questionnaire.notSaved') : ''}
        </Text>
      </Group>
    </Paper>
  );
}

function FromRempart({ provenance: p, metric }: { provenance: Extract<Provenance, { origin: 'rempart' }>; metric: string }) {
  const { t, i18n } = useTranslation('maturity');
  const lang = i18n.language;
  const day = new Date(p.measuredAt).toLocaleDateString(lang, { dateStyle: 'medium' });
  return (
    <Group gap="xs" mt="xs" wrap="wrap">
      <Badge variant="light" c="var(--mantine-color-text)">
        {t('questionnaire.fromRempart')}
      </Badge>
      <Text size="sm">
        {p.figure === null
          ? t('questionnaire.noFigure', { date: day })
          : t(metric === 'exercises.last_date' ? 'questionnaire.figureDays' : 'questionnaire.figure', {
              figure: formatFigure(metric, p.figure, lang),
              date: day,
            })}
        {p.note ? ` ${inLanguage(p.note, lang)}` : ''} {t('questionnaire.editable')}
      </Text>
    </Group>
  );
}
