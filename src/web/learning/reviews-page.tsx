import { Alert, Anchor, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.js';
import { LoadError, PageLoader } from '../shell/status.js';
import { usePageTitle } from '../shell/title.js';
import { useErrorText } from '../shell/use-report-error.js';
import { learnerApi, learnerKeys } from './endpoints.js';
import { formatDay } from './progress.js';
import { QuestionCard, type Revealed } from './question-card.js';
import type { ReviewAnswer, Reviews } from './types.js';

/** /learning/reviews: the missed questions that are due, one by one, then what comes back later. */
export function ReviewsPage() {
  const { t, i18n } = useTranslation('learning');
  usePageTitle(t('reviews.title'), { raw: true });
  // The due list is read once and kept while answering, so the questions do not shift under the reader.
  const reviews = useQuery({
    queryKey: [...learnerKeys.reviews, i18n.language],
    queryFn: () => api<Reviews>(learnerApi.reviews),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return (
    <Stack gap="lg" maw={760}>
      <Anchor component={Link} to="/learning" size="sm">
        {t('player.backToList')}
      </Anchor>
      <Title order={1}>{t('reviews.title')}</Title>
      {reviews.isPending && <PageLoader />}
      {reviews.isError && <LoadError error={reviews.error} onRetry={() => void reviews.refetch()} />}
      {reviews.data && <ReviewSession key={reviews.dataUpdatedAt} data={reviews.data} />}
    </Stack>
  );
}

function ReviewSession({ data }: { data: Reviews }) {
  const { t, i18n } = useTranslation('learning');
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [index, setIndex] = useState(0);
  const [shown, setShown] = useState<(Revealed & Pick<ReviewAnswer, 'nextDueAt' | 'mastered'>) | null>(null);
  const answer = useMutation({
    mutationFn: (body: { moduleId: string; questionId: string; choiceIndex: number }) =>
      api<ReviewAnswer>(learnerApi.reviewAnswers, { body }),
  });
  const current = data.due[index];
  const finished = index >= data.due.length;

  const next = () => {
    setShown(null);
    answer.reset();
    setIndex((i) => i + 1);
    if (index + 1 >= data.due.length) {
      // Done: the next visit reads the new schedule; the summary counts change too.
      void queryClient.invalidateQueries({ queryKey: learnerKeys.summary });
    }
  };

  return (
    <>
      {!finished && current ? (
        <>
          {answer.error ? (
            <Alert color="red" variant="light" title={t('player.error')}>
              {errorText(answer.error)}
            </Alert>
          ) : null}
          <QuestionCard
            heading={t('reviews.questionOf', { current: index + 1, total: data.due.length })}
            kicker={
              <Text size="sm" c="dimmed">
                {current.moduleTitle}
              </Text>
            }
            prompt={current.prompt}
            choices={current.choices}
            revealed={shown}
            pending={answer.isPending}
            onValidate={(choiceIndex) =>
              answer.mutate(
                { moduleId: current.moduleId, questionId: current.questionId, choiceIndex },
                {
                  onSuccess: (r) =>
                    setShown({ correct: r.correct, choiceIndex, choices: r.choices, nextDueAt: r.nextDueAt, mastered: r.mastered }),
                },
              )
            }
            footnote={
              shown ? (
                <Text size="sm" fw={600}>
                  {shown.mastered
                    ? t('reviews.mastered')
                    : shown.nextDueAt
                      ? t('reviews.nextOn', { date: formatDay(shown.nextDueAt, i18n.language) })
                      : null}
                </Text>
              ) : null
            }
            nextLabel={index + 1 < data.due.length ? t('question.next') : t('reviews.finish')}
            onNext={next}
          />
        </>
      ) : (
        <Card withBorder padding="md">
          <Text fw={600}>{data.due.length > 0 ? t('reviews.allDone') : t('reviews.noneDue')}</Text>
          {data.due.length > 0 && (
            <Button mt="sm" variant="default" onClick={() => void queryClient.invalidateQueries({ queryKey: learnerKeys.reviews })}>
              {t('reviews.refresh')}
            </Button>
          )}
        </Card>
      )}
      <section aria-labelledby="reviews-upcoming">
        <Title order={2} size="h3" id="reviews-upcoming" mb="sm">
          {t('reviews.upcoming')}
        </Title>
        {data.upcoming.length === 0 ? (
          <Text c="dimmed">{t('reviews.noUpcoming')}</Text>
        ) : (
          <List spacing="sm" listStyleType="none" p={0} m={0} data-testid="reviews-upcoming">
            {data.upcoming.map((u) => (
              <List.Item key={`${u.moduleId}-${u.questionId}`}>
                <Card withBorder padding="sm">
                  <Text size="sm" c="dimmed">
                    {u.moduleTitle} · {t('reviews.dueOn', { date: formatDay(u.dueAt, i18n.language) })}
                  </Text>
                  <Text>{u.prompt}</Text>
                </Card>
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </>
  );
}
