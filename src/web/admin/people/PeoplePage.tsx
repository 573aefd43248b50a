import { Anchor, Button, Modal, Table } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, type Page } from '../../api.js';
import { useCurrentScope } from '../../shell/scope.js';
import { DataTable } from '../components/DataTable.js';
import { formatNumber } from '../components/format.js';
import { ListFooter } from '../components/ListFooter.js';
import { ListStatus } from '../components/ListStatus.js';
import { NoOrgState } from '../components/NoOrgState.js';
import { PageHeader } from '../components/PageHeader.js';
import { SortableTh, Th } from '../components/SortableTh.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { useUrlState } from '../components/useUrlState.js';
import { endpoints, qs } from '../endpoints.js';
import type { Person } from '../types.js';
import { usePeopleFacets } from './facets.js';
import { PeopleFilters } from './PeopleFilters.js';
import { PersonForm } from './PersonForm.js';

const defaults = { q: '', roleFamily: '', service: '', site: '', active: 'true', manager: '', sort: 'lastName', page: '1', pageSize: '50' };

/** The staff directory of the current organization; paged by the server to stay fast at 100,000 people. */
export function PeoplePage() {
  const { orgId } = useCurrentScope();
  if (!orgId) return <NoOrgState />;
  return <PeopleDirectory orgId={orgId} />;
}

function PeopleDirectory({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('admin');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [state, set] = useUrlState(defaults);
  const [creating, createModal] = useDisclosure(false);
  const facets = usePeopleFacets(orgId);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 50;
  const filters = {
    q: state.q,
    roleFamily: state.roleFamily,
    service: state.service,
    site: state.site,
    active: state.active,
    manager: state.manager,
  };
  const list = useQuery({
    queryKey: ['admin', 'people', orgId, 'list', state],
    queryFn: () => api<Page<Person>>(`${endpoints.people(orgId)}${qs({ ...filters, sort: state.sort, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const exportHref = `${endpoints.peopleExport(orgId)}${qs({ ...filters, sort: state.sort })}`;
  const onSort = (sort: string) => set({ sort });
  const counts = facets.data
    ? t('people.counts', { total: formatNumber(facets.data.total, i18n.language), active: formatNumber(facets.data.active, i18n.language) })
    : undefined;

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={counts}
        actions={
          <>
            <Button component="a" href={exportHref} variant="default" download>
              {t('people.export')}
            </Button>
            <Button component={Link} to="/admin/import" variant="default">
              {t('people.import')}
            </Button>
            <Button onClick={createModal.open}>{t('people.create')}</Button>
          </>
        }
      />
      <PeopleFilters
        value={filters}
        facets={facets.data}
        onChange={set}
        onClear={() => set({ q: '', roleFamily: '', service: '', site: '', active: 'true', manager: '' })}
      />
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={facets.data?.total === 0 ? t('people.empty') : t('common.noMatch')}
        emptyDescription={facets.data?.total === 0 ? t('people.emptyHint') : undefined}
        emptyAction={
          facets.data?.total === 0 ? (
            <Button component={Link} to="/admin/import">
              {t('people.import')}
            </Button>
          ) : null
        }
      >
        <DataTable
          caption={t('people.title')}
          minWidth={960}
          head={
            <>
              <SortableTh label={t('people.fields.name')} column="lastName" sort={state.sort} onSort={onSort} />
              <SortableTh label={t('people.fields.email')} column="email" sort={state.sort} onSort={onSort} />
              <Th>{t('people.fields.jobTitle')}</Th>
              <SortableTh label={t('people.fields.roleFamily')} column="roleFamily" sort={state.sort} onSort={onSort} />
              <SortableTh label={t('people.fields.service')} column="service" sort={state.sort} onSort={onSort} />
              <SortableTh label={t('people.fields.site')} column="site" sort={state.sort} onSort={onSort} />
              <Th>{t('people.fields.isManager')}</Th>
              <Th>{t('people.fields.status')}</Th>
            </>
          }
        >
          {list.data?.items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/people/${p.id}`} style={{ whiteSpace: 'nowrap' }}>
                  {p.lastName} {p.firstName}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.email}</Table.Td>
              <Table.Td>{p.jobTitle}</Table.Td>
              <Table.Td>{t(`roleFamilies.${p.roleFamily}`)}</Table.Td>
              <Table.Td>{p.service}</Table.Td>
              <Table.Td>{p.site}</Table.Td>
              <Table.Td>{p.isManager ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>
                <StatusBadge color={p.active ? 'teal' : 'gray'}>{p.active ? t('people.active') : t('people.inactive')}</StatusBadge>
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
      <Modal
        opened={creating}
        onClose={createModal.close}
        title={t('people.create')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <PersonForm
          orgId={orgId}
          submitLabel={t('common.create')}
          onSubmit={(input) => api<Person>(endpoints.people(orgId), { body: input })}
          onCancel={createModal.close}
          onDone={(created: unknown) => {
            createModal.close();
            void queryClient.invalidateQueries({ queryKey: ['admin', 'people', orgId] });
            const id = (created as Person | undefined)?.id;
            if (id) void navigate(`/admin/people/${id}`);
          }}
        />
      </Modal>
    </>
  );
}
