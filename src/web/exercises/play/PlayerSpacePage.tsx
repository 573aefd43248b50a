import { Anchor, Group, Stack, Tabs, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Callout } from '../../admin/components/Callout.js';
import { ErrorAlert } from '../../admin/components/ErrorAlert.js';
import { StatusBadge } from '../../admin/components/StatusBadge.js';
import { api } from '../../api.js';
import { ExerciseStatusBadge } from '../ExerciseStatusBadge.js';
import { exercisesApi, exercisesKeys } from '../endpoints.js';
import { type MyExercise, type PlayerStimulus, pick } from '../types.js';
import { ChatPanel, DecisionsPanel, LogbookPanel } from './JournalPanels.js';
import { type Entry, playApi, playKeys, type StreamKind } from './playApi.js';
import { StimuliFeed } from './StimuliFeed.js';
import { TasksPanel } from './TasksPanel.js';
import { type Connection, useCellStream } from './useCellStream.js';

/** The players' space of one cell: phone first, live over the cell's stream, read-only once the exercise has ended. */
export function PlayerSpacePage() {
  const { exerciseId = '', cellId = '' } = useParams();
  const { t, i18n } = useTranslation('exercises');
  const qc = useQueryClient();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [announce, setAnnounce] = useState('');
  const mine = useQuery({ queryKey: exercisesKeys.mine, queryFn: () => api<{ items: MyExercise[] }>(exercisesApi.mine) });
  const stimuli = useQuery({
    queryKey: playKeys.stimuli(exerciseId, cellId),
    queryFn: () => api<{ items: PlayerStimulus[] }>(playApi.stimuli(exerciseId, cellId)),
  });
  const journal = useQuery({
    queryKey: playKeys.journal(exerciseId, cellId),
    queryFn: () => api<{ items: Entry[] }>(playApi.journal(exerciseId, cellId)),
  });

  const onEvent = useCallback(
    (kind: StreamKind, data: unknown) => {
      if (kind === 'stimulus') {
        const s = data as PlayerStimulus | null;
        if (s?.stimulusId) {
          setFresh((prev) => new Set(prev).add(s.stimulusId));
          setAnnounce(t('play.announce', { subject: pick(s.subject, i18n.language) }));
        }
        void qc.invalidateQueries({ queryKey: playKeys.stimuli(exerciseId, cellId) });
        void qc.invalidateQueries({ queryKey: playKeys.media(exerciseId) });
      } else if (kind.startsWith('exercise.')) {
        void qc.invalidateQueries({ queryKey: exercisesKeys.mine });
      } else {
        void qc.invalidateQueries({ queryKey: playKeys.journal(exerciseId, cellId) });
      }
    },
    [qc, exerciseId, cellId, t, i18n.language],
  );
  const connection = useCellStream(exerciseId && cellId ? playApi.stream(exerciseId, cellId) : null, onEvent);

  const exercise = mine.data?.items.find((x) => x.id === exerciseId && x.cell?.id === cellId);
  const readOnly = !exercise || exercise.status === 'ended' || exercise.status === 'closed' || exercise.status === 'draft';
  const entries = journal.data?.items ?? [];
  const of = (kind: Entry['kind']) => entries.filter((e) => e.kind === kind);
  const ctx = { exerciseId, cellId, readOnly };

  return (
    <Stack gap="sm" maw={900}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <div>
          <Title order={1} size="h3">
            {exercise?.title ?? t('play.title')}
          </Title>
          {exercise?.cell ? (
            <Text size="sm" c="dimmed">
              {t('play.cell', { cell: exercise.cell.name })}
            </Text>
          ) : null}
        </div>
        <Group gap="xs">
          {exercise ? <ExerciseStatusBadge status={exercise.status} /> : null}
          <ConnectionBadge state={connection} />
        </Group>
      </Group>
      <Anchor component={Link} to={`/exercises/play/${encodeURIComponent(exerciseId)}/media`} size="sm">
        {t('play.openMedia')}
      </Anchor>
      <VisuallyHidden aria-live="polite" role="status">
        {announce}
      </VisuallyHidden>
      <ErrorAlert error={mine.error ?? stimuli.error ?? journal.error} />
      {exercise?.status === 'paused' ? <Callout color="yellow">{t('play.paused')}</Callout> : null}
      {exercise && (exercise.status === 'ended' || exercise.status === 'closed') ? <Callout color="gray">{t('play.ended')}</Callout> : null}
      {exercise?.status === 'draft' ? <Callout color="blue">{t('play.notStarted')}</Callout> : null}
      <Tabs defaultValue="stimuli" keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="stimuli">{t('play.tabs.stimuli', { count: stimuli.data?.items.length ?? 0 })}</Tabs.Tab>
          <Tabs.Tab value="logbook">{t('play.tabs.logbook')}</Tabs.Tab>
          <Tabs.Tab value="decisions">{t('play.tabs.decisions')}</Tabs.Tab>
          <Tabs.Tab value="tasks">{t('play.tabs.tasks')}</Tabs.Tab>
          <Tabs.Tab value="chat">{t('play.tabs.chat')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="stimuli" pt="sm">
          <StimuliFeed {...ctx} isPending={stimuli.isPending} items={stimuli.data?.items ?? []} fresh={fresh} replies={of('reply')} />
        </Tabs.Panel>
        <Tabs.Panel value="logbook" pt="sm">
          <LogbookPanel {...ctx} items={of('logbook')} />
        </Tabs.Panel>
        <Tabs.Panel value="decisions" pt="sm">
          <DecisionsPanel {...ctx} items={of('decision')} />
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="sm">
          <TasksPanel {...ctx} items={of('task')} />
        </Tabs.Panel>
        <Tabs.Panel value="chat" pt="sm">
          <ChatPanel {...ctx} items={of('chat')} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ConnectionBadge({ state }: { state: Connection }) {
  const { t } = useTranslation('exercises');
  const color = state === 'open' ? 'green' : state === 'connecting' ? 'gray' : 'orange';
  return (
    <StatusBadge color={color} data-testid="connection">
      {t(`play.connection.${state}`)}
    </StatusBadge>
  );
}
