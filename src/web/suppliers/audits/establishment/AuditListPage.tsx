import { Anchor, Button, Group, Select, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListFooter } from '../../../admin/components/ListFooter.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { SearchInput } from '../../../admin/components/SearchInput.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { StatusBadge } from '../../../admin/components/StatusBadge.js';
import { useUrlState } from '../../../admin/components/useUrlState.js';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { AuditStatusBadge } from '../components/AuditStatusBadge.js';
import { auditsApi, auditsKeys } from '../endpoints.js';
import { type AuditSummary, auditStatuses } from '../types.js';
import { AuditCreateModal } from './AuditCreateModal.js';
import { SupplierSelect } from './SupplierSelect.js';

const defaults = { q: '', status: '', supplierId: '', page: '1', pageSize: '25' };

/** The audits an organization runs or takes part in, by due date. */
export function AuditListPage() {
  return <WithOrg>{(orgId) => <AuditList orgId={orgId} />}</WithOrg>;
}

function AuditList({ orgId }: { orgId: string }) {
  const { t } = useTranslation('suppliersAudits');
  const [state, set] = useUrlState(defaults);
  const [creating, setCreating] = useState(false);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 25;
  const list = useQuery({
    queryKey: [...auditsKeys.audits(orgId), 'list', state],
    queryFn: () =>
      api<Page<AuditSummary>>(
        `${auditsApi.audits(orgId)}${qs({ q: state.q, status: state.status, supplierId: state.supplierId, page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const filtered = state.q !== '' || state.status !== '' || state.supplierId !== '';
  return (
    <>
      <PageHeader
        title={t('audits.title')}
        description={t('audits.description')}
        actions={<Button onClick={() => setCreating(true)}>{t('audits.create')}</Button>}
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <SearchInput label={t('audits.search')} value={state.q} onSearch={(q) => set({ q })} />
        <Select
          label={t('fields.status')}
          data={auditStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={state.status || null}
          onChange={(v) => set({ status: v ?? '' })}
          clearable
          placeholder={t('common.all')}
          w={200}
        />
        <SupplierSelect
          orgId={orgId}
          label={t('fields.provider')}
          value={state.supplierId || null}
          onChange={(v) => set({ supplierId: v ?? '' })}
        />
        {filtered ? (
          <Button variant="subtle" onClick={() => set({ q: '', status: '', supplierId: '' })}>
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={filtered ? t('audits.emptyFiltered') : t('audits.empty')}
        emptyDescription={filtered ? undefined : t('audits.emptyDescription')}
      >
        <DataTable
          caption={t('audits.title')}
          minWidth={860}
          head={
            <>
              <Th>{t('fields.title')}</Th>
              <Th>{t('fields.provider')}</Th>
              <Th>{t('fields.status')}</Th>
              <Th>{t('fields.dueOn')}</Th>
              <Th>{t('fields.kind')}</Th>
            </>
          }
        >
          {list.data?.items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td miw={260}>
                <Anchor component={Link} to={`/suppliers/audits/${encodeURIComponent(a.id)}`} fw={600}>
                  {a.title}
                </Anchor>
                {a.shared ? (
                  <Text size="xs" c="dimmed">
                    {t(a.role === 'lead' ? 'audits.sharedLead' : 'audits.sharedParticipant')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{a.supplierName}</Table.Td>
              <Table.Td>
                <AuditStatusBadge status={a.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.dueOn}</Table.Td>
              <Table.Td>
                <StatusBadge>{t(`kind.${a.kind}`, { defaultValue: a.kind })}</StatusBadge>
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
      <AuditCreateModal orgId={orgId} opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
