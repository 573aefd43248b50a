import { Button, Card, Group, Progress, Stack, Text, Title, Typography } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from './markdown-view.js';
import type { Screen } from './types.js';

interface Props {
  screens: Screen[];
  index: number;
  pending: boolean;
  onMove: (index: number) => void;
  /** After the last screen: the quiz (player) or the self-check (patient page). */
  onDone: () => void;
  doneLabel: string;
}

/** The lesson, one screen at a time, with Previous / Next; the screen title takes the focus on each move. */
export function LessonView({ screens, index, pending, onMove, onDone, doneLabel }: Props) {
  const { t } = useTranslation('learning');
  const titleRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const counterId = useId();
  const screen = screens[index];
  const last = index >= screens.length - 1;

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new screen on purpose
  useEffect(() => {
    // Not on the first screen shown: the page heading is where a reader starts.
    if (first.current) {
      first.current = false;
      return;
    }
    titleRef.current?.focus();
  }, [index]);

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={`${counterId}-title`}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed" id={counterId}>
          {t('lesson.screenOf', { current: Math.min(index + 1, screens.length), total: screens.length })}
        </Text>
        <Progress.Root size="sm">
          <Progress.Section value={screens.length ? ((index + 1) / screens.length) * 100 : 0} aria-labelledby={counterId} />
        </Progress.Root>
        <Title order={2} size="h3" id={`${counterId}-title`} ref={titleRef} tabIndex={-1}>
          {screen?.title ?? ''}
        </Title>
        <Typography>
          <div className="lesson-body">{screen ? <Markdown source={screen.body} /> : null}</div>
        </Typography>
        <Group justify="space-between" gap="sm" mt="sm">
          <Button variant="default" onClick={() => onMove(index - 1)} disabled={index === 0 || pending}>
            {t('lesson.previous')}
          </Button>
          {last ? (
            <Button onClick={onDone} loading={pending}>
              {doneLabel}
            </Button>
          ) : (
            <Button onClick={() => onMove(index + 1)} loading={pending}>
              {t('lesson.next')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
