import { Center, EmptyState, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { ListFooter } from '../../../admin/components/ListFooter.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { NotAvailable, useFormatDate, useViewer, WithOwner } from '../common.js';
import { campaignApi, isNotFound } from '../endpoints.js';
import type { RepeatClicker } from '../types.js';
import { RateChart } from './RateChart.js';
import { trendRows } from './trend-rows.js';

/** How the organization's staff do campaign after campaign; repeat clickers for organization admins. */
export function TrendsPage() {
  return <WithOwner kind="org">{(owner) => <Trends orgId={owner.id} />}</WithOwner>;
}

function Trends({ orgId }: { orgId: string }) {
  const { t } = useTranslation('phishingCampaigns');
  const viewer = useViewer();
  const trends = useQuery({
    queryKey: ['phishingCampaigns', 'org', orgId, 'trends'],
    queryFn: () => api<unknown>(campaignApi.trends(orgId)),
    retry: false,
  });
  const rows = trendRows(trends.data);
  const services = (trends.data as { services?: string[] | null } | undefined)?.services ?? null;
  return (
    <Stack gap="xl">
      <PageHeader title={t('trends.title')} description={t('trends.description')} />
      <section aria-labelledby="trends-heading">
        <Title id="trends-heading" order={2} size="h3" mb="sm">
          {t('trends.chartTitle')}
        </Title>
        {services ? (
          <Text size="sm" c="dimmed" mb="sm">
            {t('trends.servicesNote', { services: services.join(', ') })}
          </Text>
        ) : null}
        {trends.isPending ? (
          <Center py="xl" role="status">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : isNotFound(trends.error) ? (
          <NotAvailable />
        ) : trends.error ? (
          <ErrorAlert error={trends.error} />
        ) : rows.length === 0 ? (
          <EmptyState py="lg" title={t('trends.empty')} />
        ) : (
          <RateChart rows={rows} />
        )}
      </section>
      {viewer.individual ? <RepeatClickers orgId={orgId} /> : null}
    </Stack>
  );
}

function RepeatClickers({ orgId }: { orgId: string }) {
  const { t } = useTranslation('phishingCampaigns');
  const date = useFormatDate();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['phishingCampaigns', 'org', orgId, 'repeat-clickers', page],
    queryFn: () => api<Page<RepeatClicker>>(`${campaignApi.repeatClickers(orgId)}${qs({ page, pageSize: 25 })}`),
    retry: false,
  });
  const name = (r: RepeatClicker) => `${r.firstName} ${r.lastName}`.trim() || r.email || '—';
  return (
    <section aria-labelledby="repeat-heading">
      <Title id="repeat-heading" order={2} size="h3" mb={4}>
        {t('trends.repeatTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('trends.repeatDescription')}
      </Text>
      {isNotFound(list.error) ? (
        <NotAvailable />
      ) : (
        <ListStatus
          isPending={list.isPending}
          error={list.error}
          isEmpty={(list.data?.items.length ?? 0) === 0}
          emptyTitle={t('trends.repeatEmpty')}
        >
          <DataTable
            caption={t('trends.repeatTitle')}
            minWidth={640}
            head={
              <>
                <Th>{t('recipients.person')}</Th>
                <Th>{t('recipients.service')}</Th>
                <Th>{t('trends.repeatCampaigns')}</Th>
                <Th>{t('trends.lastClick')}</Th>
              </>
            }
          >
            {list.data?.items.map((r) => (
              <Table.Tr key={r.personId}>
                <Table.Th scope="row">{name(r)}</Table.Th>
                <Table.Td>{r.service ?? '—'}</Table.Td>
                <Table.Td>{t('trends.repeatCount', { campaigns: r.campaigns, received: r.received })}</Table.Td>
                <Table.Td>{date(r.lastClickedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <ListFooter page={page} pageSize={25} total={list.data?.total ?? 0} onPage={setPage} />
        </ListStatus>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('trends.repeatNote')}
      </Text>
    </section>
  );
}
