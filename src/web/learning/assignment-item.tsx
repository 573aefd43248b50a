import { Badge, Button, Card, Group, Progress, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dueTone, formatDay, formatScore, progressPercent, screenNumber } from './progress.js';
import { CertificateButton } from './result-view.js';
import type { AssignmentCard } from './types.js';

/** The due date as a badge: red when late, orange within a week. */
export function DueBadge({ card }: { card: Pick<AssignmentCard, 'overdue' | 'dueAt'> }) {
  const { t, i18n } = useTranslation('learning');
  const tone = dueTone(card, new Date());
  if (tone === 'none') return null;
  const date = formatDay(card.dueAt, i18n.language);
  // Colours checked for AA contrast: the light orange uses the theme's darker text (theme.ts).
  const look =
    tone === 'overdue'
      ? ({ color: 'red.9', variant: 'filled' } as const)
      : tone === 'soon'
        ? ({ color: 'orange', variant: 'light' } as const)
        : ({ color: 'gray.7', variant: 'outline' } as const);
  return (
    <Badge {...look} style={{ textTransform: 'none' }}>
      {tone === 'overdue' ? t('card.overdue', { date }) : t('card.due', { date })}
    </Badge>
  );
}

/** One module of "My learning", with what to do next on it. */
export function AssignmentItem({ card }: { card: AssignmentCard }) {
  const { t, i18n } = useTranslation('learning');
  const id = useId();
  const percent = progressPercent(card.progress, card.status);
  const to = `/learning/${encodeURIComponent(card.id)}`;
  const action = card.status === 'assigned' ? t('card.start') : card.status === 'in_progress' ? t('card.resume') : t('card.open');

  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`${id}-title`}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          {card.status !== 'completed' && <DueBadge card={card} />}
          <Text size="sm" c="dimmed">
            {t('card.duration', { count: card.durationMinutes })}
          </Text>
        </Group>
        <Title order={3} size="h4" id={`${id}-title`}>
          {card.title}
        </Title>
        {card.summary && <Text size="sm">{card.summary}</Text>}
        {card.status === 'in_progress' && <ProgressLine card={card} percent={percent} id={id} />}
        {card.status === 'completed' && (
          <Text size="sm" c="teal.9" fw={600}>
            {t('card.completedOn', { date: formatDay(card.completedAt, i18n.language), score: formatScore(card.bestScore, i18n.language) })}
          </Text>
        )}
        <Group gap="sm" mt={4}>
          <Button component={Link} to={to} variant={card.status === 'completed' ? 'default' : 'filled'}>
            {action}
            <VisuallyHidden>{`, ${card.title}`}</VisuallyHidden>
          </Button>
          {card.status === 'completed' && <CertificateButton assignmentId={card.id} variant="light" />}
        </Group>
      </Stack>
    </Card>
  );
}

function ProgressLine({ card, percent, id }: { card: AssignmentCard; percent: number; id: string }) {
  const { t } = useTranslation('learning');
  const p = card.progress;
  const where =
    p.phase === 'lesson'
      ? t('card.atScreen', screenNumber(p))
      : t('card.atQuiz', { answered: Math.min(p.answered, p.questions), total: p.questions });
  return (
    <div>
      <Text size="sm" id={`${id}-progress`}>
        {where} · {t('card.percent', { percent })}
      </Text>
      <Progress.Root size="md" mt={4}>
        <Progress.Section value={percent} color="rempart.7" aria-labelledby={`${id}-progress`} />
      </Progress.Root>
    </div>
  );
}
