import { Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../admin/components/DataTable.js';
import { formatDateTime } from '../../../admin/components/format.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { formatCount, formatPercent } from '../metrics-display.js';
import type { FlashAlert } from '../types.js';

/** Published alerts with their reach: recipients, emails sent, and who said they read it. */
export function FlashAlertList({ alerts, memberName }: { alerts: FlashAlert[]; memberName?: (orgId: string) => string }) {
  const { t, i18n } = useTranslation('learningAdmin');
  const { t: ta } = useTranslation('admin');
  const locale = i18n.language;
  return (
    <DataTable
      caption={t('alerts.listTitle')}
      minWidth={900}
      head={
        <>
          <Th>{t('fields.title')}</Th>
          <Th>{t('alerts.publishedAt')}</Th>
          <Th>{t('alerts.targets')}</Th>
          <Th>{t('alerts.recipients')}</Th>
          <Th>{t('alerts.emailed')}</Th>
          <Th>{t('alerts.acknowledged')}</Th>
        </>
      }
    >
      {alerts.map((a) => {
        const rate = a.recipients > 0 ? (a.acknowledged / a.recipients) * 100 : 0;
        const targets = [
          a.roleFamilies.length ? a.roleFamilies.map((f) => ta(`roleFamilies.${f}`)).join(', ') : t('common.everyone'),
          memberName && a.organizationIds.length ? a.organizationIds.map(memberName).join(', ') : null,
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <Table.Tr key={a.id} data-testid="flash-alert-row">
            <Table.Td fw={600}>{a.title}</Table.Td>
            <Table.Td>{formatDateTime(a.publishedAt, locale)}</Table.Td>
            <Table.Td>{targets}</Table.Td>
            <Table.Td>{formatCount(a.recipients, locale)}</Table.Td>
            <Table.Td>
              {formatCount(a.emailed, locale)} / {formatCount(a.recipients, locale)}
            </Table.Td>
            <Table.Td miw={180}>
              <Stack gap={4}>
                <Text size="sm" data-testid="flash-alert-acknowledged">
                  {t('alerts.ackCount', {
                    count: a.acknowledged,
                    formatted: formatCount(a.acknowledged, locale),
                    percent: formatPercent(rate, locale),
                  })}
                </Text>
                <Progress
                  value={rate}
                  color="teal.8"
                  aria-label={t('alerts.ackProgress', { title: a.title, percent: formatPercent(rate, locale) })}
                />
              </Stack>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
