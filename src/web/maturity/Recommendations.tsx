import { Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { StatusBadge } from '../admin/components/StatusBadge.js';
import { api } from '../api.js';
import { maturityApi } from './endpoints.js';
import { inLanguage } from './questionnaire.js';
import type { Recommendation } from './types.js';

interface Props {
  orgId: string;
  diagnosticId: string;
  recommendations: Recommendation[];
  canManage: boolean;
}

/** The recommendations in the server's order: the first six are the priorities. */
export function Recommendations({ orgId, diagnosticId, recommendations, canManage }: Props) {
  const { t } = useTranslation('maturity');
  const priorities = recommendations.filter((r) => r.priority);
  const others = recommendations.filter((r) => !r.priority);
  const props = { orgId, diagnosticId, canManage };
  if (recommendations.length === 0) return <Text>{t('results.noRecommendation')}</Text>;
  return (
    <Stack gap="lg">
      <section aria-labelledby="maturity-priorities">
        <Title order={2} size="h3" id="maturity-priorities" mb="xs">
          {t('results.priorities', { count: priorities.length })}
        </Title>
        <Stack gap="sm">
          {priorities.map((r) => (
            <RecommendationCard key={r.id} recommendation={r} {...props} />
          ))}
        </Stack>
      </section>
      {others.length > 0 ? (
        <section aria-labelledby="maturity-others">
          <Title order={2} size="h3" id="maturity-others" mb="xs">
            {t('results.others', { count: others.length })}
          </Title>
          <Stack gap="sm">
            {others.map((r) => (
              <RecommendationCard key={r.id} recommendation={r} {...props} />
            ))}
          </Stack>
        </section>
      ) : null}
    </Stack>
  );
}

function RecommendationCard({
  orgId,
  diagnosticId,
  recommendation: r,
  canManage,
}: Omit<Props, 'recommendations'> & { recommendation: Recommendation }) {
  const { t, i18n } = useTranslation('maturity');
  const lang = i18n.language;
  const title = inLanguage(r.title, lang);
  const toAction = useMutation({
    mutationFn: () => api<{ actionId: string; created: boolean }>(maturityApi.toAction(orgId, diagnosticId, r.id), { method: 'POST' }),
  });
  const headingId = `rec-${r.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Group gap="xs" mb={4} wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('results.rank', { rank: r.rank })}
        </Text>
        {r.priority ? <StatusBadge color="red">{t('results.priorityBadge')}</StatusBadge> : null}
        <StatusBadge color="gray">{t(`efforts.${r.effort}`)}</StatusBadge>
      </Group>
      <Title order={3} size="h4" id={headingId}>
        {title}
      </Title>
      <Text mt="xs">
        <Text span fw={600}>
          {t('results.why')}
        </Text>{' '}
        {inLanguage(r.why, lang)}
      </Text>
      <Text fw={600} mt="xs">
        {t('results.how')}
      </Text>
      <List type="ordered" spacing={2}>
        {r.how.map((step) => (
          <List.Item key={step.fr}>{inLanguage(step, lang)}</List.Item>
        ))}
      </List>
      <ErrorAlert error={toAction.error} />
      {toAction.data ? (
        <Text mt="sm" role="status">
          {toAction.data.created ? t('results.actionCreated') : t('results.actionExists')}{' '}
          <Anchor component={Link} to={`/actions/${encodeURIComponent(toAction.data.actionId)}`}>
            {t('results.openAction')}
          </Anchor>
        </Text>
      ) : canManage ? (
        <Button
          mt="sm"
          variant="light"
          onClick={() => toAction.mutate()}
          loading={toAction.isPending}
          aria-label={t('results.createActionFor', { title })}
        >
          {t('results.createAction')}
        </Button>
      ) : null}
    </Paper>
  );
}
