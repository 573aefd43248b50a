import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { actionsApi, actionsKeys } from './endpoints.js';
import type { Progress } from './types.js';

/** The plan's figures at the top of the list: open, overdue, done in the last 30 days, share done per source. */
export function ProgressFigures({ orgId }: { orgId: string }) {
  const { t } = useTranslation('actions');
  const progress = useQuery({
    queryKey: [...actionsKeys.all(orgId), 'progress'],
    queryFn: () => api<Progress>(actionsApi.progress(orgId)),
  });
  const p = progress.data;
  if (!p || p.total === 0) return null;
  const figures = [
    { label: t('progress.open'), value: p.byStatus.todo + p.byStatus.in_progress },
    { label: t('progress.inProgress'), value: p.byStatus.in_progress },
    { label: t('progress.overdue'), value: p.overdue, alert: p.overdue > 0 },
    { label: t('progress.doneLast30Days'), value: p.doneLast30Days },
  ];
  return (
    <section aria-label={t('progress.title')}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="sm">
        {figures.map((f) => (
          <Paper key={f.label} withBorder p="sm">
            <Text size="xl" fw={700} c={f.alert ? 'red.8' : 'inherit'}>
              {f.value}
            </Text>
            <Text size="sm" c="dimmed">
              {f.label}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed" mb="md">
        {p.bySource.map((s) => t('progress.sourceShare', { source: t(`sources.${s.source}`), done: s.done, total: s.total })).join(' · ')}
      </Text>
    </section>
  );
}
