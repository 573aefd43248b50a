import { Group, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ExerciseStatusBadge } from '../ExerciseStatusBadge.js';
import { formatOffset } from '../stimulus-form.js';
import { CellsActivity } from './CellsActivity.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import type { ConsoleOwner } from './console-api.js';
import type { ConsoleState } from './live-state.js';
import { TimelinePanel } from './TimelinePanel.js';
import { playedMinutes } from './timeline-view.js';
import type { Connection } from './use-live-stream.js';

/** The line under a console's title: the exercise's state, the minutes played and the stream's health. */
export function ConsoleStatusLine({
  state,
  now,
  connection,
  children,
}: {
  state: ConsoleState;
  now: number;
  connection: Connection;
  children?: ReactNode;
}) {
  const { t } = useTranslation('exercises');
  const played = playedMinutes(state.clock, now);
  return (
    <Group gap="xs">
      <ExerciseStatusBadge status={state.clock.status} />
      {played !== null ? <Text size="sm">{t('console.played', { time: formatOffset(played) })}</Text> : null}
      <ConnectionBadge connection={connection} />
      {children}
    </Group>
  );
}

interface Props {
  owner: ConsoleOwner;
  exerciseId: string;
  state: ConsoleState;
  now: number;
  manages: boolean;
  scenarioCells: Array<{ id: string; name: { fr: string; en: string } }>;
  apply: (kind: string, data: unknown) => void;
}

/**
 * The timeline beside the cells' activity, for the owner's console (every cell) and a local
 * animator's (their cells only, as the server sends them): what is played or written here is applied
 * at once, before the stream echoes it.
 */
export function ConsoleBody({ owner, exerciseId, state, now, manages, scenarioCells, apply }: Props) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <TimelinePanel
        owner={owner}
        exerciseId={exerciseId}
        clock={state.clock}
        stimuli={state.stimuli}
        cells={state.cells}
        now={now}
        manages={manages}
        scenarioCells={scenarioCells}
        onPlayed={(s) => apply('stimulus', s)}
      />
      <CellsActivity
        owner={owner}
        exerciseId={exerciseId}
        clock={state.clock}
        cells={state.cells}
        entries={state.entries}
        manages={manages}
        now={now}
        onSent={(e) => apply('chat.added', e)}
      />
    </SimpleGrid>
  );
}
