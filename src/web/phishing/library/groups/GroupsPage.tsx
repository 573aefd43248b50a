import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../admin/components/DataTable.js';
import { FilterSelect } from '../../../admin/components/FilterSelect.js';
import { ListFooter } from '../../../admin/components/ListFooter.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { SearchInput } from '../../../admin/components/SearchInput.js';
import { SortableTh, Th } from '../../../admin/components/SortableTh.js';
import { StatusBadge } from '../../../admin/components/StatusBadge.js';
import { usePagedList } from '../../../admin/components/usePagedList.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { LibraryTabs, libraryPath } from '../components/LibraryTabs.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import { groupKinds, type TargetCriteria, type TargetGroup } from '../types.js';

const defaults = { q: '', kind: '', sort: 'name', page: '1', pageSize: '25' };

/** Saved target groups and exclusion lists, reused by campaigns. */
export function GroupsPage() {
  return <WithOrg>{(orgId) => <Groups orgId={orgId} />}</WithOrg>;
}

export function useCriteriaSummary() {
  const { t } = useTranslation('phishingLibrary');
  const { t: ta } = useTranslation('admin');
  return (c: TargetCriteria): string => {
    const parts = [
      ...(c.roleFamilies ?? []).map((f) => ta(`roleFamilies.${f}`)),
      ...(c.services ?? []),
      ...(c.sites ?? []),
      ...(c.personIds?.length ? [t('groups.people', { count: c.personIds.length })] : []),
    ];
    return parts.length ? parts.join(' · ') : t('groups.allStaff');
  };
}

function Groups({ orgId }: { orgId: string }) {
  const { t } = useTranslation('phishingLibrary');
  const summary = useCriteriaSummary();
  const { state, set, list, footer, onSort } = usePagedList<TargetGroup, keyof typeof defaults>(
    libraryKeys.groups(orgId),
    libraryApi.groups(orgId),
    defaults,
  );
  return (
    <>
      <PageHeader
        title={t('groups.title')}
        description={t('groups.description')}
        actions={
          <Button component={Link} to={libraryPath('groups', '/new')}>
            {t('groups.create')}
          </Button>
        }
      />
      <LibraryTabs />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SearchInput label={t('groups.search')} value={state.q} onSearch={(q) => set({ q })} />
        <FilterSelect
          label={t('groups.kind')}
          value={state.kind}
          onChange={(kind) => set({ kind })}
          options={groupKinds.map((k) => ({ value: k, label: t(`groupKinds.${k}`) }))}
          allLabel={t('common.all')}
        />
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={t('groups.empty')}
        emptyDescription={t('groups.emptyHint')}
      >
        <DataTable
          caption={t('groups.title')}
          minWidth={700}
          head={
            <>
              <SortableTh label={t('groups.name')} column="name" sort={state.sort} onSort={onSort} />
              <Th>{t('groups.kind')}</Th>
              <Th>{t('groups.criteria')}</Th>
              <SortableTh label={t('fields.updatedAt')} column="updatedAt" sort={state.sort} onSort={onSort} />
            </>
          }
        >
          {list.data?.items.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td>
                <Anchor component={Link} to={libraryPath('groups', `/${encodeURIComponent(g.id)}`)} fw={600}>
                  {g.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <StatusBadge color={g.kind === 'target' ? 'blue' : 'grape'}>{t(`groupKinds.${g.kind}`)}</StatusBadge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {summary(g.criteria)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{g.updatedAt.slice(0, 10)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <ListFooter {...footer} />
      </ListStatus>
    </>
  );
}
