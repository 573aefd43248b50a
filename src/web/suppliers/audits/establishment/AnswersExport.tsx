import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { spreadsheetApi } from '../portal/spreadsheet-logic.js';

/**
 * The audit's grid with the provider's answers as a spreadsheet, for the establishment. A participant
 * before the provider's agreement gets the grid without answers (the server decides).
 */
export function AnswersExport({ orgId, auditId }: { orgId: string; auditId: string }) {
  const { t } = useTranslation('suppliersAudits');
  return (
    <Group gap="sm" wrap="wrap" role="group" aria-label={t('spreadsheet.exportLabel')}>
      <Button component="a" size="xs" variant="default" href={spreadsheetApi.orgFile(orgId, auditId, 'xlsx')} download>
        {t('spreadsheet.exportXlsx')}
      </Button>
      <Button component="a" size="xs" variant="default" href={spreadsheetApi.orgFile(orgId, auditId, 'csv')} download>
        {t('spreadsheet.exportCsv')}
      </Button>
    </Group>
  );
}
