import { ActionIcon, Button, Card, Group, List, Modal, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { api } from '../api.js';
import { exercisesApi, exercisesKeys } from './endpoints.js';
import { ParticipantModal } from './ParticipantModal.js';
import { type Cell, type ExerciseDetail, type Owner, type Participant, pick } from './types.js';

type Props = { owner: Owner; exercise: ExerciseDetail; manages: boolean };

/** The cells that play (one per organization), the people in each, and the animators and observers. */
export function CellsPanel({ owner, exercise, manages }: Props) {
  const { t, i18n } = useTranslation('exercises');
  const [adding, setAdding] = useState<Cell | 'staff' | null>(null);
  const [addingCell, setAddingCell] = useState(false);
  const [removing, setRemoving] = useState<Cell | null>(null);
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: exercisesKeys.one(owner, exercise.id) });
  const removeCell = useMutation({
    mutationFn: (c: Cell) => api<void>(exercisesApi.cell(owner, exercise.id, c.id), { method: 'DELETE' }),
    onSuccess: async () => {
      await refresh();
      setRemoving(null);
    },
  });
  const open = exercise.status !== 'ended' && exercise.status !== 'closed';
  const scenarioCell = (id: string) => {
    const c = exercise.scenarioCells.find((s) => s.id === id);
    return c ? pick(c.name, i18n.language) : id;
  };
  const staff = exercise.participants.filter((p) => p.cellId === null);
  return (
    <Stack>
      {owner.kind === 'territory' && manages && open ? (
        <Group>
          <Button variant="default" onClick={() => setAddingCell(true)}>
            {exercise.status === 'draft' ? t('cells.add') : t('cells.lateJoin')}
          </Button>
        </Group>
      ) : null}
      {exercise.cells.map((c) => (
        <Card key={c.id} withBorder component="section" aria-labelledby={`cell-${c.id}`}>
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h4" id={`cell-${c.id}`}>
                {c.name}
              </Title>
              <Text size="sm" c="dimmed">
                {t('cells.plays', { organization: c.organizationName, cell: scenarioCell(c.scenarioCellId) })}
              </Text>
            </div>
            {manages ? (
              <Group gap="xs">
                {open ? (
                  <Button size="xs" variant="default" onClick={() => setAdding(c)}>
                    {t('people.add')}
                  </Button>
                ) : null}
                {owner.kind === 'territory' && exercise.status === 'draft' ? (
                  <Button size="xs" variant="outline" color="red.9" onClick={() => setRemoving(c)}>
                    {t('cells.remove')}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Group>
          <People
            owner={owner}
            exercise={exercise}
            people={exercise.participants.filter((p) => p.cellId === c.id)}
            manages={manages && open}
          />
        </Card>
      ))}
      <Card withBorder component="section" aria-labelledby="cell-staff">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="cell-staff">
              {t('cells.staff')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('cells.staffHint')}
            </Text>
          </div>
          {manages && open ? (
            <Button size="xs" variant="default" onClick={() => setAdding('staff')}>
              {t('people.add')}
            </Button>
          ) : null}
        </Group>
        <People owner={owner} exercise={exercise} people={staff} manages={manages && open} />
      </Card>
      {adding ? (
        <ParticipantModal owner={owner} exercise={exercise} cell={adding === 'staff' ? null : adding} onClose={() => setAdding(null)} />
      ) : null}
      {addingCell ? <AddCellModal owner={owner} exercise={exercise} onClose={() => setAddingCell(false)} /> : null}
      <ConfirmModal
        opened={removing !== null}
        title={t('cells.removeTitle')}
        confirmLabel={t('cells.remove')}
        onConfirm={() => removing && removeCell.mutate(removing)}
        onClose={() => setRemoving(null)}
        loading={removeCell.isPending}
        error={removeCell.error}
      >
        {t('cells.removeText', { name: removing?.name ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}

function People({ owner, exercise, people, manages }: { owner: Owner; exercise: ExerciseDetail; people: Participant[]; manages: boolean }) {
  const { t } = useTranslation('exercises');
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (p: Participant) => api<void>(exercisesApi.participant(owner, exercise.id, p.id), { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: exercisesKeys.one(owner, exercise.id) }),
  });
  if (people.length === 0)
    return (
      <Text size="sm" mt="sm" c="dimmed">
        {t('people.none')}
      </Text>
    );
  return (
    <>
      <List mt="sm" spacing={4} listStyleType="none">
        {people.map((p) => (
          <List.Item key={p.id}>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm">
                {p.displayName} — {t(`functions.${p.function}`)}
              </Text>
              {manages ? (
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  size="sm"
                  aria-label={t('people.remove', { name: p.displayName })}
                  onClick={() => remove.mutate(p)}
                  loading={remove.isPending && remove.variables?.id === p.id}
                >
                  ×
                </ActionIcon>
              ) : null}
            </Group>
          </List.Item>
        ))}
      </List>
      <ErrorAlert error={remove.error} />
    </>
  );
}

function AddCellModal({ owner, exercise, onClose }: { owner: Owner; exercise: ExerciseDetail; onClose: () => void }) {
  const { t, i18n } = useTranslation('exercises');
  const client = useQueryClient();
  const members = useQuery({
    queryKey: ['exercises', 'territory-members', owner.id],
    queryFn: () => api<{ items: Array<{ organizationId: string; name: string }> }>(exercisesApi.territoryMembers(owner.id)),
  });
  const free = (members.data?.items ?? []).filter((m) => !exercise.cells.some((c) => c.organizationId === m.organizationId));
  const [orgId, setOrgId] = useState('');
  const [scenarioCellId, setScenarioCellId] = useState('');
  const add = useMutation({
    mutationFn: () =>
      api(exercisesApi.cells(owner, exercise.id), {
        body: { organizationId: orgId || free[0]?.organizationId, ...(scenarioCellId ? { scenarioCellId } : {}) },
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: exercisesKeys.one(owner, exercise.id) });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={exercise.status === 'draft' ? t('cells.add') : t('cells.lateJoin')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {exercise.status !== 'draft' ? <Text size="sm">{t('cells.lateJoinHint')}</Text> : null}
          <ErrorAlert error={members.error} />
          <NativeSelect
            label={t('cells.organization')}
            value={orgId || free[0]?.organizationId || ''}
            onChange={(e) => setOrgId(e.currentTarget.value)}
            data={free.map((m) => ({ value: m.organizationId, label: m.name }))}
            disabled={free.length === 0}
            description={free.length === 0 && members.data ? t('cells.noneLeft') : undefined}
          />
          <NativeSelect
            label={t('create.cellRole')}
            value={scenarioCellId}
            onChange={(e) => setScenarioCellId(e.currentTarget.value)}
            data={[
              { value: '', label: t('create.cellAuto') },
              ...exercise.scenarioCells.map((c) => ({ value: c.id, label: pick(c.name, i18n.language) })),
            ]}
          />
          <ErrorAlert error={add.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={free.length === 0}>
              {t('cells.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
