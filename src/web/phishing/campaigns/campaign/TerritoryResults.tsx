import { Center, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { api } from '../../../api.js';
import { NotAvailable } from '../common.js';
import { formatCount, formatRate, isLive } from '../display.js';
import { campaignApi, campaignKeys, isNotFound, type Owner } from '../endpoints.js';
import type { Campaign, TerritoryResults } from '../types.js';
import { ResultsFigures } from './ResultsFigures.js';
import { REFRESH_MS } from './ResultsPanel.js';
import { TimeToReport } from './TimeToReport.js';

/** The territory's view of its campaign: the members reached together, then each member (never one under the minimum size). */
export function TerritoryResultsPanel({ owner, campaign }: { owner: Owner; campaign: Campaign }) {
  const { t, i18n } = useTranslation('phishingCampaigns');
  const l = i18n.language;
  const results = useQuery({
    queryKey: campaignKeys.results(owner, campaign.id, 'organization'),
    queryFn: () => api<TerritoryResults>(campaignApi.results(owner, campaign.id)),
    refetchInterval: isLive(campaign.status) ? REFRESH_MS : false,
    enabled: campaign.status !== 'draft',
    retry: false,
  });
  if (campaign.status === 'draft') return <NotAvailable title={t('results.draftTitle')} description={t('results.draftText')} />;
  if (results.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (isNotFound(results.error)) return <NotAvailable />;
  if (results.error || !results.data) return <ErrorAlert error={results.error} />;
  const r = results.data;
  return (
    <Stack gap="xl">
      <Title order={2} size="h3">
        {t('results.title')}
      </Title>
      <ResultsFigures results={r} />
      <TimeToReport buckets={r.timeToReport.buckets} medianBucket={r.timeToReport.medianBucket} />
      <section aria-labelledby="members-heading">
        <Title id="members-heading" order={2} size="h4" mb="xs">
          {t('results.byOrganization')}
        </Title>
        {r.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('results.noGroups')}
          </Text>
        ) : (
          <DataTable
            caption={t('results.byOrganization')}
            head={
              <>
                <Th>{t('results.organization')}</Th>
                <Th>{t('results.counters.targets')}</Th>
                <Th>{t('results.counters.reported')}</Th>
                <Th>{t('results.counters.clicked')}</Th>
                <Th>{t('results.counters.submitted')}</Th>
              </>
            }
          >
            {r.members.map((m) => (
              <Table.Tr key={m.organizationId}>
                <Table.Th scope="row">{m.name}</Table.Th>
                {'suppressed' in m ? (
                  <Table.Td colSpan={4}>
                    <Text size="sm" fs="italic" data-testid="group-suppressed">
                      {t('results.suppressed', { min: r.minGroupSize })}
                    </Text>
                  </Table.Td>
                ) : (
                  <>
                    <Table.Td>{formatCount(m.counters.targets, l)}</Table.Td>
                    <Table.Td fw={600}>{formatRate(m.rates.reported, l)}</Table.Td>
                    <Table.Td>{formatRate(m.rates.clicked, l)}</Table.Td>
                    <Table.Td>{formatRate(m.rates.submitted, l)}</Table.Td>
                  </>
                )}
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </section>
    </Stack>
  );
}
