import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, PageLoader } from '../shell/status.js';
import { usePageTitle } from '../shell/title.js';
import { AssignmentItem } from './assignment-item.js';
import { formatDay, groupAssignments } from './progress.js';
import type { AssignmentCard, MyLearning } from './types.js';
import { useMyLearning } from './use-my-learning.js';

/** /learning: what is due (late first), what is started, what is done, and the questions to review. */
export function MyLearningPage() {
  const { t } = useTranslation('learning');
  usePageTitle(t('mine.title'), { raw: true });
  const me = useMyLearning();
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1}>{t('mine.title')}</Title>
        {me.data && <Totals totals={me.data.totals} />}
      </div>
      {me.isPending && <PageLoader />}
      {me.isError && <LoadError error={me.error} onRetry={() => void me.refetch()} />}
      {me.data && <Lists data={me.data} />}
    </Stack>
  );
}

function Totals({ totals }: { totals: MyLearning['totals'] }) {
  const { t } = useTranslation('learning');
  const parts = [t('mine.totals.completed', { completed: totals.completed, assigned: totals.assigned })];
  if (totals.overdue > 0) parts.push(t('mine.totals.overdue', { count: totals.overdue }));
  return (
    <Text c="dimmed" mt={4}>
      {parts.join(' · ')}
    </Text>
  );
}

function Lists({ data }: { data: MyLearning }) {
  const { t } = useTranslation('learning');
  const groups = groupAssignments(data.assignments);
  return (
    <>
      <ReviewsCard reviews={data.reviews} />
      {data.assignments.length === 0 ? (
        <Card withBorder padding="lg">
          <Text fw={600}>{t('mine.emptyTitle')}</Text>
          <Text c="dimmed" mt={4}>
            {t('mine.empty')}
          </Text>
        </Card>
      ) : (
        <>
          <Section id="learning-todo" title={t('mine.toDo')} cards={groups.toDo} empty={t('mine.nothingToDo')} />
          {groups.inProgress.length > 0 && <Section id="learning-started" title={t('mine.inProgress')} cards={groups.inProgress} />}
          {groups.completed.length > 0 && <Section id="learning-done" title={t('mine.completed')} cards={groups.completed} />}
        </>
      )}
    </>
  );
}

function Section({ id, title, cards, empty }: { id: string; title: string; cards: AssignmentCard[]; empty?: string }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {cards.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {cards.map((c) => (
            <AssignmentItem key={c.id} card={c} />
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}

function ReviewsCard({ reviews }: { reviews: MyLearning['reviews'] }) {
  const { t, i18n } = useTranslation('learning');
  let body: ReactNode;
  if (reviews.due > 0) {
    body = (
      <Group justify="space-between" gap="sm">
        <Text fw={600}>{t('mine.reviewsDue', { count: reviews.due })}</Text>
        <Button component={Link} to="/learning/reviews">
          {t('mine.reviewNow')}
        </Button>
      </Group>
    );
  } else if (reviews.nextAt) {
    body = (
      <Group justify="space-between" gap="sm">
        <Text>{t('mine.reviewsNext', { date: formatDay(reviews.nextAt, i18n.language) })}</Text>
        <Anchor component={Link} to="/learning/reviews">
          {t('mine.seeUpcoming')}
        </Anchor>
      </Group>
    );
  } else return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="learning-reviews-title" bg="var(--mantine-color-rempart-0)">
      <Title order={2} size="h4" id="learning-reviews-title" mb="xs">
        {t('mine.reviewsTitle')}
      </Title>
      {body}
    </Card>
  );
}
