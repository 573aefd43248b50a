import { Anchor, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListFooter } from '../../../admin/components/ListFooter.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { SortableTh, Th } from '../../../admin/components/SortableTh.js';
import { useUrlState } from '../../../admin/components/useUrlState.js';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { useErrorText } from '../../../shell/use-report-error.js';
import { WithOrg } from '../components/scoped.js';
import { adminApi, adminKeys } from '../endpoints.js';
import type { ModuleDetail, ModuleSummary } from '../types.js';
import { CatalogueFilters } from './catalogue-filters.js';
import { LanguageBadges, OriginBadge, StatusBadgeOf } from './module-badges.js';

const defaults = { q: '', audience: '', roleFamily: '', origin: '', status: '', sort: 'title', page: '1', pageSize: '25' };

/** The modules an organization can assign: the shared catalogue and its own (custom or forked). */
export function CataloguePage() {
  return <WithOrg>{(orgId) => <Catalogue orgId={orgId} />}</WithOrg>;
}

function Catalogue({ orgId }: { orgId: string }) {
  const { t } = useTranslation('learningAdmin');
  const navigate = useNavigate();
  const notify = useNotify();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [state, set] = useUrlState(defaults);
  const [archiving, setArchiving] = useState<ModuleSummary | null>(null);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 25;
  const list = useQuery({
    queryKey: [...adminKeys.modules(orgId), 'list', state],
    queryFn: () =>
      api<Page<ModuleSummary>>(
        `${adminApi.modules(orgId)}${qs({ q: state.q, audience: state.audience, roleFamily: state.roleFamily, origin: state.origin, status: state.status, sort: state.sort, page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const fork = useMutation({
    mutationFn: (m: ModuleSummary) => api<ModuleDetail>(adminApi.fork(orgId, m.id), { method: 'POST' }),
    onSuccess: (copy) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.modules(orgId) });
      notify({ tone: 'success', message: t('catalogue.forked', { title: copy.title }) });
      void navigate(`/learning/admin/modules/${encodeURIComponent(copy.id)}/edit`);
    },
    onError: (e) => notify({ tone: 'error', title: t('common.errorTitle'), message: errorText(e) }),
  });
  const archive = useMutation({
    mutationFn: (m: ModuleSummary) =>
      api<ModuleDetail>(m.status === 'archived' ? adminApi.restore(orgId, m.id) : adminApi.archive(orgId, m.id), { method: 'POST' }),
    onSuccess: (m) => {
      setArchiving(null);
      void queryClient.invalidateQueries({ queryKey: adminKeys.modules(orgId) });
      notify({ tone: 'success', message: t(m.status === 'archived' ? 'catalogue.archived' : 'catalogue.restored', { title: m.title }) });
    },
  });
  const onSort = (sort: string) => set({ sort });
  const filters = { q: state.q, audience: state.audience, roleFamily: state.roleFamily, origin: state.origin, status: state.status };

  return (
    <>
      <PageHeader
        title={t('catalogue.title')}
        description={t('catalogue.description')}
        actions={
          <Button component={Link} to="/learning/admin/modules/new">
            {t('catalogue.create')}
          </Button>
        }
      />
      <CatalogueFilters
        value={filters}
        onChange={set}
        onClear={() => set({ q: '', audience: '', roleFamily: '', origin: '', status: '' })}
      />
      <ListStatus isPending={list.isPending} error={list.error} isEmpty={(list.data?.total ?? 0) === 0} emptyTitle={t('catalogue.empty')}>
        <DataTable
          caption={t('catalogue.title')}
          minWidth={1180}
          head={
            <>
              <SortableTh label={t('fields.title')} column="title" sort={state.sort} onSort={onSort} />
              <Th>{t('fields.origin')}</Th>
              <Th>{t('fields.languages')}</Th>
              <Th>{t('fields.version')}</Th>
              <SortableTh label={t('fields.level')} column="level" sort={state.sort} onSort={onSort} />
              <Th>{t('fields.audience')}</Th>
              <Th>{t('fields.status')}</Th>
              <SortableTh label={t('fields.updatedAt')} column="updatedAt" sort={state.sort} onSort={onSort} />
              <Th>{t('common.actions')}</Th>
            </>
          }
        >
          {list.data?.items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td miw={280}>
                <Anchor component={Link} to={`/learning/admin/modules/${encodeURIComponent(m.id)}`} fw={600}>
                  {m.title}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {m.summary}
                </Text>
              </Table.Td>
              <Table.Td>
                <OriginBadge origin={m.origin} />
              </Table.Td>
              <Table.Td>
                <LanguageBadges languages={m.languages} />
              </Table.Td>
              <Table.Td>{t('catalogue.version', { version: m.version })}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('catalogue.level', { level: m.level })}</Table.Td>
              <Table.Td>{t(`audiences.${m.audience}`)}</Table.Td>
              <Table.Td>
                <StatusBadgeOf status={m.status} />
              </Table.Td>
              <Table.Td>{m.lastReviewed ?? '—'}</Table.Td>
              <Table.Td>
                <ModuleActions
                  module={m}
                  forking={fork.isPending && fork.variables?.id === m.id}
                  onFork={() => fork.mutate(m)}
                  onArchive={() => {
                    archive.reset();
                    setArchiving(m);
                  }}
                />
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
      <ConfirmModal
        opened={archiving !== null}
        title={archiving?.status === 'archived' ? t('catalogue.restoreTitle') : t('catalogue.archiveTitle')}
        confirmLabel={archiving?.status === 'archived' ? t('catalogue.restore') : t('catalogue.archive')}
        color={archiving?.status === 'archived' ? undefined : 'red.9'}
        onConfirm={() => archiving && archive.mutate(archiving)}
        onClose={() => setArchiving(null)}
        loading={archive.isPending}
        error={archive.error}
      >
        {archiving?.status === 'archived'
          ? t('catalogue.restoreText', { title: archiving?.title ?? '' })
          : t('catalogue.archiveText', { title: archiving?.title ?? '' })}
      </ConfirmModal>
    </>
  );
}

/** View, fork (catalogue), edit and archive/restore (own modules); each button names its module for screen readers. */
function ModuleActions({
  module: m,
  forking,
  onFork,
  onArchive,
}: {
  module: ModuleSummary;
  forking: boolean;
  onFork: () => void;
  onArchive: () => void;
}) {
  const { t } = useTranslation('learningAdmin');
  const named = (label: string) => (
    <>
      {label}
      <VisuallyHidden>{`, ${m.title}`}</VisuallyHidden>
    </>
  );
  return (
    <Group gap={6} wrap="nowrap">
      <Button size="xs" variant="default" component={Link} to={`/learning/admin/modules/${encodeURIComponent(m.id)}`}>
        {named(t('catalogue.view'))}
      </Button>
      {m.origin === 'catalogue' ? (
        <Button size="xs" variant="light" onClick={onFork} loading={forking}>
          {named(t('catalogue.fork'))}
        </Button>
      ) : null}
      {m.editable && m.status !== 'archived' ? (
        <Button size="xs" variant="light" component={Link} to={`/learning/admin/modules/${encodeURIComponent(m.id)}/edit`}>
          {named(t('catalogue.edit'))}
        </Button>
      ) : null}
      {m.editable ? (
        <Button size="xs" variant="subtle" {...(m.status === 'archived' ? {} : { color: 'red', c: 'red.9' })} onClick={onArchive}>
          {named(m.status === 'archived' ? t('catalogue.restore') : t('catalogue.archive'))}
        </Button>
      ) : null}
    </Group>
  );
}
