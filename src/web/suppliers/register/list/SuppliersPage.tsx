import { Anchor, Badge, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListFooter } from '../../../admin/components/ListFooter.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { SearchInput } from '../../../admin/components/SearchInput.js';
import { SortableTh, Th } from '../../../admin/components/SortableTh.js';
import { useUrlState } from '../../../admin/components/useUrlState.js';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { TierBadge } from '../components/TierBadge.js';
import { registerApi, registerKeys } from '../endpoints.js';
import { type Supplier, tiers } from '../types.js';

const defaults = { q: '', tier: '', healthData: '', hdsExpiring: '', archived: 'false', sort: 'name', page: '1', pageSize: '25' };
const filterKeys = ['q', 'tier', 'healthData', 'hdsExpiring', 'archived'] as const;

/** The provider register: who the organization works with, how critical each one is. */
export function SuppliersPage() {
  return <WithOrg>{(orgId) => <Register orgId={orgId} />}</WithOrg>;
}

function Register({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('suppliersRegister');
  const [state, set] = useUrlState(defaults);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 25;
  const list = useQuery({
    queryKey: [...registerKeys.suppliers(orgId), state],
    queryFn: () =>
      api<Page<Supplier>>(
        `${registerApi.suppliers(orgId)}${qs({ q: state.q, tier: state.tier, healthData: state.healthData, hdsExpiring: state.hdsExpiring, archived: state.archived, sort: state.sort, page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const filtered = filterKeys.some((k) => state[k] !== defaults[k]);
  const yesNo = (key: 'healthData' | 'hdsExpiring') => (
    <NativeSelect
      label={t(`list.${key}`)}
      value={state[key]}
      onChange={(e) => set({ [key]: e.currentTarget.value })}
      data={[
        { value: '', label: t('common.all') },
        { value: 'true', label: t('common.yes') },
        { value: 'false', label: t('common.no') },
      ]}
    />
  );
  const date = (d: string | null) => (d ? new Date(`${d}T00:00:00`).toLocaleDateString(i18n.language) : '—');
  const create = (
    <Button component={Link} to="/suppliers/new">
      {t('list.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description')} actions={create} />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SearchInput label={t('list.search')} value={state.q} onSearch={(q) => set({ q })} />
        <NativeSelect
          label={t('list.tier')}
          value={state.tier}
          onChange={(e) => set({ tier: e.currentTarget.value })}
          data={[{ value: '', label: t('common.all') }, ...tiers.map((n) => ({ value: String(n), label: t('tier.badge', { tier: n }) }))]}
        />
        {yesNo('healthData')}
        {yesNo('hdsExpiring')}
        <NativeSelect
          label={t('list.archived')}
          value={state.archived}
          onChange={(e) => set({ archived: e.currentTarget.value })}
          data={['false', 'true', 'all'].map((v) => ({ value: v, label: t(`list.archivedOptions.${v}`) }))}
        />
        {filtered ? (
          <Button variant="subtle" onClick={() => set({ q: '', tier: '', healthData: '', hdsExpiring: '', archived: 'false' })}>
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={filtered ? t('list.noMatch') : t('list.empty')}
        emptyDescription={filtered ? undefined : t('list.emptyHint')}
        emptyAction={filtered ? undefined : create}
      >
        <DataTable
          caption={t('list.title')}
          minWidth={900}
          head={
            <>
              <SortableTh label={t('fields.name')} column="name" sort={state.sort} onSort={(sort) => set({ sort })} />
              <Th>{t('fields.siren')}</Th>
              <SortableTh label={t('fields.tier')} column="tier" sort={state.sort} onSort={(sort) => set({ sort })} />
              <Th>{t('fields.handlesHealthData')}</Th>
              <SortableTh label={t('fields.hdsExpiresOn')} column="hdsExpiresOn" sort={state.sort} onSort={(sort) => set({ sort })} />
              <SortableTh label={t('fields.updatedAt')} column="updatedAt" sort={state.sort} onSort={(sort) => set({ sort })} />
            </>
          }
        >
          {list.data?.items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td miw={220}>
                <Anchor component={Link} to={`/suppliers/${encodeURIComponent(s.id)}`} fw={600}>
                  {s.name}
                </Anchor>
                {s.archived ? (
                  <Badge ml="xs" size="xs" color="gray" variant="outline">
                    {t('common.archived')}
                  </Badge>
                ) : null}
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {s.services}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.siret ?? s.siren}</Table.Td>
              <Table.Td>
                <TierBadge criticality={s.criticality} />
              </Table.Td>
              <Table.Td>{s.handlesHealthData ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {date(s.hdsExpiresOn)}
                {s.hdsExpiring ? (
                  <Badge ml="xs" size="xs" color="red" variant="light" c="var(--mantine-color-text)">
                    {t('hds.expiringBadge')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{new Date(s.updatedAt).toLocaleDateString(i18n.language)}</Table.Td>
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
