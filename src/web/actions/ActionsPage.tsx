import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, SegmentedControl, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../admin/components/DataTable.js';
import { ListFooter } from '../admin/components/ListFooter.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { SearchInput } from '../admin/components/SearchInput.js';
import { SortableTh, Th } from '../admin/components/SortableTh.js';
import { useUrlState } from '../admin/components/useUrlState.js';
import { api, type Page } from '../api.js';
import { WithOrg } from '../learning/admin/components/scoped.js';
import { ActionsBoard } from './ActionsBoard.js';
import { useCanManageActions } from './can-manage.js';
import { actionsApi, actionsKeys, listQuery } from './endpoints.js';
import { ProgressFigures } from './ProgressFigures.js';
import { type Action, actionStatuses, priorities, sourceKinds } from './types.js';

const defaults = { view: 'list', status: 'open', priority: '', source: '', overdue: '', q: '', sort: 'due_on', page: '1', pageSize: '25' };

/** The organization's single action plan: figures, filters, then a list or a board by status. */
export function ActionsPage() {
  return <WithOrg>{(orgId) => <Actions orgId={orgId} />}</WithOrg>;
}

function Actions({ orgId }: { orgId: string }) {
  const { t } = useTranslation('actions');
  const canManage = useCanManageActions(orgId);
  const [state, set] = useUrlState(defaults);
  const filters = { ...state, status: state.status === 'all' ? '' : state.status };
  const exportHref = `${actionsApi.exportCsv(orgId)}${listQuery(filters)}`;
  return (
    <>
      <PageHeader
        title={t('page.title')}
        description={t('page.description')}
        actions={
          <>
            <Button component="a" href={exportHref} variant="default" download>
              {t('page.export')}
            </Button>
            {canManage ? (
              <Button component={Link} to="/actions/new">
                {t('page.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <ProgressFigures orgId={orgId} />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SegmentedControl
          aria-label={t('page.view')}
          value={state.view}
          onChange={(view) => set({ view })}
          data={[
            { value: 'list', label: t('page.list') },
            { value: 'board', label: t('page.board') },
          ]}
        />
        <SearchInput label={t('filters.search')} value={state.q} onSearch={(q) => set({ q })} />
        {state.view === 'list' ? (
          <NativeSelect
            label={t('columns.status')}
            value={state.status}
            onChange={(e) => set({ status: e.currentTarget.value })}
            data={[
              { value: 'open', label: t('filters.open') },
              { value: 'all', label: t('filters.all') },
              ...actionStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
            ]}
          />
        ) : null}
        <NativeSelect
          label={t('columns.priority')}
          value={state.priority}
          onChange={(e) => set({ priority: e.currentTarget.value })}
          data={[{ value: '', label: t('filters.all') }, ...priorities.map((p) => ({ value: p, label: t(`priorities.${p}`) }))]}
        />
        <NativeSelect
          label={t('columns.source')}
          value={state.source}
          onChange={(e) => set({ source: e.currentTarget.value })}
          data={[{ value: '', label: t('filters.all') }, ...sourceKinds.map((s) => ({ value: s, label: t(`sources.${s}`) }))]}
        />
        <Checkbox
          label={t('filters.overdueOnly')}
          checked={state.overdue === 'true'}
          onChange={(e) => set({ overdue: e.currentTarget.checked ? 'true' : '' })}
          mb={8}
        />
      </Group>
      {state.view === 'board' ? <ActionsBoard orgId={orgId} state={filters} /> : <ActionsList orgId={orgId} state={filters} set={set} />}
    </>
  );
}

function ActionsList({ orgId, state, set }: { orgId: string; state: Record<string, string>; set: (p: Record<string, string>) => void }) {
  const { t, i18n } = useTranslation('actions');
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 25;
  const list = useQuery({
    queryKey: [...actionsKeys.all(orgId), 'list', state],
    queryFn: () => api<Page<Action>>(`${actionsApi.list(orgId)}${listQuery(state, { page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(state.q || state.priority || state.source || state.overdue || (state.status && state.status !== 'open'));
  const date = (d: string | null) => (d ? new Date(`${d}T00:00:00`).toLocaleDateString(i18n.language) : '—');
  const sortable = (column: string, label: string) => (
    <SortableTh label={label} column={column} sort={state.sort ?? 'due_on'} onSort={(sort) => set({ sort })} />
  );
  return (
    <ListStatus
      isPending={list.isPending}
      error={list.error}
      isEmpty={(list.data?.total ?? 0) === 0}
      emptyTitle={filtered ? t('empty.filteredTitle') : t('empty.title')}
      emptyDescription={filtered ? t('empty.filteredHint') : t('empty.hint')}
      emptyAction={
        <Button component={Link} to="/actions/new">
          {t('page.new')}
        </Button>
      }
    >
      <DataTable
        caption={t('page.title')}
        minWidth={860}
        head={
          <>
            {sortable('title', t('columns.title'))}
            {sortable('status', t('columns.status'))}
            {sortable('priority', t('columns.priority'))}
            {sortable('due_on', t('columns.dueOn'))}
            <Th>{t('columns.owner')}</Th>
            <Th>{t('columns.source')}</Th>
          </>
        }
      >
        {list.data?.items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td miw={240}>
              <Anchor component={Link} to={`/actions/${encodeURIComponent(a.id)}`} fw={600}>
                {a.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`statuses.${a.status}`)}</Table.Td>
            <Table.Td>{t(`priorities.${a.priority}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {date(a.dueOn)}
              {a.overdue ? (
                <Badge ml="xs" size="xs" color="red" variant="light" c="var(--mantine-color-text)">
                  {t('list.overdue')}
                </Badge>
              ) : null}
            </Table.Td>
            <Table.Td>{a.ownerLabel || '—'}</Table.Td>
            <Table.Td>
              <Text size="sm">{t(`sources.${a.sourceKind}`)}</Text>
              {a.sourceLabel ? (
                <Text size="xs" c="dimmed">
                  {a.sourceLabel}
                </Text>
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
  );
}
