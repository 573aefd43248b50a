import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { api } from '../api.js';
import { localConsolePath } from './console/console-api.js';
import { formatDateTime } from './dates.js';
import { ExerciseStatusBadge } from './ExerciseStatusBadge.js';
import { exercisesApi, exercisesKeys } from './endpoints.js';
import { ObserveLink } from './observe/ObserveLink.js';
import { type MyExercise, type PlayerStimulus, pick } from './types.js';

/** The exercises the signed-in person is placed in, as a player, an animator or an observer: one card each, phone first. */
export function MyExercisesPage() {
  const { t } = useTranslation('exercises');
  const mine = useQuery({ queryKey: exercisesKeys.mine, queryFn: () => api<{ items: MyExercise[] }>(exercisesApi.mine) });
  return (
    <>
      <PageHeader title={t('mine.title')} description={t('mine.description')} />
      <ListStatus
        isPending={mine.isPending}
        error={mine.error}
        isEmpty={(mine.data?.items.length ?? 0) === 0}
        emptyTitle={t('mine.empty')}
        emptyDescription={t('mine.emptyHint')}
      >
        <Stack>
          {mine.data?.items.map((x) => (
            <MyExerciseCard key={`${x.id}:${x.cell?.id ?? ''}`} exercise={x} />
          ))}
        </Stack>
      </ListStatus>
    </>
  );
}

function MyExerciseCard({ exercise: x }: { exercise: MyExercise }) {
  const { t, i18n } = useTranslation('exercises');
  const headingId = `mine-${x.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId} padding="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {x.title}
          </Title>
          <ExerciseStatusBadge status={x.status} />
        </Group>
        <Text size="sm">
          {x.cell ? t('mine.placed', { cell: x.cell.name, function: t(`functions.${x.function}`) }) : t(`functions.${x.function}`)}
        </Text>
        <Text size="sm" c="dimmed">
          {x.startedAt
            ? t('mine.startedAt', { date: formatDateTime(x.startedAt, i18n.language) })
            : t('mine.plannedStart', { date: formatDateTime(x.plannedStart, i18n.language) })}
        </Text>
        {x.cell && x.status === 'running' ? (
          <Group>
            {/* A local animator leads the cell from the console rather than playing in it. */}
            {x.function === 'local_animator' ? (
              <Button component={Link} to={localConsolePath(x.id)}>
                {t('console.open')}
              </Button>
            ) : (
              <Button component={Link} to={`/exercises/play/${encodeURIComponent(x.id)}/${encodeURIComponent(x.cell.id)}`}>
                {t('mine.play')}
              </Button>
            )}
          </Group>
        ) : null}
        <ObserveLink exercise={x} />
        {x.cell && (x.status === 'ended' || x.status === 'closed') ? (
          <Group>
            <Button
              component={Link}
              variant="light"
              to={`/exercises/lessons/${encodeURIComponent(x.id)}?cell=${encodeURIComponent(x.cell.id)}`}
            >
              {t('links.lessons')}
            </Button>
          </Group>
        ) : null}
        {x.cell && x.status !== 'draft' ? <Delivered exerciseId={x.id} cellId={x.cell.id} /> : null}
      </Stack>
    </Card>
  );
}

/** What the cell has received so far, newest last, read-only. */
function Delivered({ exerciseId, cellId }: { exerciseId: string; cellId: string }) {
  const { t, i18n } = useTranslation('exercises');
  const lang = i18n.language;
  const stimuli = useQuery({
    queryKey: [...exercisesKeys.mine, exerciseId, cellId, 'stimuli'],
    queryFn: () => api<{ items: PlayerStimulus[] }>(exercisesApi.myStimuli(exerciseId, cellId)),
  });
  if (stimuli.error) return <ErrorAlert error={stimuli.error} />;
  const items = stimuli.data?.items ?? [];
  return (
    <section aria-label={t('mine.received')}>
      <Text size="sm" fw={600}>
        {t('mine.received')}
      </Text>
      {stimuli.isPending ? (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('mine.noneReceived')}
        </Text>
      ) : (
        <Stack gap="xs" mt={4} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((s) => (
            <Card key={s.stimulusId} component="li" withBorder padding="sm" bg="var(--mantine-color-gray-light)">
              <Text size="xs" c="dimmed">
                {t('mine.from', {
                  time: s.deliveredAt ? new Date(s.deliveredAt).toLocaleTimeString(lang, { timeStyle: 'short' }) : '—',
                  channel: t(`channels.${s.channel}`),
                  sender: `${pick(s.persona.name, lang)}, ${pick(s.persona.function, lang)}`,
                })}
              </Text>
              <Text size="sm" fw={600}>
                {pick(s.subject, lang)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {pick(s.content, lang)}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}
