import { Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../admin/components/DataTable.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { ListSection } from '../../../learning/admin/components/list-section.js';
import type { ImportLine, ImportReport } from '../types.js';

/** The three lists of an import report: what is (or would be) created, skipped with the reason, and imported with a warning. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation('phishingLibrary');
  const done = { isPending: false, error: null };
  return (
    <Stack gap="lg">
      <ListSection
        id="import-created"
        title={t(report.dryRun ? 'import.wouldCreate' : 'import.created')}
        list={{ ...done, data: report.created }}
        emptyTitle={t('import.noneCreated')}
      >
        <DataTable
          caption={t(report.dryRun ? 'import.wouldCreate' : 'import.created')}
          minWidth={420}
          head={
            <>
              <Th>{t('import.name')}</Th>
              <Th>{t('import.itemKind')}</Th>
            </>
          }
        >
          {report.created.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a dry run's ids are not kept, names may repeat
            <Table.Tr key={i}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{t(`importItemKinds.${c.kind}`, { defaultValue: c.kind })}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListSection>
      <Lines id="import-skipped" title={t('import.skipped')} empty={t('import.noneSkipped')} lines={report.skipped} />
      <Lines id="import-warnings" title={t('import.warnings')} empty={t('import.noWarnings')} lines={report.warnings} />
    </Stack>
  );
}

function Lines({ id, title, empty, lines }: { id: string; title: string; empty: string; lines: ImportLine[] }) {
  const { t } = useTranslation('phishingLibrary');
  return (
    <ListSection id={id} title={title} list={{ isPending: false, error: null, data: lines }} emptyTitle={empty}>
      <DataTable
        caption={title}
        minWidth={560}
        head={
          <>
            <Th>{t('import.name')}</Th>
            <Th>{t('import.field')}</Th>
            <Th>{t('import.reason')}</Th>
          </>
        }
      >
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id and may repeat
          <Table.Tr key={i}>
            <Table.Td>{l.name}</Table.Td>
            <Table.Td>
              <code>{l.field}</code>
            </Table.Td>
            <Table.Td>{l.reason}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </ListSection>
  );
}
