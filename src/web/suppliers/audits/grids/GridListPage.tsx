import { Anchor, Button, Group, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListFooter } from '../../../admin/components/ListFooter.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { SearchInput } from '../../../admin/components/SearchInput.js';
import { SortableTh, Th } from '../../../admin/components/SortableTh.js';
import { StatusBadge } from '../../../admin/components/StatusBadge.js';
import { useUrlState } from '../../../admin/components/useUrlState.js';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { useNotify } from '../../../shell/notifications.js';
import { useErrorText } from '../../../shell/use-report-error.js';
import { auditsApi, auditsKeys } from '../endpoints.js';
import { type Grid, type GridSummary, gridOrigins } from '../types.js';
import { ArchiveGridModal } from './ArchiveGridModal.js';
import { GridImportModal } from './GridImportModal.js';

const defaults = { q: '', origin: '', archived: 'false', sort: 'title', page: '1', pageSize: '25' };

/** The grids an organization can audit with: the catalogue (read-only, fork to adapt) and its own. */
export function GridListPage() {
  return <WithOrg>{(orgId) => <GridList orgId={orgId} />}</WithOrg>;
}

function GridList({ orgId }: { orgId: string }) {
  const { t } = useTranslation('suppliersAudits');
  const navigate = useNavigate();
  const notify = useNotify();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [state, set] = useUrlState(defaults);
  const [archiving, setArchiving] = useState<GridSummary | null>(null);
  const [importing, setImporting] = useState(false);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 25;
  const list = useQuery({
    queryKey: [...auditsKeys.grids(orgId), 'list', state],
    queryFn: () =>
      api<Page<GridSummary>>(
        `${auditsApi.grids(orgId)}${qs({ q: state.q, origin: state.origin, archived: state.archived, sort: state.sort, page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const fork = useMutation({
    mutationFn: (g: GridSummary) => api<Grid>(auditsApi.gridFork(orgId, g.id), { body: {} }),
    onSuccess: (copy) => {
      void queryClient.invalidateQueries({ queryKey: auditsKeys.grids(orgId) });
      notify({ tone: 'success', message: t('grids.forked', { title: copy.title }) });
      void navigate(`/suppliers/grids/${encodeURIComponent(copy.id)}/edit`);
    },
    onError: (e) => notify({ tone: 'error', message: errorText(e) }),
  });
  const named = (label: string, g: GridSummary) => (
    <>
      {label}
      <VisuallyHidden>{`, ${g.title}`}</VisuallyHidden>
    </>
  );
  const filtered = state.q !== '' || state.origin !== '' || state.archived !== 'false';
  return (
    <>
      <PageHeader
        title={t('grids.title')}
        description={t('grids.description')}
        actions={
          <Group gap="xs">
            <Button variant="default" onClick={() => setImporting(true)}>
              {t('grids.import')}
            </Button>
            <Button component={Link} to="/suppliers/grids/new">
              {t('grids.create')}
            </Button>
          </Group>
        }
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <SearchInput label={t('grids.search')} value={state.q} onSearch={(q) => set({ q })} />
        <Select
          label={t('fields.origin')}
          data={gridOrigins.map((o) => ({ value: o, label: t(`origin.${o}`) }))}
          value={state.origin || null}
          onChange={(v) => set({ origin: v ?? '' })}
          clearable
          placeholder={t('common.all')}
          w={180}
        />
        <Select
          label={t('grids.archivedFilter')}
          data={['false', 'true', 'all'].map((v) => ({ value: v, label: t(`grids.archived_${v}`) }))}
          value={state.archived}
          onChange={(v) => set({ archived: v ?? 'false' })}
          allowDeselect={false}
          w={180}
        />
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={filtered ? t('grids.emptyFiltered') : t('grids.empty')}
      >
        <DataTable
          caption={t('grids.title')}
          minWidth={900}
          head={
            <>
              <SortableTh label={t('fields.title')} column="title" sort={state.sort} onSort={(sort) => set({ sort })} />
              <Th>{t('fields.origin')}</Th>
              <SortableTh label={t('fields.questions')} column="questionCount" sort={state.sort} onSort={(sort) => set({ sort })} />
              <SortableTh label={t('fields.updatedAt')} column="updatedAt" sort={state.sort} onSort={(sort) => set({ sort })} />
              <Th>{t('common.actions')}</Th>
            </>
          }
        >
          {list.data?.items.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td miw={260}>
                <Anchor component={Link} to={`/suppliers/grids/${encodeURIComponent(g.id)}`} fw={600}>
                  {g.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('grids.version', { version: g.version })}
                  {g.archived ? ` · ${t('grids.archivedBadge')}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge>{t(`origin.${g.origin}`)}</StatusBadge>
              </Table.Td>
              <Table.Td>{t('grids.counts', { sections: g.sectionCount, questions: g.questionCount })}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{g.updatedAt.slice(0, 10)}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Button size="xs" variant="light" onClick={() => fork.mutate(g)} loading={fork.isPending && fork.variables?.id === g.id}>
                    {named(t('grids.fork'), g)}
                  </Button>
                  {!g.readOnly && !g.archived ? (
                    <Button size="xs" variant="default" component={Link} to={`/suppliers/grids/${encodeURIComponent(g.id)}/edit`}>
                      {named(t('grids.edit'), g)}
                    </Button>
                  ) : null}
                  {!g.readOnly && !g.archived ? (
                    <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => setArchiving(g)}>
                      {named(t('grids.archive'), g)}
                    </Button>
                  ) : null}
                </Group>
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
      <ArchiveGridModal orgId={orgId} grid={archiving} onClose={() => setArchiving(null)} />
      <GridImportModal orgId={orgId} opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
