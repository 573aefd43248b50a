import { Accordion, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CellChat } from './CellChat.js';
import type { CellActivity, Clock, ConsoleOwner, Entry } from './console-api.js';

interface Props {
  owner: ConsoleOwner;
  exerciseId: string;
  clock: Clock;
  cells: CellActivity[];
  entries: Record<string, Entry[]>;
  manages: boolean;
  now: number;
  onSent: (e: Entry) => void;
}

/** How many of the latest writes of a cell the console shows beside its chat. */
const LATEST = 6;

/** Every cell's activity: its counters, its latest writes and its chat with the animators. */
export function CellsActivity({ owner, exerciseId, clock, cells, entries, manages, now, onSent }: Props) {
  const { t, i18n } = useTranslation('exercises');
  const canWrite = manages && (clock.status === 'running' || clock.status === 'paused');
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('console.cells.title')}
      </Title>
      {cells.length === 0 ? <Text c="dimmed">{t('console.cells.empty')}</Text> : null}
      <Accordion multiple variant="separated" defaultValue={cells.length === 1 ? cells.map((c) => c.id) : []}>
        {cells.map((c) => {
          const all = entries[c.id] ?? [];
          const writes = all
            .filter((e) => e.kind !== 'chat')
            .slice(-LATEST)
            .reverse();
          const chat = all.filter((e) => e.kind === 'chat');
          const quiet = c.lastActivityAt ? Math.floor((now - Date.parse(c.lastActivityAt)) / 60_000) : null;
          return (
            <Accordion.Item key={c.id} value={c.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div>
                    <Text fw={600}>{c.name}</Text>
                    <Text size="xs" c="dimmed">
                      {c.organizationName}
                    </Text>
                  </div>
                  <Text size="xs">
                    {quiet === null ? t('console.cells.noActivity') : t('console.cells.lastActivity', { count: Math.max(0, quiet) })}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs" mb="sm">
                  {(['received', 'replies', 'logbook', 'decisions', 'tasks', 'messages'] as const).map((k) => (
                    <div key={k}>
                      <Text fw={700}>{c[k]}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`console.counters.${k}`)}
                      </Text>
                    </div>
                  ))}
                </SimpleGrid>
                <Text fw={600} size="sm">
                  {t('console.cells.latest')}
                </Text>
                {writes.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('console.cells.nothingYet')}
                  </Text>
                ) : null}
                <Stack gap={4} mb="sm">
                  {writes.map((e) => (
                    <div key={e.id}>
                      <Group gap={6}>
                        <Badge size="xs" variant="light">
                          {t(`console.kinds.${e.kind}`)}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {new Date(e.createdAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })} · {e.authorName}
                          {e.status ? ` · ${t(`console.taskStatuses.${e.status}`)}` : ''}
                        </Text>
                      </Group>
                      <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
                        {e.text}
                      </Text>
                    </div>
                  ))}
                </Stack>
                <CellChat
                  owner={owner}
                  exerciseId={exerciseId}
                  cellId={c.id}
                  cellName={c.name}
                  messages={chat}
                  canWrite={canWrite}
                  onSent={onSent}
                />
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Stack>
  );
}
