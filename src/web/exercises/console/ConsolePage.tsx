import { Anchor, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ListStatus } from '../../admin/components/ListStatus.js';
import { PageHeader } from '../../admin/components/PageHeader.js';
import { useMe } from '../../me.js';
import { useExercise } from '../ExercisePage.js';
import { exercisePath } from '../endpoints.js';
import { observePath } from '../observe/observe-api.js';
import { canManage } from '../permissions.js';
import type { Owner } from '../types.js';
import { ClockControls } from './ClockControls.js';
import { ConsoleBody, ConsoleStatusLine } from './ConsoleBody.js';
import { useConsole } from './use-console.js';
import { useNow } from './use-now.js';

export const OrgConsolePage = () => <ConsolePage kind="org" />;
export const TerritoryConsolePage = () => <ConsolePage kind="territory" />;

/** The animation console: the exercise's clock, its live timeline and every cell's activity. */
function ConsolePage({ kind }: { kind: Owner['kind'] }) {
  const { ownerId = '', exerciseId = '' } = useParams();
  const owner = useMemo<Owner>(() => ({ kind, id: ownerId }), [kind, ownerId]);
  const { t } = useTranslation('exercises');
  const exercise = useExercise(owner, exerciseId);
  const me = useMe().data?.account;
  const manages = Boolean(me && canManage(me, owner));
  const { state, error, connection, apply } = useConsole(owner, exerciseId);
  const now = useNow();
  return (
    <>
      <Group gap="md">
        <Anchor component={Link} to={exercisePath(owner, exerciseId)} size="sm">
          {t('console.back')}
        </Anchor>
        <Anchor component={Link} to={observePath(exerciseId, owner)} size="sm">
          {t('console.observe')}
        </Anchor>
      </Group>
      <ListStatus isPending={!state && !error} error={state ? null : error} isEmpty={false} emptyTitle="">
        {state ? (
          <>
            <PageHeader
              title={t('console.title', { title: exercise.data?.title ?? '' })}
              description={
                <ConsoleStatusLine state={state} now={now} connection={connection}>
                  {state.observations.length ? (
                    <Text size="sm">{t('console.observations', { count: state.observations.length })}</Text>
                  ) : null}
                </ConsoleStatusLine>
              }
              actions={
                manages ? (
                  <ClockControls
                    owner={owner}
                    exerciseId={exerciseId}
                    clock={state.clock}
                    cellCount={state.cells.length}
                    onClock={(c) => apply(`exercise.${c.status}`, c)}
                  />
                ) : null
              }
            />
            <ConsoleBody
              owner={owner}
              exerciseId={exerciseId}
              state={state}
              now={now}
              manages={manages}
              scenarioCells={exercise.data?.scenarioCells ?? []}
              apply={apply}
            />
          </>
        ) : null}
      </ListStatus>
    </>
  );
}
