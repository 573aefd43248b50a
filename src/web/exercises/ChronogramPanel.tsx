import { ActionIcon, Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../admin/components/ConfirmModal.js';
import { DataTable } from '../admin/components/DataTable.js';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { Th } from '../admin/components/SortableTh.js';
import { StatusBadge } from '../admin/components/StatusBadge.js';
import { api } from '../api.js';
import { ConflictHint } from './ConflictHint.js';
import { exercisesApi, exercisesKeys } from './endpoints.js';
import { ImportModal } from './ImportModal.js';
import { StimulusModal } from './StimulusModal.js';
import { formatOffset, moved } from './stimulus-form.js';
import { type ExerciseDetail, type Owner, pick, type Stimulus } from './types.js';

const statusColor = { pending: 'gray', delivered: 'green', skipped: 'orange' } as const;

/** The exercise's own chronogram: read by observers, edited by animators (delivered stimuli stay as played). */
export function ChronogramPanel({ owner, exercise, manages }: { owner: Owner; exercise: ExerciseDetail; manages: boolean }) {
  const { t, i18n } = useTranslation('exercises');
  const client = useQueryClient();
  const [editing, setEditing] = useState<Stimulus | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Stimulus | null>(null);
  const [importing, setImporting] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: exercisesKeys.one(owner, exercise.id) });
  const reorder = useMutation({
    mutationFn: (stimulusIds: string[]) => api(exercisesApi.order(owner, exercise.id), { body: { stimulusIds } }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (s: Stimulus) => api<void>(exercisesApi.stimulus(owner, exercise.id, s.stimulusId), { method: 'DELETE' }),
    onSuccess: async () => {
      await refresh();
      setDeleting(null);
    },
  });
  const open = exercise.status !== 'ended' && exercise.status !== 'closed';
  const draft = exercise.status === 'draft';
  const editable = manages && open;
  const rows = exercise.chronogram;
  const ids = rows.map((s) => s.stimulusId);
  const lang = i18n.language;
  const cellName = (id: string) => {
    const c = exercise.scenarioCells.find((s) => s.id === id);
    return c ? pick(c.name, lang) : id;
  };
  return (
    <Stack>
      <Group gap="sm" wrap="wrap">
        {editable ? <Button onClick={() => setEditing('new')}>{t('chronogram.add')}</Button> : null}
        {manages && draft ? (
          <Button variant="default" onClick={() => setImporting(true)}>
            {t('chronogram.import')}
          </Button>
        ) : null}
        <Button component="a" variant="default" href={exercisesApi.exportFile(owner, exercise.id, 'xlsx')} download>
          {t('chronogram.exportXlsx')}
        </Button>
        <Button component="a" variant="default" href={exercisesApi.exportFile(owner, exercise.id, 'csv')} download>
          {t('chronogram.exportCsv')}
        </Button>
      </Group>
      {editable && !draft ? <Alert color="blue">{t('chronogram.runningHint')}</Alert> : null}
      <ErrorAlert error={reorder.error} />
      <ConflictHint error={reorder.error} />
      {rows.length === 0 ? (
        <Text c="dimmed">{t('chronogram.empty')}</Text>
      ) : (
        <DataTable
          caption={t('chronogram.caption')}
          minWidth={1100}
          head={
            <>
              <Th>{t('stimulus.code')}</Th>
              <Th>{t('stimulus.offset')}</Th>
              <Th>{t('stimulus.channel')}</Th>
              <Th>{t('stimulus.persona')}</Th>
              <Th>{t('stimulus.target')}</Th>
              <Th>{t('stimulus.subject')}</Th>
              <Th>{t('stimulus.expected')}</Th>
              <Th>{t('stimulus.condition')}</Th>
              <Th>{t('stimulus.status')}</Th>
              {editable ? <Th>{t('chronogram.actions')}</Th> : null}
            </>
          }
        >
          {rows.map((s, i) => {
            const locked = s.status !== 'pending';
            return (
              <Table.Tr key={s.stimulusId}>
                <Table.Td>{s.id}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {s.spare && s.offsetMinutes === undefined ? t('stimulus.spareShort') : formatOffset(s.offsetMinutes)}
                </Table.Td>
                <Table.Td>{t(`channels.${s.channel}`)}</Table.Td>
                <Table.Td miw={140}>
                  <Text size="sm">{pick(s.persona.name, lang)}</Text>
                  <Text size="xs" c="dimmed">
                    {pick(s.persona.function, lang)}
                  </Text>
                </Table.Td>
                <Table.Td miw={140}>
                  <Text size="sm">{cellName(s.target.cellId)}</Text>
                  <Text size="xs" c="dimmed">
                    {s.target.roles.map((r) => t(`functions.${r}`)).join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td miw={200}>
                  <Text size="sm" fw={600}>
                    {pick(s.subject, lang)}
                  </Text>
                  <Text size="xs" lineClamp={3}>
                    {pick(s.content, lang)}
                  </Text>
                </Table.Td>
                <Table.Td miw={180}>
                  <Text size="xs">{pick(s.expectedReaction, lang)}</Text>
                </Table.Td>
                <Table.Td>
                  {s.after ? <Text size="xs">{t(`conditions.${s.after.condition}`, { code: s.after.stimulusId })}</Text> : null}
                  {s.spare ? <Text size="xs">{t('stimulus.spare')}</Text> : null}
                </Table.Td>
                <Table.Td>
                  <StatusBadge color={statusColor[s.status]}>{t(`stimulusStatuses.${s.status}`)}</StatusBadge>
                </Table.Td>
                {editable ? (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('chronogram.up', { code: s.id })}
                        disabled={i === 0 || reorder.isPending}
                        onClick={() => reorder.mutate(moved(ids, i, -1))}
                      >
                        ↑
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('chronogram.down', { code: s.id })}
                        disabled={i === rows.length - 1 || reorder.isPending}
                        onClick={() => reorder.mutate(moved(ids, i, 1))}
                      >
                        ↓
                      </ActionIcon>
                      <Button
                        size="compact-xs"
                        variant="default"
                        disabled={locked}
                        title={locked ? t('chronogram.lockedHint') : undefined}
                        onClick={() => setEditing(s)}
                      >
                        {t('chronogram.edit')}
                      </Button>
                      <Button size="compact-xs" variant="outline" color="red.9" disabled={locked} onClick={() => setDeleting(s)}>
                        {draft ? t('chronogram.delete') : t('chronogram.setAside')}
                      </Button>
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
      {editing ? (
        <StimulusModal owner={owner} exercise={exercise} stimulus={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {importing ? <ImportModal owner={owner} exercise={exercise} onClose={() => setImporting(false)} /> : null}
      <ConfirmModal
        opened={deleting !== null}
        title={draft ? t('chronogram.deleteTitle') : t('chronogram.setAsideTitle')}
        confirmLabel={draft ? t('chronogram.delete') : t('chronogram.setAside')}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
        loading={remove.isPending}
        error={remove.error}
      >
        {draft ? t('chronogram.deleteText', { code: deleting?.id ?? '' }) : t('chronogram.setAsideText', { code: deleting?.id ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}
