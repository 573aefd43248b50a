import { Anchor, Button, Group, List, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DueBadge } from './assignment-item.js';
import { byUrgency } from './progress.js';
import { useMyLearning } from './use-my-learning.js';

const SHOWN = 3;

/**
 * What is due, for the home page's learner card: the most urgent modules and the questions to
 * review, with the way to "My learning". Falls back to `empty` when nothing is due or the
 * learning data cannot be read (the card must never break the home page).
 */
export function DueSummary({ empty }: { empty: ReactNode }) {
  const { t } = useTranslation('learning');
  const me = useMyLearning();
  // While loading, say nothing yet: "nothing to do" followed by a list of due modules would
  // mislead the learner (and a test reading the page at the wrong moment).
  if (me.isPending) return <Skeleton height={48} aria-label={t('home.loading')} />;
  if (!me.data) return <>{empty}</>;
  const due = me.data.assignments.filter((a) => a.status !== 'completed').sort(byUrgency);
  const reviews = me.data.reviews.due;
  if (due.length === 0 && reviews === 0) return <>{empty}</>;
  return (
    <Stack gap="sm">
      {due.length > 0 && (
        <List spacing="sm" listStyleType="none" p={0} m={0}>
          {due.slice(0, SHOWN).map((a) => (
            <List.Item key={a.id}>
              <Anchor component={Link} to={`/learning/${encodeURIComponent(a.id)}`} fw={600}>
                {a.title}
              </Anchor>
              <Group gap="xs" mt={2}>
                <DueBadge card={a} />
                <Text size="sm" c="dimmed">
                  {t('card.duration', { count: a.durationMinutes })}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {due.length > SHOWN && (
        <Text size="sm" c="dimmed">
          {t('home.more', { count: due.length - SHOWN })}
        </Text>
      )}
      {reviews > 0 && (
        <Anchor component={Link} to="/learning/reviews">
          {t('mine.reviewsDue', { count: reviews })}
        </Anchor>
      )}
      <Group>
        <Button component={Link} to="/learning">
          {t('home.open')}
        </Button>
      </Group>
    </Stack>
  );
}
