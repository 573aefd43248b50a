import { Anchor, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ListStatus } from '../../admin/components/ListStatus.js';
import { PageHeader } from '../../admin/components/PageHeader.js';
import { ExerciseStatusBadge } from '../ExerciseStatusBadge.js';
import { formatOffset } from '../stimulus-form.js';
import { CellsActivity } from './CellsActivity.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import type { ConsoleOwner } from './console-api.js';
import { TimelinePanel } from './TimelinePanel.js';
import { playedMinutes } from './timeline-view.js';
import { useConsole } from './use-console.js';
import { useNow } from './use-now.js';

const local: ConsoleOwner = { kind: 'local' };

/**
 * The console of a local animator: the timeline and their own cells only (the server filters), the
 * cells' chat and spare stimuli; no clock buttons, the clock belongs to the exercise's managers.
 */
export function LocalConsolePage() {
  const { exerciseId = '' } = useParams();
  const { t } = useTranslation('exercises');
  const { state, error, apply, connection } = useConsole(local, exerciseId);
  const now = useNow();
  const played = state ? playedMinutes(state.clock, now) : null;
  return (
    <>
      <Anchor component={Link} to="/exercises/mine" size="sm">
        {t('console.local.back')}
      </Anchor>
      <ListStatus isPending={!state && !error} error={state ? null : error} isEmpty={false} emptyTitle="">
        {state ? (
          <>
            <PageHeader
              title={t('console.open')}
              description={
                <Group gap="xs">
                  <ExerciseStatusBadge status={state.clock.status} />
                  <ConnectionBadge connection={connection} />
                  {played !== null ? <Text size="sm">{t('console.played', { time: formatOffset(played) })}</Text> : null}
                  <Text size="sm">{t('console.local.hint')}</Text>
                </Group>
              }
            />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <TimelinePanel
                owner={local}
                exerciseId={exerciseId}
                clock={state.clock}
                stimuli={state.stimuli}
                cells={state.cells}
                now={now}
                manages
                scenarioCells={[]}
                onPlayed={(s) => apply('stimulus', s)}
              />
              <CellsActivity
                owner={local}
                exerciseId={exerciseId}
                clock={state.clock}
                cells={state.cells}
                entries={state.entries}
                manages
                now={now}
                onSent={(e) => apply('chat.added', e)}
              />
            </SimpleGrid>
          </>
        ) : null}
      </ListStatus>
    </>
  );
}
