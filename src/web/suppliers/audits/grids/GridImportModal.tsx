import { Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Callout } from '../../../admin/components/Callout.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { auditsApi, auditsKeys } from '../endpoints.js';
import type { ImportReport } from '../types.js';

const formatOf = (name: string): 'xlsx' | 'csv' => (name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');

/** Imports a grid from a spreadsheet: a dry run first lists every problem (line, column, reason), then the import. */
export function GridImportModal({ orgId, opened, onClose }: { orgId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('suppliersAudits');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) =>
      api<ImportReport>(auditsApi.gridImport(orgId, formatOf(f.name), dryRun), { raw: f, contentType: 'application/octet-stream' }),
    onSuccess: (report) => {
      if (report.dryRun || !report.grid) return;
      void queryClient.invalidateQueries({ queryKey: auditsKeys.grids(orgId) });
      close();
      void navigate(`/suppliers/grids/${encodeURIComponent(report.grid.id)}`);
    },
  });
  const close = () => {
    setFile(null);
    send.reset();
    onClose();
  };
  const report = send.data;
  return (
    <Modal opened={opened} onClose={close} title={t('import.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text size="sm">{t('import.help')}</Text>
        <FileInput
          label={t('import.file')}
          accept=".xlsx,.csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            send.reset();
          }}
          clearable
        />
        <ErrorAlert error={send.error} />
        {report ? (
          <Callout color={report.valid ? 'teal' : 'red'} title={report.valid ? t('import.valid') : t('import.invalid')} role="status">
            <Text size="sm">{t('import.counts', { sections: report.sectionCount, questions: report.questionCount })}</Text>
          </Callout>
        ) : null}
        {report && report.issues.length > 0 ? (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Caption>{t('import.issues', { count: report.issues.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('import.line')}</Table.Th>
                  <Table.Th scope="col">{t('import.column')}</Table.Th>
                  <Table.Th scope="col">{t('import.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.issues.map((i, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and a line may have several
                  <Table.Tr key={`${i.line}-${i.column}-${n}`}>
                    <Table.Td>{i.line ?? '—'}</Table.Td>
                    <Table.Td>{i.column ?? '—'}</Table.Td>
                    <Table.Td>{i.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="light"
            disabled={!file}
            loading={send.isPending && send.variables?.dryRun}
            onClick={() => file && send.mutate({ f: file, dryRun: true })}
          >
            {t('import.check')}
          </Button>
          <Button
            disabled={!file || !report?.valid}
            loading={send.isPending && !send.variables?.dryRun}
            onClick={() => file && send.mutate({ f: file, dryRun: false })}
          >
            {t('import.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
