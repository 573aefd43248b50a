import { Badge, Button, NativeSelect, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListFooter } from '../../../admin/components/ListFooter.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { useUrlState } from '../../../admin/components/useUrlState.js';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { useFormatDate, WithOwner } from '../common.js';
import { campaignApi, campaignKeys } from '../endpoints.js';
import { type PhishingReport, reportVerdicts } from '../types.js';
import { ReportDrawer } from './ReportDrawer.js';

const verdictColors: Record<string, string> = { pending: 'yellow', phishing: 'red', spam: 'gray', legitimate: 'green', simulation: 'blue' };

/** Real emails the staff reported as suspicious, to sort: phishing, spam or legitimate. */
export function TriagePage() {
  return <WithOwner kind="org">{(owner) => <Triage orgId={owner.id} />}</WithOwner>;
}

function Triage({ orgId }: { orgId: string }) {
  const { t } = useTranslation('phishingCampaigns');
  const date = useFormatDate();
  const [state, set] = useUrlState({ verdict: 'pending', page: '1', pageSize: '25' });
  const [open, setOpen] = useState<PhishingReport | null>(null);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 25;
  const list = useQuery({
    queryKey: [...campaignKeys.reports(orgId), state],
    queryFn: () =>
      api<Page<PhishingReport>>(
        `${campaignApi.reports(orgId)}${qs({ verdict: state.verdict === 'all' ? '' : state.verdict, page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={t('triage.title')} description={t('triage.description')} />
      <NativeSelect
        label={t('triage.filter')}
        value={state.verdict}
        onChange={(e) => set({ verdict: e.currentTarget.value })}
        data={[...reportVerdicts.map((v) => ({ value: v, label: t(`verdicts.${v}`) })), { value: 'all', label: t('triage.allVerdicts') }]}
        maw={280}
        mb="md"
      />
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={state.verdict === 'pending' ? t('triage.emptyPending') : t('triage.empty')}
      >
        <DataTable
          caption={t('triage.title')}
          minWidth={760}
          head={
            <>
              <Th>{t('triage.received')}</Th>
              <Th>{t('triage.subject')}</Th>
              <Th>{t('triage.from')}</Th>
              <Th>{t('triage.reporter')}</Th>
              <Th>{t('triage.verdict')}</Th>
              <Th>
                <VisuallyHidden>{t('triage.open')}</VisuallyHidden>
              </Th>
            </>
          }
        >
          {list.data?.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(r.receivedAt)}</Table.Td>
              <Table.Td miw={200}>
                <Text size="sm" lineClamp={2}>
                  {r.subject || '—'}
                </Text>
              </Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>{r.fromAddress}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>{r.reporterEmail ?? '—'}</Table.Td>
              <Table.Td>
                <Badge color={verdictColors[r.verdict] ?? 'gray'} variant="light">
                  {t(`verdicts.${r.verdict}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => setOpen(r)}>
                  {t('triage.open')}
                  <VisuallyHidden>{`, ${r.subject}`}</VisuallyHidden>
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <ListFooter
          page={page}
          pageSize={pageSize}
          total={list.data?.total ?? 0}
          onPage={(p) => set({ page: String(p) })}
          onPageSize={(n) => set({ pageSize: String(n) })}
        />
      </ListStatus>
      <ReportDrawer orgId={orgId} report={open} onClose={() => setOpen(null)} />
    </>
  );
}
