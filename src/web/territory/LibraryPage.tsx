import { Anchor, Badge, Button, Checkbox, Group, MultiSelect, NativeSelect, Table, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '../admin/components/ConfirmModal.js';
import { DataTable } from '../admin/components/DataTable.js';
import { ListFooter } from '../admin/components/ListFooter.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { SearchInput } from '../admin/components/SearchInput.js';
import { SortableTh, Th } from '../admin/components/SortableTh.js';
import { useUrlState } from '../admin/components/useUrlState.js';
import { qs } from '../admin/endpoints.js';
import { api, type Page } from '../api.js';
import { type LibraryScope, territoryApi, territoryKeys } from './endpoints.js';
import { type LibraryAccess, WithLibrary } from './library-scope.js';
import { type Resource, resourceKinds } from './types.js';

const defaults = {
  q: '',
  tags: '',
  kind: '',
  archived: 'false',
  sort: 'updated_at',
  order: 'desc',
  page: '1',
  pageSize: '25',
  territory: '',
};

export const resourcePath = (s: LibraryScope, id: string) =>
  `/territory/library/${encodeURIComponent(s.territoryId)}/${encodeURIComponent(id)}`;

/** The territory's shared library: procedures, reflex sheets and templates for its members. */
export function LibraryPage() {
  return <WithLibrary>{(a) => <Library {...a} />}</WithLibrary>;
}

function Library({ scope, canManage }: LibraryAccess) {
  const { t, i18n } = useTranslation('territory');
  const client = useQueryClient();
  const [state, set] = useUrlState(defaults);
  const [starterOpen, setStarterOpen] = useState(false);
  const [withEnglish, setWithEnglish] = useState(false);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 25;
  const query = qs({
    q: state.q,
    tags: state.tags,
    kind: state.kind,
    archived: canManage ? state.archived : undefined,
    sort: state.sort,
    order: state.order,
    page,
    pageSize,
  });
  const list = useQuery({
    queryKey: [...territoryKeys.library(scope), 'list', query],
    queryFn: () => api<Page<Resource>>(territoryApi.library(scope, query)),
    placeholderData: keepPreviousData,
  });
  const tags = useQuery({
    queryKey: [...territoryKeys.library(scope), 'tags'],
    queryFn: () => api<Array<{ tag: string; count: number }>>(territoryApi.libraryTags(scope)),
  });
  const starter = useMutation({
    mutationFn: () =>
      api<{ added: Resource[]; alreadyThere: number }>(territoryApi.starterSet(scope.territoryId), {
        body: { languages: withEnglish ? ['fr', 'en'] : ['fr'] },
      }),
    onSuccess: () => {
      setStarterOpen(false);
      void client.invalidateQueries({ queryKey: territoryKeys.library(scope) });
    },
  });
  const filtered = Boolean(state.q || state.tags || state.kind || state.archived !== 'false');
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  const sortable = (column: string, label: string) => (
    <SortableTh
      label={label}
      column={column}
      sort={state.order === 'asc' ? state.sort : `-${state.sort}`}
      onSort={(s) => set({ sort: s.replace(/^-/, ''), order: s.startsWith('-') ? 'desc' : 'asc' })}
    />
  );
  const starterButton = canManage ? (
    <Button variant="default" onClick={() => setStarterOpen(true)}>
      {t('library.starter')}
    </Button>
  ) : null;
  return (
    <>
      <PageHeader
        title={t('library.title')}
        description={canManage ? t('library.descriptionCoordinator') : t('library.descriptionMember')}
        actions={
          canManage ? (
            <>
              {starterButton}
              <Button component={Link} to={`/territory/library/${encodeURIComponent(scope.territoryId)}/new`}>
                {t('library.new')}
              </Button>
            </>
          ) : null
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SearchInput label={t('library.search')} value={state.q} onSearch={(q) => set({ q })} />
        <MultiSelect
          label={t('library.tags')}
          data={(tags.data ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))}
          value={state.tags ? state.tags.split(',') : []}
          onChange={(v) => set({ tags: v.join(',') })}
          searchable
          clearable
          miw={200}
        />
        <NativeSelect
          label={t('library.kind')}
          value={state.kind}
          onChange={(e) => set({ kind: e.currentTarget.value })}
          data={[{ value: '', label: t('library.allKinds') }, ...resourceKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
        />
        {canManage ? (
          <NativeSelect
            label={t('library.archivedFilter')}
            value={state.archived}
            onChange={(e) => set({ archived: e.currentTarget.value })}
            data={['false', 'true', 'all'].map((v) => ({ value: v, label: t(`library.archived.${v}`) }))}
          />
        ) : null}
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={filtered ? t('library.emptyFilteredTitle') : t('library.emptyTitle')}
        emptyDescription={
          filtered ? t('library.emptyFilteredHint') : canManage ? t('library.emptyHintCoordinator') : t('library.emptyHintMember')
        }
        emptyAction={filtered ? undefined : starterButton}
      >
        <DataTable
          caption={t('library.title')}
          minWidth={720}
          head={
            <>
              {sortable('title', t('library.columns.title'))}
              {sortable('kind', t('library.kind'))}
              <Th>{t('library.tags')}</Th>
              {sortable('updated_at', t('library.columns.updated'))}
            </>
          }
        >
          {list.data?.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td miw={240}>
                <Anchor component={Link} to={resourcePath(scope, r.id)} fw={600}>
                  {r.title}
                </Anchor>
                {r.archived ? (
                  <Badge ml="xs" size="xs" variant="outline" color="gray.9">
                    {t('library.archivedBadge')}
                  </Badge>
                ) : null}
                {r.summary ? (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {r.summary}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{t(`kinds.${r.kind}`)}</Table.Td>
              <Table.Td>{r.tags.join(', ') || '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(r.updatedAt)}</Table.Td>
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
        opened={starterOpen}
        title={t('library.starterTitle')}
        confirmLabel={t('library.starterConfirm')}
        color=""
        onConfirm={() => starter.mutate()}
        onClose={() => {
          setStarterOpen(false);
          starter.reset();
        }}
        loading={starter.isPending}
        error={starter.error}
      >
        <Text>{t('library.starterText')}</Text>
        <Checkbox label={t('library.starterEnglish')} checked={withEnglish} onChange={(e) => setWithEnglish(e.currentTarget.checked)} />
      </ConfirmModal>
      {starter.data ? (
        <Text size="sm" role="status" mt="sm">
          {t('library.starterDone', { added: starter.data.added.length, already: starter.data.alreadyThere })}
        </Text>
      ) : null}
    </>
  );
}
