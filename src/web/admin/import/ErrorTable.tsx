import { Button, Group, Pagination, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable.js';
import type { ImportRowError } from '../types.js';
import { errorsCsv } from './errorsCsv.js';

const PAGE = 25;

/** The rows that will not be imported, and why: paged in the browser, downloadable as CSV. */
export function ErrorTable({ errors, errorCount, filename }: { errors: ImportRowError[]; errorCount: number; filename: string }) {
  const { t } = useTranslation('admin');
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(errors.length / PAGE));
  const fieldLabel = (field: string) => (field ? t(`import.fields.${field}`, { defaultValue: field }) : t('import.errors.wholeLine'));
  const download = () => {
    const blob = errorsCsv(errors, [t('import.errors.line'), t('import.errors.field'), t('import.errors.reason')], fieldLabel);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = t('import.errors.filename', { name: filename.replace(/\.[^.]+$/, '') });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  if (errors.length === 0) return null;
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4">
          {t('import.errors.title', { count: errorCount })}
        </Title>
        <Button variant="default" size="xs" onClick={download}>
          {t('import.errors.download')}
        </Button>
      </Group>
      {errorCount > errors.length ? (
        <Text size="sm" c="dimmed">
          {t('import.errors.truncated', { shown: errors.length, count: errorCount })}
        </Text>
      ) : null}
      <DataTable
        caption={t('import.errors.caption')}
        minWidth={560}
        head={
          <>
            <Table.Th scope="col">{t('import.errors.line')}</Table.Th>
            <Table.Th scope="col">{t('import.errors.field')}</Table.Th>
            <Table.Th scope="col">{t('import.errors.reason')}</Table.Th>
          </>
        }
      >
        {errors.slice((page - 1) * PAGE, page * PAGE).map((e) => (
          <Table.Tr key={`${e.line}-${e.field}-${e.code ?? e.reason}`}>
            <Table.Td>{e.line}</Table.Td>
            <Table.Td>{fieldLabel(e.field)}</Table.Td>
            <Table.Td>{e.reason}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {pages > 1 ? (
        <Pagination
          size="sm"
          total={pages}
          value={page}
          onChange={setPage}
          getItemProps={(p) => ({ 'aria-label': t('common.goToPage', { page: p }) })}
          getControlProps={(control) => ({ 'aria-label': t(`common.pageControl.${control}`) })}
        />
      ) : null}
    </>
  );
}
