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
import { SortableTh, Th } from '../components/SortableTh.js';
import { useUrlState } from '../components/useUrlState.js';
import { endpoints, qs } from '../endpoints.js';
import { organizationKinds } from '../labels.js';
import type { Organization } from '../types.js';
import { OrganizationForm } from './OrganizationForm.js';

const defaults = { q: '', kind: '', sort: 'name', page: '1', pageSize: '25' };

/** Platform admins: every organization of the platform, to find one, create one, open one. */
export function OrganizationsPage() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [state, set] = useUrlState(defaults);
  const [creating, createModal] = useDisclosure(false);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 25;
  const list = useQuery({
    queryKey: ['admin', 'organizations', state],
    queryFn: () =>
      api<Page<Organization>>(`${endpoints.organizations}${qs({ q: state.q, kind: state.kind, sort: state.sort, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const filtered = state.q !== '' || state.kind !== '';

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.intro')}
        actions={<Button onClick={createModal.open}>{t('organizations.create')}</Button>}
      />
      <Group align="flex-end" mb="md" gap="sm">
        <SearchInput label={t('organizations.search')} value={state.q} onSearch={(q) => set({ q })} />
        <Select
          label={t('organizations.fields.kind')}
          placeholder={t('common.all')}
          clearable
          data={organizationKinds.map((k) => ({ value: k, label: t(`organizationKinds.${k}`) }))}
          value={state.kind || null}
          onChange={(kind) => set({ kind: kind ?? '' })}
        />
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={filtered ? t('common.noMatch') : t('organizations.empty')}
        emptyAction={
          filtered ? (
            <Button variant="default" onClick={() => set({ q: '', kind: '' })}>
              {t('common.clearFilters')}
            </Button>
          ) : null
        }
      >
        <DataTable
          caption={t('organizations.title')}
          head={
            <>
              <SortableTh label={t('organizations.fields.name')} column="name" sort={state.sort} onSort={(sort) => set({ sort })} />
              <Th>{t('organizations.fields.shortName')}</Th>
              <Th>{t('organizations.fields.kind')}</Th>
              <Th>{t('organizations.fields.siret')}</Th>
              <SortableTh label={t('organizations.fields.city')} column="city" sort={state.sort} onSort={(sort) => set({ sort })} />
            </>
          }
        >
          {list.data?.items.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/organizations/${o.id}`}>
                  {o.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{o.shortName}</Table.Td>
              <Table.Td>{t(`organizationKinds.${o.kind}`)}</Table.Td>
              <Table.Td>{o.siret}</Table.Td>
              <Table.Td>{o.city}</Table.Td>
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
        title={t('organizations.create')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <OrganizationForm
          submitLabel={t('common.create')}
          onSubmit={(input) => api<Organization>(endpoints.organizations, { body: input })}
          onCancel={createModal.close}
          onDone={(created: unknown) => {
            createModal.close();
            void queryClient.invalidateQueries({ queryKey: ['admin', 'organizations'] });
            const id = (created as Organization | undefined)?.id;
            if (id) void navigate(`/admin/organizations/${id}`);
          }}
        />
      </Modal>
    </>
  );
}
