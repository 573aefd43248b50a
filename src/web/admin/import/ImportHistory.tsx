import { Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api.js';
import { DataTable } from '../components/DataTable.js';
import { formatDateTime } from '../components/format.js';
import { ListStatus } from '../components/ListStatus.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { endpoints, qs } from '../endpoints.js';
import { type ImportRecord, itemsOf } from '../types.js';

/** Earlier imports of the organization, newest first. */
export function ImportHistory({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('admin');
  const history = useQuery({
    queryKey: ['admin', 'imports', orgId],
    queryFn: () => api<Page<ImportRecord> | ImportRecord[]>(`${endpoints.imports(orgId)}${qs({ pageSize: 20 })}`),
  });
  const items = itemsOf(history.data);
  const count = (r: ImportRecord, key: 'toCreate' | 'toUpdate' | 'toDeactivate' | 'errorCount') => r.summary?.[key] ?? '';
  return (
    <Stack mt="xl">
      <Title order={2} size="h3">
        {t('import.history.title')}
      </Title>
      <ListStatus isPending={history.isPending} error={history.error} isEmpty={items.length === 0} emptyTitle={t('import.history.empty')}>
        <DataTable
          caption={t('import.history.title')}
          minWidth={760}
          head={
            <>
              <Table.Th scope="col">{t('import.history.date')}</Table.Th>
              <Table.Th scope="col">{t('import.history.file')}</Table.Th>
              <Table.Th scope="col">{t('import.history.rows')}</Table.Th>
              <Table.Th scope="col">{t('import.mode.label')}</Table.Th>
              <Table.Th scope="col">{t('import.history.status')}</Table.Th>
              <Table.Th scope="col">{t('import.summary.applied.toCreate')}</Table.Th>
              <Table.Th scope="col">{t('import.summary.applied.toUpdate')}</Table.Th>
              <Table.Th scope="col">{t('import.summary.applied.toDeactivate')}</Table.Th>
              <Table.Th scope="col">{t('import.summary.applied.errorCount')}</Table.Th>
            </>
          }
        >
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{formatDateTime(r.appliedAt ?? r.createdAt, i18n.language)}</Table.Td>
              <Table.Td>{r.filename}</Table.Td>
              <Table.Td>{r.rowCount ?? ''}</Table.Td>
              <Table.Td>{r.mode ? t(`import.mode.${r.mode}`) : ''}</Table.Td>
              <Table.Td>
                <StatusBadge color={r.status === 'applied' ? 'teal' : 'gray'}>{t(`import.history.statuses.${r.status}`)}</StatusBadge>
              </Table.Td>
              <Table.Td>{count(r, 'toCreate')}</Table.Td>
              <Table.Td>{count(r, 'toUpdate')}</Table.Td>
              <Table.Td>{count(r, 'toDeactivate')}</Table.Td>
              <Table.Td>{count(r, 'errorCount')}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListStatus>
    </Stack>
  );
}
