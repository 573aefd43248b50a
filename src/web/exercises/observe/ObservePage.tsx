import { Anchor, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ListStatus } from '../../admin/components/ListStatus.js';
import { PageHeader } from '../../admin/components/PageHeader.js';
import { api } from '../../api.js';
import { useMe } from '../../me.js';
import { ExerciseStatusBadge } from '../ExerciseStatusBadge.js';
import { exercisePath, exercisesApi, exercisesKeys } from '../endpoints.js';
import type { ExerciseDetail, ExerciseStatus, MyExercise, Owner } from '../types.js';
import { ObjectiveCard } from './ObjectiveCard.js';
import { type Grid, observeApi, observeKeys } from './observe-api.js';

/** Observers placed on the exercise come without an owner: /exercises/observe/:exerciseId. */
export const MyObservePage = () => <ObservePage owner={undefined} />;
export const OrgObservePage = () => <OwnedObservePage kind="org" />;
export const TerritoryObservePage = () => <OwnedObservePage kind="territory" />;

function OwnedObservePage({ kind }: { kind: Owner['kind'] }) {
  const { ownerId = '' } = useParams();
  const owner = useMemo<Owner>(() => ({ kind, id: ownerId }), [kind, ownerId]);
  return <ObservePage owner={owner} />;
}

/** The observation grid: per objective its criteria, timestamped notes and a rating, phone first. */
function ObservePage({ owner }: { owner: Owner | undefined }) {
  const { exerciseId = '' } = useParams();
  const { t } = useTranslation('exercises');
  const client = useQueryClient();
  const me = useMe().data?.account;
  const key = observeKeys.grid(exerciseId, owner);
  // Several observers fill the grid at once: each sees the others' notes within half a minute.
  const grid = useQuery({ queryKey: key, queryFn: () => api<Grid>(observeApi.grid(exerciseId, owner)), refetchInterval: 30_000 });
  const about = useAbout(exerciseId, owner);
  const canWrite = about.status !== 'closed';
  return (
    <>
      {owner ? (
        <Anchor component={Link} to={exercisePath(owner, exerciseId)} size="sm">
          {t('observe.back')}
        </Anchor>
      ) : (
        <Anchor component={Link} to="/exercises/mine" size="sm">
          {t('observe.backMine')}
        </Anchor>
      )}
      <PageHeader
        title={t('observe.title', { title: about.title })}
        description={about.status ? <ExerciseStatusBadge status={about.status} /> : undefined}
      />
      <ListStatus
        isPending={grid.isPending}
        error={grid.error}
        isEmpty={grid.data?.objectives.length === 0}
        emptyTitle={t('observe.emptyTitle')}
        emptyDescription={t('observe.emptyText')}
      >
        <Stack>
          {!canWrite ? <Text c="dimmed">{t('observe.closed')}</Text> : null}
          {grid.data?.objectives.map((o) => (
            <ObjectiveCard
              key={o.id}
              exerciseId={exerciseId}
              owner={owner}
              objective={o}
              cells={about.cells}
              accountId={me?.id ?? ''}
              canWrite={canWrite}
              onSaved={(g) => client.setQueryData(key, g)}
            />
          ))}
        </Stack>
      </ListStatus>
    </>
  );
}

/** Title, status and cells: from the exercise through its owner, or from "my exercises" for an observer. */
function useAbout(exerciseId: string, owner: Owner | undefined) {
  const o = owner ?? { kind: 'org', id: '' };
  const owned = useQuery({
    queryKey: exercisesKeys.one(o, exerciseId),
    queryFn: () => api<ExerciseDetail>(exercisesApi.exercise(o, exerciseId)),
    enabled: Boolean(owner),
  });
  const mine = useQuery({
    queryKey: exercisesKeys.mine,
    queryFn: () => api<{ items: MyExercise[] }>(exercisesApi.mine),
    enabled: !owner,
  });
  const placed = mine.data?.items.find((x) => x.id === exerciseId);
  const status: ExerciseStatus | undefined = owned.data?.status ?? placed?.status;
  return { title: owned.data?.title ?? placed?.title ?? '', status, cells: owned.data?.cells ?? [] };
}
