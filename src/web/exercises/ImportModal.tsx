import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../admin/components/DataTable.js';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { Th } from '../admin/components/SortableTh.js';
import { api } from '../api.js';
import { ConflictHint } from './ConflictHint.js';
import { exercisesApi, exercisesKeys } from './endpoints.js';
import { formatOfFile, mimeOf } from './import-file.js';
import type { ExerciseDetail, ImportReport, Owner } from './types.js';

/** Replaces the whole chronogram from a spreadsheet: a dry run lists the problems by line and column, then the person confirms. */
export function ImportModal({ owner, exercise, onClose }: { owner: Owner; exercise: ExerciseDetail; onClose: () => void }) {
  const { t } = useTranslation('exercises');
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const format = file ? formatOfFile(file.name) : null;
  const send = (dryRun: boolean) => {
    if (!file || !format) throw new Error(t('import.badFormat'));
    return api<ImportReport>(exercisesApi.importFile(owner, exercise.id, format, dryRun), { raw: file, contentType: mimeOf(format) });
  };
  const check = useMutation({ mutationFn: () => send(true) });
  const apply = useMutation({
    mutationFn: () => send(false),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: exercisesKeys.one(owner, exercise.id) });
      onClose();
    },
  });
  const report = check.data;
  const pick = (f: File | null) => {
    setFile(f);
    check.reset();
    apply.reset();
  };
  return (
    <Modal opened onClose={onClose} size="xl" title={t('import.title')}>
      <Stack>
        <Text size="sm">{t('import.hint')}</Text>
        <FileInput
          label={t('import.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={pick}
          clearable
          error={file && !format ? t('import.badFormat') : null}
        />
        <ErrorAlert error={check.error} />
        <ConflictHint error={check.error} />
        {report ? (
          report.valid ? (
            <Alert color="green" title={t('import.validTitle')}>
              {t('import.valid', { count: report.stimulusCount, current: exercise.chronogram.length })}
            </Alert>
          ) : (
            <>
              <Alert color="red" title={t('import.invalidTitle', { count: report.issues.length })}>
                {t('import.invalid')}
              </Alert>
              <DataTable
                caption={t('import.issues')}
                minWidth={520}
                head={
                  <>
                    <Th>{t('import.line')}</Th>
                    <Th>{t('import.column')}</Th>
                    <Th>{t('import.problem')}</Th>
                  </>
                }
              >
                {report.issues.map((i, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder
                  <Table.Tr key={n}>
                    <Table.Td>{i.line ?? '—'}</Table.Td>
                    <Table.Td>{i.column ?? '—'}</Table.Td>
                    <Table.Td>{i.message}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            </>
          )
        ) : null}
        <ErrorAlert error={apply.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {report?.valid ? (
            <Button color="red.9" loading={apply.isPending} onClick={() => apply.mutate()}>
              {t('import.confirm', { count: report.stimulusCount })}
            </Button>
          ) : (
            <Button loading={check.isPending} disabled={!format} onClick={() => check.mutate()}>
              {t('import.check')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
