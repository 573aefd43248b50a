import { Button, Card, Checkbox, Fieldset, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MIN_QUESTIONS } from '../module-form.js';
import type { Language, Question } from '../types.js';
import { levels } from '../vocab.js';

interface Props {
  lang: Language;
  questions: Question[];
  onChange: (questions: Question[]) => void;
  /** Adding and removing act on every language at once (same question ids in each translation). */
  onAdd: () => void;
  onRemove: (id: string) => void;
  error: (path: string) => string | undefined;
}

const MAX_CHOICES = 5;
const MIN_CHOICES = 2;

/** The quiz: each question a situation, its choices, which are right and why. */
export function QuestionsEditor({ lang, questions, onChange, onAdd, onRemove, error }: Props) {
  const { t } = useTranslation('learningAdmin');
  const set = (i: number, q: Question) => onChange(questions.map((x, j) => (j === i ? q : x)));
  const listError = error(`texts.${lang}.questions`);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('editor.questions')}
        </Title>
        <Text size="sm" c={questions.length < MIN_QUESTIONS ? 'red.9' : 'dimmed'}>
          {t('editor.questionCount', { count: questions.length, min: MIN_QUESTIONS })}
        </Text>
      </Group>
      {listError ? (
        <Text c="red.9" size="sm" role="alert">
          {listError}
        </Text>
      ) : null}
      {questions.map((q, i) => (
        <QuestionCard
          key={q.id}
          lang={lang}
          index={i}
          question={q}
          onChange={(next) => set(i, next)}
          onRemove={() => onRemove(q.id)}
          error={error}
        />
      ))}
      <Group>
        <Button variant="light" onClick={onAdd}>
          {t('editor.addQuestion')}
        </Button>
      </Group>
    </Stack>
  );
}

function QuestionCard({
  lang,
  index: i,
  question: q,
  onChange,
  onRemove,
  error,
}: {
  lang: Language;
  index: number;
  question: Question;
  onChange: (q: Question) => void;
  onRemove: () => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation('learningAdmin');
  const n = i + 1;
  const path = `texts.${lang}.questions.${i}`;
  const setChoice = (j: number, patch: Partial<Question['choices'][number]>) =>
    onChange({ ...q, choices: q.choices.map((c, k) => (k === j ? { ...c, ...patch } : c)) });
  return (
    <Card withBorder component="section" aria-label={t('editor.questionN', { n })}>
      <Group justify="space-between" mb="xs">
        <Text fw={700}>
          {t('editor.questionN', { n })}{' '}
          <Text span c="dimmed" size="xs">
            ({q.id})
          </Text>
        </Text>
        <Button size="xs" variant="subtle" color="red" c="red.9" onClick={onRemove}>
          {t('editor.removeQuestion', { n })}
        </Button>
      </Group>
      <Stack gap="xs">
        <Textarea
          label={t('editor.prompt')}
          required
          autosize
          minRows={2}
          value={q.prompt}
          onChange={(e) => onChange({ ...q, prompt: e.currentTarget.value })}
          error={error(`${path}.prompt`) ?? error(`${path}.id`)}
        />
        <NativeSelect
          label={t('fields.level')}
          value={String(q.level)}
          onChange={(e) => onChange({ ...q, level: Number(e.currentTarget.value) })}
          data={levels.map((l) => ({ value: String(l), label: t(`levels.${l}`) }))}
          error={error(`${path}.level`)}
          maw={240}
        />
        {error(`${path}.choices`) ? (
          <Text c="red.9" size="sm" role="alert">
            {error(`${path}.choices`)}
          </Text>
        ) : null}
        {q.choices.map((c, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: choices are never reordered, only added or removed
          <Fieldset key={j} legend={t('editor.choiceN', { n: j + 1 })} variant="filled">
            <Stack gap="xs">
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  label={t('editor.choiceText')}
                  required
                  value={c.text}
                  onChange={(e) => setChoice(j, { text: e.currentTarget.value })}
                  error={error(`${path}.choices.${j}.text`)}
                  style={{ flex: 1 }}
                  miw={200}
                />
                <Checkbox
                  label={t('editor.correct')}
                  checked={c.correct}
                  onChange={(e) => setChoice(j, { correct: e.currentTarget.checked })}
                  mb={8}
                />
              </Group>
              <Textarea
                label={t('editor.explanation')}
                required
                autosize
                minRows={1}
                value={c.explanation}
                onChange={(e) => setChoice(j, { explanation: e.currentTarget.value })}
                error={error(`${path}.choices.${j}.explanation`)}
              />
              <Group justify="flex-end">
                <Button
                  size="xs"
                  variant="subtle"
                  // The theme's light red fails contrast on white; the disabled look keeps its own grey.
                  {...(q.choices.length > MIN_CHOICES ? { color: 'red', c: 'red.9' } : {})}
                  disabled={q.choices.length <= MIN_CHOICES}
                  onClick={() => onChange({ ...q, choices: q.choices.filter((_, k) => k !== j) })}
                >
                  {t('editor.removeChoice', { n: j + 1 })}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        ))}
        <Group>
          <Button
            size="xs"
            variant="default"
            disabled={q.choices.length >= MAX_CHOICES}
            onClick={() => onChange({ ...q, choices: [...q.choices, { text: '', correct: false, explanation: '' }] })}
          >
            {t('editor.addChoice')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
