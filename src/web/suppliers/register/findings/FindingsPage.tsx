import { Anchor, Badge, Group, NativeSelect, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListFooter } from '../../../admin/components/ListFooter.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { useUrlState } from '../../../admin/components/useUrlState.js';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { registerApi, registerKeys } from '../endpoints.js';
import { type Finding, findingStatuses, severities } from '../review/types.js';

const defaults = { status: 'unclosed', severity: '', page: '1', pageSize: '25' };

/** Every finding of the organization's provider audits (and of shared audits it takes part in), by due date. */
export function FindingsPage() {
  return <WithOrg>{(orgId) => <Findings orgId={orgId} />}</WithOrg>;
}

function Findings({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('suppliersRegister');
  const [state, set] = useUrlState(defaults);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 25;
  const list = useQuery({
    queryKey: [...registerKeys.findings(orgId), state],
    queryFn: () =>
      api<Page<Finding>>(
        `${registerApi.findings(orgId)}${qs({ status: state.status === 'all' ? '' : state.status, severity: state.severity, page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const date = (d: string | null) => (d ? new Date(`${d}T00:00:00`).toLocaleDateString(i18n.language) : '—');
  return (
    <>
      <PageHeader title={t('findingsList.title')} description={t('findingsList.description')} />
      <Group align="flex-end" gap="sm" mb="md">
        <NativeSelect
          label={t('findingsList.status')}
          value={state.status}
          onChange={(e) => set({ status: e.currentTarget.value })}
          data={[
            { value: 'unclosed', label: t('findingsList.unclosed') },
            { value: 'all', label: t('common.all') },
            ...findingStatuses.map((s) => ({ value: s, label: t(`findingStatuses.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('findings.severity')}
          value={state.severity}
          onChange={(e) => set({ severity: e.currentTarget.value })}
          data={[{ value: '', label: t('common.all') }, ...severities.map((s) => ({ value: s, label: t(`severities.${s}`) }))]}
        />
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={t('findingsList.empty')}
        emptyDescription={t('findingsList.emptyHint')}
      >
        <DataTable
          caption={t('findingsList.title')}
          minWidth={820}
          head={
            <>
              <Th>{t('findings.titleField')}</Th>
              <Th>{t('findingsList.provider')}</Th>
              <Th>{t('findings.severity')}</Th>
              <Th>{t('findingsList.status')}</Th>
              <Th>{t('findings.dueOn')}</Th>
            </>
          }
        >
          {list.data?.items.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td miw={240}>
                <Anchor component={Link} to={`/suppliers/audits/${encodeURIComponent(f.auditId)}/review`} fw={600}>
                  {f.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {f.auditTitle}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/suppliers/${encodeURIComponent(f.supplierId)}`}>
                  {f.supplierName}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`severities.${f.severity}`)}</Table.Td>
              <Table.Td>{t(`findingStatuses.${f.status}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {date(f.dueOn)}
                {f.overdue ? (
                  <Badge ml="xs" size="xs" color="red" variant="light" c="var(--mantine-color-text)">
                    {t('findings.overdue')}
                  </Badge>
                ) : null}
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
    </>
  );
}
