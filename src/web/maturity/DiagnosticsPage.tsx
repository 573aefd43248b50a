import { Anchor, Button, Group, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../admin/components/DataTable.js';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { FilterSelect } from '../admin/components/FilterSelect.js';
import { ListFooter } from '../admin/components/ListFooter.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { SortableTh, Th } from '../admin/components/SortableTh.js';
import { StatusBadge } from '../admin/components/StatusBadge.js';
import { useUrlState } from '../admin/components/useUrlState.js';
import { api, type Page } from '../api.js';
import { WithOrg } from '../learning/admin/components/scoped.js';
import { useCanManageMaturity } from './can-manage.js';
import { type DiagnosticsListState, defaultDiagnosticsSort, diagnosticsQuery, isFiltered, maturityApi, maturityKeys } from './endpoints.js';
import { type Diagnostic, type DiagnosticSummary, diagnosticStatuses, type Variant, variants } from './types.js';

const defaults: DiagnosticsListState = { status: '', variant: '', sort: defaultDiagnosticsSort, page: '1', pageSize: '25' };

/** The organization's diagnostics, filtered and sorted (newest first by default), and the start of a new one. */
export function DiagnosticsPage() {
  return <WithOrg>{(orgId) => <Diagnostics orgId={orgId} />}</WithOrg>;
}

function Diagnostics({ orgId }: { orgId: string }) {
  const { t } = useTranslation('maturity');
  const canManage = useCanManageMaturity(orgId);
  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description')} />
      <Stack gap="lg">
        {canManage ? <NewDiagnostic orgId={orgId} /> : null}
        <section aria-labelledby="maturity-history">
          <Title order={2} size="h3" id="maturity-history" mb="sm">
            {t('list.history')}
          </Title>
          <DiagnosticsList orgId={orgId} canManage={canManage} />
        </section>
      </Stack>
    </>
  );
}

function DiagnosticsList({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const { t, i18n } = useTranslation('maturity');
  const [state, set] = useUrlState(defaults);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 25;
  const query = diagnosticsQuery(state);
  const list = useQuery({
    queryKey: [...maturityKeys.all(orgId), 'list', query],
    queryFn: () => api<Page<DiagnosticSummary>>(`${maturityApi.diagnostics(orgId)}${query}`),
    placeholderData: keepPreviousData,
  });
  const filtered = isFiltered(state);
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' }) : '—');
  const sortable = (column: string, label: string) => (
    <SortableTh label={label} column={column} sort={state.sort} onSort={(sort) => set({ sort })} />
  );
  return (
    <>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <FilterSelect
          label={t('columns.status')}
          value={state.status}
          onChange={(status) => set({ status })}
          options={diagnosticStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          allLabel={t('filters.allStatuses')}
        />
        <FilterSelect
          label={t('columns.variant')}
          value={state.variant}
          onChange={(variant) => set({ variant })}
          options={variants.map((v) => ({ value: v, label: t(`variants.${v}.name`) }))}
          allLabel={t('filters.allVariants')}
        />
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={filtered ? t('list.filteredEmptyTitle') : t('list.emptyTitle')}
        emptyDescription={filtered ? t('list.filteredEmptyHint') : canManage ? t('list.emptyHint') : t('list.emptyReader')}
        emptyAction={
          filtered ? (
            <Button variant="default" onClick={() => set({ status: '', variant: '' })}>
              {t('filters.clear')}
            </Button>
          ) : undefined
        }
      >
        <DataTable
          caption={t('list.history')}
          minWidth={680}
          head={
            <>
              {sortable('createdAt', t('columns.startedOn'))}
              <Th>{t('columns.variant')}</Th>
              <Th>{t('columns.status')}</Th>
              {sortable('completedAt', t('columns.completedOn'))}
              {sortable('overall', t('columns.overall'))}
            </>
          }
        >
          {list.data?.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component={Link} to={`/maturity/diagnostics/${encodeURIComponent(d.id)}`} fw={600}>
                  {day(d.createdAt)}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`variants.${d.variant}.name`)}</Table.Td>
              <Table.Td>
                <StatusBadge color={d.status === 'completed' ? 'green' : 'gray'}>{t(`statuses.${d.status}`)}</StatusBadge>
              </Table.Td>
              <Table.Td>{day(d.completedAt)}</Table.Td>
              <Table.Td>{d.overall === null ? '—' : t('results.outOf100', { score: d.overall })}</Table.Td>
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

function NewDiagnostic({ orgId }: { orgId: string }) {
  const { t } = useTranslation('maturity');
  const navigate = useNavigate();
  const client = useQueryClient();
  const [variant, setVariant] = useState<Variant>('short');
  const start = useMutation({
    mutationFn: () => api<Diagnostic>(maturityApi.diagnostics(orgId), { body: { variant } }),
    onSuccess: (d) => {
      client.setQueryData(maturityKeys.one(orgId, d.id), d);
      void client.invalidateQueries({ queryKey: maturityKeys.all(orgId) });
      void navigate(`/maturity/diagnostics/${encodeURIComponent(d.id)}`);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="maturity-new">
      <Title order={2} size="h3" id="maturity-new" mb="sm">
        {t('new.title')}
      </Title>
      <Radio.Group value={variant} onChange={(v) => setVariant(v as Variant)} label={t('new.choice')}>
        <Stack gap="sm" mt="xs">
          {variants.map((v) => (
            <Radio key={v} value={v} label={t(`variants.${v}.name`)} description={t(`variants.${v}.explained`)} />
          ))}
        </Stack>
      </Radio.Group>
      <ErrorAlert error={start.error} />
      <Button mt="md" onClick={() => start.mutate()} loading={start.isPending}>
        {t('new.start')}
      </Button>
      <Text size="xs" c="dimmed" mt="xs">
        {t('new.savedAsYouGo')}
      </Text>
    </Paper>
  );
}
