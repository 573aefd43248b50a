import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../admin/components/ListStatus.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { api } from '../api.js';
import { useMe } from '../me.js';
import { useCurrentScope } from '../shell/scope.js';
import { exercisesApi, exercisesKeys } from './endpoints.js';
import { canManage } from './permissions.js';
import { ScenarioPreview } from './ScenarioPreview.js';
import { pick, type ScenarioSummary } from './types.js';

export const useScenarios = () =>
  useQuery({
    queryKey: exercisesKeys.scenarios,
    queryFn: () => api<{ items: ScenarioSummary[] }>(exercisesApi.scenarios),
    staleTime: 5 * 60_000,
  });

const levelColor: Record<string, string> = { beginner: 'green', intermediate: 'blue', confirmed: 'grape' };

/** The scenario library: what each scenario plays, for whom, how long and with how many stimuli. */
export function ScenariosPage() {
  const { t, i18n } = useTranslation('exercises');
  const [previewing, setPreviewing] = useState<string | null>(null);
  const scenarios = useScenarios();
  const me = useMe().data?.account;
  const { orgId, territoryId } = useCurrentScope();
  const mayCreate = (s: ScenarioSummary) =>
    Boolean(me) &&
    (s.scope === 'territory'
      ? Boolean(territoryId && me && canManage(me, { kind: 'territory', id: territoryId }))
      : Boolean(orgId && me && canManage(me, { kind: 'org', id: orgId })));
  return (
    <>
      <PageHeader title={t('scenarios.title')} description={t('scenarios.description')} />
      <ListStatus
        isPending={scenarios.isPending}
        error={scenarios.error}
        isEmpty={(scenarios.data?.items.length ?? 0) === 0}
        emptyTitle={t('scenarios.empty')}
      >
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {scenarios.data?.items.map((s) => (
            <Card key={s.id} withBorder padding="md" component="article" aria-labelledby={`scenario-${s.id}`}>
              <Stack gap="xs">
                <Title order={2} size="h4" id={`scenario-${s.id}`}>
                  {pick(s.title, i18n.language)}
                </Title>
                <Group gap="xs">
                  <Badge variant="light" color={levelColor[s.level] ?? 'gray'} c="var(--mantine-color-text)">
                    {t(`levels.${s.level}`)}
                  </Badge>
                  <Badge variant="outline" color="gray.9">
                    {t(`scopes.${s.scope}`)}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    {t('scenarios.duration', {
                      hours: Math.floor(s.durationMinutes / 60),
                      minutes: String(s.durationMinutes % 60).padStart(2, '0'),
                    })}
                  </Text>
                </Group>
                <Text size="sm">{pick(s.summary, i18n.language)}</Text>
                <Text size="sm" fw={600}>
                  {t('scenarios.cells')}
                </Text>
                <List size="sm">
                  {s.cells.map((c) => (
                    <List.Item key={c.id}>{pick(c.name, i18n.language)}</List.Item>
                  ))}
                </List>
                <Text size="sm">
                  {t('scenarios.counts', { objectives: s.objectiveCount, stimuli: s.stimulusCount, spares: s.spareCount })}
                </Text>
                <Group justify="flex-end">
                  <Button
                    variant="default"
                    onClick={() => setPreviewing(s.id)}
                    aria-label={t('preview.openFor', { title: pick(s.title, i18n.language) })}
                  >
                    {t('preview.open')}
                  </Button>
                  {mayCreate(s) ? (
                    <Button
                      component={Link}
                      to={`/exercises/new?scenario=${encodeURIComponent(s.id)}${s.scope === 'territory' ? '&scope=territory' : ''}`}
                    >
                      {t('scenarios.use')}
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </ListStatus>
      {previewing ? <ScenarioPreview scenarioId={previewing} onClose={() => setPreviewing(null)} /> : null}
    </>
  );
}
