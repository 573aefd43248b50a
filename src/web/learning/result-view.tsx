import { Alert, Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { learnerApi } from './endpoints.js';
import { formatDay, formatScore } from './progress.js';
import type { AssignmentCard, FinishResult } from './types.js';

/** The certificate of a completed module (a PDF the server draws). */
export function CertificateButton({
  assignmentId,
  variant = 'filled',
}: {
  assignmentId: string;
  variant?: 'filled' | 'light' | 'default';
}) {
  const { t } = useTranslation('learning');
  return (
    <Button component="a" href={learnerApi.certificate(assignmentId)} download variant={variant}>
      {t('certificate.download')}
    </Button>
  );
}

/** After "finish": the score, passed or not, the questions that will come back and when. */
export function ResultView({ result, onRetry, retrying }: { result: FinishResult; onRetry: () => void; retrying: boolean }) {
  const { t, i18n } = useTranslation('learning');
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const completed = result.assignment.status === 'completed';
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="learning-result-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="learning-result-title" ref={ref} tabIndex={-1}>
          {t('result.title')}
        </Title>
        <Text fz={40} fw={700} lh={1} c={result.passed ? 'teal.9' : 'red.9'}>
          {t('result.score', { score: formatScore(result.score, i18n.language) })}
        </Text>
        <Alert color={result.passed ? 'teal' : 'yellow'} variant="light" title={result.passed ? t('result.passed') : t('result.notPassed')}>
          {result.passed ? t('result.passedBody') : t('result.notPassedBody')}
        </Alert>
        {result.reviews.length > 0 && (
          <div>
            <Title order={3} size="h4" mb="xs">
              {t('result.comingBack')}
            </Title>
            <List spacing="xs">
              {result.reviews.map((r) => (
                <List.Item key={r.questionId}>
                  <Text>{r.prompt}</Text>
                  <Text size="sm" c="dimmed">
                    {t('result.backOn', { date: formatDay(r.dueAt, i18n.language) })}
                  </Text>
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <Group gap="sm">
          {completed && <CertificateButton assignmentId={result.assignment.id} />}
          {!result.passed && (
            <Button onClick={onRetry} loading={retrying}>
              {t('result.retry')}
            </Button>
          )}
          <Button component={Link} to="/learning" variant="default">
            {t('result.back')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** A module already completed, opened again: when, with which score, the certificate, and a way to do it again. */
export function CompletedPanel({
  assignment,
  onRestart,
  restarting,
}: {
  assignment: AssignmentCard;
  onRestart: () => void;
  restarting: boolean;
}) {
  const { t, i18n } = useTranslation('learning');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="learning-completed-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="learning-completed-title">
          {t('completed.title')}
        </Title>
        <Text>
          {t('completed.body', {
            date: formatDay(assignment.completedAt, i18n.language),
            score: formatScore(assignment.bestScore, i18n.language),
          })}
        </Text>
        <Group gap="sm">
          <CertificateButton assignmentId={assignment.id} />
          <Button variant="default" onClick={onRestart} loading={restarting}>
            {t('completed.again')}
          </Button>
        </Group>
        <Anchor component={Link} to="/learning">
          {t('result.back')}
        </Anchor>
      </Stack>
    </Card>
  );
}
