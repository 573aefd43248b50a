import { Badge, Group, NativeSelect, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListFooter } from '../../../admin/components/ListFooter.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { SearchInput } from '../../../admin/components/SearchInput.js';
import { SortableTh } from '../../../admin/components/SortableTh.js';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { NotAvailable, useFormatDate } from '../common.js';
import { campaignApi, isNotFound } from '../endpoints.js';
import { type Recipient, recipientOutcomes } from '../types.js';

/** Per-person results for organization admins (phishing.individual); never shown for anonymous campaigns. */
export function RecipientsList({ orgId, campaignId }: { orgId: string; campaignId: string }) {
  const { t } = useTranslation('phishingCampaigns');
  const date = useFormatDate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [filter, setFilter] = useState({ q: '', outcome: '', sort: 'name' });
  const change = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const list = useQuery({
    queryKey: ['phishingCampaigns', 'org', orgId, 'one', campaignId, 'recipients', page, pageSize, filter],
    queryFn: () => api<Page<Recipient>>(`${campaignApi.recipients(orgId, campaignId)}${qs({ ...filter, page, pageSize })}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const name = (r: Recipient) => [r.firstName, r.lastName].filter(Boolean).join(' ') || r.email || '—';
  const sortTh = (label: string, column: string) => (
    <SortableTh label={label} column={column} sort={filter.sort} onSort={(sort) => change({ sort })} />
  );
  return (
    <section aria-labelledby="recipients-heading">
      <Title id="recipients-heading" order={2} size="h3" mb={4}>
        {t('recipients.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('recipients.description')}
      </Text>
      <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
        <SearchInput label={t('recipients.search')} value={filter.q} onSearch={(q) => change({ q })} />
        <NativeSelect
          label={t('recipients.outcome')}
          value={filter.outcome}
          onChange={(e) => change({ outcome: e.currentTarget.value })}
          data={[
            { value: '', label: t('recipients.allOutcomes') },
            ...recipientOutcomes.map((o) => ({ value: o, label: t(`recipients.outcomes.${o}`) })),
          ]}
        />
      </Group>
      {isNotFound(list.error) ? (
        <NotAvailable description={t('recipients.unavailable')} />
      ) : (
        <ListStatus
          isPending={list.isPending}
          error={list.error}
          isEmpty={(list.data?.total ?? 0) === 0}
          emptyTitle={t('recipients.empty')}
        >
          <DataTable
            caption={t('recipients.title')}
            minWidth={900}
            head={
              <>
                {sortTh(t('recipients.person'), 'name')}
                {sortTh(t('recipients.service'), 'service')}
                {sortTh(t('recipients.sent'), 'sentAt')}
                {sortTh(t('recipients.opened'), 'openedAt')}
                {sortTh(t('recipients.clicked'), 'clickedAt')}
                {sortTh(t('recipients.submitted'), 'submittedAt')}
                {sortTh(t('recipients.reported'), 'reportedAt')}
              </>
            }
          >
            {list.data?.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" fw={600}>
                  {name(r)}
                  {r.scannerFlagged ? (
                    <Badge ml={6} size="xs" variant="outline" color="gray">
                      {t('recipients.scanner')}
                    </Badge>
                  ) : null}
                </Table.Th>
                <Table.Td>{r.service ?? '—'}</Table.Td>
                <Table.Td>{date(r.sentAt)}</Table.Td>
                <Table.Td>{date(r.openedAt)}</Table.Td>
                <Table.Td>{date(r.clickedAt)}</Table.Td>
                <Table.Td>{date(r.submittedAt)}</Table.Td>
                <Table.Td>{date(r.reportedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <ListFooter
            page={page}
            pageSize={pageSize}
            total={list.data?.total ?? 0}
            onPage={setPage}
            onPageSize={(n) => {
              setPageSize(n);
              setPage(1);
            }}
          />
        </ListStatus>
      )}
    </section>
  );
}
