import { Anchor, Button, Group, Modal, Select, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, type Page } from '../../api.js';
import { DataTable } from '../components/DataTable.js';
import { ListFooter } from '../components/ListFooter.js';
import { ListStatus } from '../components/ListStatus.js';
import { PageHeader } from '../components/PageHeader.js';
import { SearchInput } from '../components/SearchInput.js';
import { Th } from '../components/SortableTh.js';
import { isPlatformAdmin, useMe } from '../components/useMe.js';
import { useUrlState } from '../components/useUrlState.js';
import { endpoints, qs } from '../endpoints.js';
import { territoryKinds } from '../labels.js';
import type { Territory } from '../types.js';
import { TerritoryForm } from './TerritoryForm.js';

const defaults = { q: '', kind: '', page: '1', pageSize: '25' };

/** The territories the user can see (all of them for a platform admin), with their member counts. */
export function TerritoriesPage() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const canCreate = isPlatformAdmin(me.data?.account?.grants ?? []);
  const [state, set] = useUrlState(defaults);
  const [creating, createModal] = useDisclosure(false);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 25;
  const list = useQuery({
    queryKey: ['admin', 'territories', state],
    queryFn: () => api<Page<Territory>>(`${endpoints.territories}${qs({ q: state.q, kind: state.kind, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const filtered = state.q !== '' || state.kind !== '';

  return (
    <>
      <PageHeader
        title={t('territories.title')}
        description={t('territories.intro')}
        actions={canCreate ? <Button onClick={createModal.open}>{t('territories.create')}</Button> : null}
      />
      <Group align="flex-end" mb="md" gap="sm">
        <SearchInput label={t('territories.search')} value={state.q} onSearch={(q) => set({ q })} />
        <Select
          label={t('territories.fields.kind')}
          placeholder={t('common.all')}
          clearable
          data={territoryKinds.map((k) => ({ value: k, label: t(`territoryKinds.${k}`) }))}
          value={state.kind || null}
          onChange={(kind) => set({ kind: kind ?? '' })}
        />
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={filtered ? t('common.noMatch') : t('territories.empty')}
        emptyAction={
          filtered ? (
            <Button variant="default" onClick={() => set({ q: '', kind: '' })}>
              {t('common.clearFilters')}
            </Button>
          ) : null
        }
      >
        <DataTable
          caption={t('territories.title')}
          minWidth={560}
          head={
            <>
              <Th>{t('territories.fields.name')}</Th>
              <Th>{t('territories.fields.kind')}</Th>
              <Th>{t('territories.fields.region')}</Th>
              <Th>{t('territories.fields.memberCount')}</Th>
            </>
          }
        >
          {list.data?.items.map((tr) => (
            <Table.Tr key={tr.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/territories/${tr.id}`}>
                  {tr.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`territoryKinds.${tr.kind}`)}</Table.Td>
              <Table.Td>{tr.region}</Table.Td>
              <Table.Td>{tr.memberCount ?? ''}</Table.Td>
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
      <Modal
        opened={creating}
        onClose={createModal.close}
        title={t('territories.create')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <TerritoryForm
          submitLabel={t('common.create')}
          onSubmit={(input) => api<Territory>(endpoints.territories, { body: input })}
          onCancel={createModal.close}
          onDone={(created: unknown) => {
            createModal.close();
            void queryClient.invalidateQueries({ queryKey: ['admin', 'territories'] });
            const id = (created as Territory | undefined)?.id;
            if (id) void navigate(`/admin/territories/${id}`);
          }}
        />
      </Modal>
    </>
  );
}
