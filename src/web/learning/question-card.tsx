import { Alert, Badge, Button, Card, Group, List, Radio, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevealedChoice } from './types.js';

export interface Revealed {
  correct: boolean;
  choiceIndex: number;
  choices: RevealedChoice[];
}

interface Props {
  /** "Question 2 of 8", "Let's see this one again"…: the heading that takes the focus. */
  heading: string;
  /** A line above the heading (module title in reviews). */
  kicker?: ReactNode;
  prompt: string;
  choices: Array<{ text: string }>;
  revealed: Revealed | null;
  pending?: boolean;
  onValidate: (choiceIndex: number) => void;
  nextLabel: string;
  onNext: () => void;
  /** Shown under the explanations (e.g. when the question comes back). */
  footnote?: ReactNode;
}

/**
 * One question: radio choices, "Validate", then right or wrong with the explanation of every
 * choice and a button to go on. The heading takes the focus when a new question appears, and the
 * verdict when it is revealed, so keyboard and screen-reader users follow without searching.
 */
export function QuestionCard({ heading, kicker, prompt, choices, revealed, pending, onValidate, nextLabel, onNext, footnote }: Props) {
  const { t } = useTranslation('learning');
  const [value, setValue] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const verdictRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new question (new prompt) resets the choice
  useEffect(() => {
    setValue(null);
    setMissing(false);
    headingRef.current?.focus();
  }, [prompt, heading]);

  useEffect(() => {
    if (revealed) verdictRef.current?.focus();
  }, [revealed]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value === null) {
      setMissing(true);
      return;
    }
    onValidate(Number(value));
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <div>
          {kicker}
          <Title order={2} size="h4" id={headingId} ref={headingRef} tabIndex={-1}>
            {heading}
          </Title>
        </div>
        {revealed ? (
          <>
            <Text fw={600}>{prompt}</Text>
            <Alert
              ref={verdictRef}
              tabIndex={-1}
              color={revealed.correct ? 'teal' : 'red'}
              variant="light"
              title={revealed.correct ? t('question.right') : t('question.wrong')}
            >
              {revealed.correct ? t('question.rightBody') : t('question.wrongBody')}
            </Alert>
            <List listStyleType="none" p={0} m={0} spacing="sm" aria-label={t('question.explanations')}>
              {revealed.choices.map((c, i) => (
                <List.Item key={c.text}>
                  <Card withBorder padding="sm" {...(c.correct ? { bg: 'var(--mantine-color-teal-0)' } : {})}>
                    <Group gap={6} mb={4}>
                      {c.correct && (
                        <Badge color="teal.9" variant="filled">
                          {t('question.correctChoice')}
                        </Badge>
                      )}
                      {i === revealed.choiceIndex && (
                        <Badge color={c.correct ? 'teal.9' : 'red.9'} variant="outline">
                          {t('question.yourChoice')}
                        </Badge>
                      )}
                    </Group>
                    <Text fw={600}>{c.text}</Text>
                    <Text size="sm" mt={4}>
                      {c.explanation}
                    </Text>
                  </Card>
                </List.Item>
              ))}
            </List>
            {footnote}
            <Group>
              <Button onClick={onNext} loading={pending ?? false}>
                {nextLabel}
              </Button>
            </Group>
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Radio.Group
                label={prompt}
                value={value}
                onChange={(v) => {
                  setValue(v);
                  setMissing(false);
                }}
                error={missing ? t('question.pick') : undefined}
                styles={{ label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600, marginBottom: 8 } }}
              >
                <Stack gap="sm" mt="xs">
                  {choices.map((c, i) => (
                    <Radio key={c.text} value={String(i)} label={c.text} styles={{ label: { fontSize: 'var(--mantine-font-size-md)' } }} />
                  ))}
                </Stack>
              </Radio.Group>
              <Group>
                <Button type="submit" loading={pending ?? false}>
                  {t('question.validate')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
