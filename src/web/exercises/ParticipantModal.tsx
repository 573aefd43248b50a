import { Button, Group, Modal, NativeSelect, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { ApiError, api } from '../api.js';
import { exercisesApi, exercisesKeys } from './endpoints.js';
import { type Cell, cellRoles, type ExerciseDetail, type Owner } from './types.js';

interface Candidate {
  accountId: string;
  name: string;
  email: string;
  job: string | null;
}

/** The organizations whose accounts may be placed: the cell's, or for animators and observers the owner's and the cells'. */
export function accountSources(owner: Owner, exercise: ExerciseDetail, cell: Cell | null): Array<{ id: string; name: string }> {
  if (cell) return [{ id: cell.organizationId, name: cell.organizationName }];
  const out =
    owner.kind === 'org' ? [{ id: owner.id, name: exercise.cells.find((c) => c.organizationId === owner.id)?.organizationName ?? '' }] : [];
  for (const c of exercise.cells)
    if (!out.some((o) => o.id === c.organizationId)) out.push({ id: c.organizationId, name: c.organizationName });
  return out;
}

/** Places an account in a cell with its function, or on the whole exercise as animator or observer. */
export function ParticipantModal({
  owner,
  exercise,
  cell,
  onClose,
}: {
  owner: Owner;
  exercise: ExerciseDetail;
  cell: Cell | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('exercises');
  const client = useQueryClient();
  const sources = accountSources(owner, exercise, cell);
  const [orgId, setOrgId] = useState(sources[0]?.id ?? '');
  const [accountId, setAccountId] = useState<string | null>(null);
  const functions: string[] = cell ? [...cellRoles, 'local_animator'] : ['animator', 'observer'];
  const [fn, setFn] = useState(functions[0] ?? '');
  const accounts = useQuery({
    queryKey: ['exercises', 'candidates', exercise.id, orgId],
    queryFn: () => api<{ items: Candidate[] }>(exercisesApi.candidates(owner, exercise.id, orgId)),
    enabled: Boolean(orgId),
  });
  const placed = new Set(exercise.participants.map((p) => p.accountId));
  const items = accounts.data?.items ?? [];
  const add = useMutation({
    mutationFn: () =>
      api(exercisesApi.participants(owner, exercise.id), { body: { accountId: accountId ?? '', cellId: cell?.id ?? null, function: fn } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: exercisesKeys.one(owner, exercise.id) });
      onClose();
    },
  });
  const fieldError = (f: string) =>
    add.error instanceof ApiError && add.error.field?.replace(/^body\./, '') === f ? add.error.message : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={cell ? t('people.addTo', { cell: cell.name }) : t('people.addStaff')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {sources.length > 1 ? (
            <NativeSelect
              label={t('people.organization')}
              value={orgId}
              onChange={(e) => {
                setOrgId(e.currentTarget.value);
                setAccountId(null);
              }}
              data={sources.map((s) => ({ value: s.id, label: s.name }))}
            />
          ) : null}
          <Select
            label={t('people.account')}
            description={t('people.accountHint')}
            placeholder={t('people.typeToSearch')}
            searchable
            nothingFoundMessage={accounts.isPending ? t('common.loading') : t('people.noAccount')}
            value={accountId}
            onChange={setAccountId}
            data={items
              .filter((a) => !placed.has(a.accountId))
              .map((a) => ({ value: a.accountId, label: `${a.name}${a.job ? `, ${a.job}` : ''} (${a.email})` }))}
            error={fieldError('accountId')}
            required
          />
          {accounts.error instanceof ApiError && accounts.error.status === 403 ? (
            <Text size="sm" role="alert">
              {t('people.noAccess')}
            </Text>
          ) : (
            <ErrorAlert error={accounts.error} />
          )}
          <NativeSelect
            label={t('people.function')}
            value={fn}
            onChange={(e) => setFn(e.currentTarget.value)}
            data={functions.map((f) => ({ value: f, label: t(`functions.${f}`) }))}
            error={fieldError('function') ?? fieldError('cellId')}
          />
          <ErrorAlert error={add.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!accountId}>
              {t('people.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
