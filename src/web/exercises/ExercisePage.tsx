import { Anchor, Button, Group, Modal, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { ApiError, api } from '../api.js';
import { useMe } from '../me.js';
import { CellsPanel } from './CellsPanel.js';
import { ChronogramPanel } from './ChronogramPanel.js';
import { ConsoleLinks } from './console/ConsoleLinks.js';
import { formatDateTime, fromLocalInput, toLocalInput } from './dates.js';
import { ExerciseStatusBadge } from './ExerciseStatusBadge.js';
import { exercisePath, exercisesApi, exercisesKeys } from './endpoints.js';
import { canManage } from './permissions.js';
import { type ExerciseDetail, type Owner, pick } from './types.js';

export const OrgExercisePage = () => <ExercisePage kind="org" />;
export const TerritoryExercisePage = () => <ExercisePage kind="territory" />;

export const useExercise = (owner: Owner, id: string) =>
  useQuery({ queryKey: exercisesKeys.one(owner, id), queryFn: () => api<ExerciseDetail>(exercisesApi.exercise(owner, id)) });

/** An exercise being prepared: its cells and people, its chronogram, its objectives. */
function ExercisePage({ kind }: { kind: Owner['kind'] }) {
  const { ownerId = '', exerciseId = '' } = useParams();
  const owner: Owner = { kind, id: ownerId };
  const { t, i18n } = useTranslation('exercises');
  const exercise = useExercise(owner, exerciseId);
  const me = useMe().data?.account;
  const x = exercise.data;
  const manages = Boolean(me && canManage(me, owner));
  const back = `/exercises${kind === 'territory' ? '?scope=territory' : ''}`;
  return (
    <>
      <Anchor component={Link} to={back} size="sm">
        {t('detail.back')}
      </Anchor>
      <ListStatus isPending={exercise.isPending} error={exercise.error} isEmpty={false} emptyTitle="">
        {x ? (
          <>
            <PageHeader
              title={x.title}
              description={
                <Group gap="xs">
                  <ExerciseStatusBadge status={x.status} />
                  <Text size="sm">{t(`levels.${x.level}`)}</Text>
                  <Text size="sm">{t('detail.plannedStart', { date: formatDateTime(x.plannedStart, i18n.language) })}</Text>
                </Group>
              }
              actions={manages ? <ExerciseActions owner={owner} exercise={x} /> : null}
            />
            <Tabs defaultValue="cells" keepMounted={false}>
              <Tabs.List mb="md">
                <Tabs.Tab value="cells">{t('detail.tabs.cells')}</Tabs.Tab>
                <Tabs.Tab value="chronogram">{t('detail.tabs.chronogram', { count: x.chronogram.length })}</Tabs.Tab>
                <Tabs.Tab value="objectives">{t('detail.tabs.objectives')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="cells">
                <CellsPanel owner={owner} exercise={x} manages={manages} />
              </Tabs.Panel>
              <Tabs.Panel value="chronogram">
                <ChronogramPanel owner={owner} exercise={x} manages={manages} />
              </Tabs.Panel>
              <Tabs.Panel value="objectives">
                <Stack>
                  {x.objectives.map((o) => (
                    <div key={o.id}>
                      <Text fw={600}>{pick(o.text, i18n.language)}</Text>
                      <ul>
                        {o.criteria.map((c) => (
                          <li key={c.fr}>{pick(c, i18n.language)}</li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </Stack>
              </Tabs.Panel>
            </Tabs>
          </>
        ) : null}
      </ListStatus>
    </>
  );
}

function ExerciseActions({ owner, exercise }: { owner: Owner; exercise: ExerciseDetail }) {
  const { t } = useTranslation('exercises');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useMutation({
    mutationFn: () => api<void>(exercisesApi.exercise(owner, exercise.id), { method: 'DELETE' }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: exercisesKeys.owner(owner) });
      void navigate(`/exercises${owner.kind === 'territory' ? '?scope=territory' : ''}`);
    },
  });
  const open = exercise.status !== 'ended' && exercise.status !== 'closed';
  return (
    <>
      <ConsoleLinks owner={owner} exerciseId={exercise.id} status={exercise.status} manages />
      {exercise.status === 'ended' || exercise.status === 'closed' ? (
        <Button component={Link} to={`${exercisePath(owner, exercise.id)}/after`} variant="light">
          {t('links.after')}
        </Button>
      ) : null}
      {open ? (
        <Button variant="default" onClick={() => setEditing(true)}>
          {t('detail.edit')}
        </Button>
      ) : null}
      {exercise.status === 'draft' ? (
        <Button color="red.9" variant="outline" onClick={() => setDeleting(true)}>
          {t('detail.delete')}
        </Button>
      ) : null}
      {editing ? <EditModal owner={owner} exercise={exercise} onClose={() => setEditing(false)} /> : null}
      <ConfirmModal
        opened={deleting}
        title={t('detail.deleteTitle')}
        confirmLabel={t('detail.delete')}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
        loading={remove.isPending}
        error={remove.error}
      >
        {t('detail.deleteText', { title: exercise.title })}
      </ConfirmModal>
    </>
  );
}

function EditModal({ owner, exercise, onClose }: { owner: Owner; exercise: ExerciseDetail; onClose: () => void }) {
  const { t } = useTranslation('exercises');
  const client = useQueryClient();
  const [title, setTitle] = useState(exercise.title);
  const [plannedStart, setPlannedStart] = useState(toLocalInput(exercise.plannedStart));
  const save = useMutation({
    mutationFn: () =>
      api<ExerciseDetail>(exercisesApi.exercise(owner, exercise.id), {
        method: 'PATCH',
        body: { title: title.trim(), plannedStart: fromLocalInput(plannedStart) },
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: exercisesKeys.owner(owner) });
      onClose();
    },
  });
  const fieldError = (f: string) =>
    save.error instanceof ApiError && save.error.field?.replace(/^body\./, '') === f ? save.error.message : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('detail.edit')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('create.titleLabel')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={200}
            required
            error={fieldError('title')}
          />
          <TextInput
            type="datetime-local"
            label={t('create.plannedStart')}
            value={plannedStart}
            onChange={(e) => setPlannedStart(e.currentTarget.value)}
            error={fieldError('plannedStart')}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
