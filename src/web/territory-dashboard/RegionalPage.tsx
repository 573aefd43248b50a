import { Anchor, Group, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../admin/components/DataTable.js';
import { FilterSelect } from '../admin/components/FilterSelect.js';
import { ListFooter } from '../admin/components/ListFooter.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { SearchInput } from '../admin/components/SearchInput.js';
import { SortableTh, Th } from '../admin/components/SortableTh.js';
import { useUrlState } from '../admin/components/useUrlState.js';
import { api } from '../api.js';
import { WithTerritory } from '../learning/admin/components/scoped.js';
import { dashboardApi, dashboardKeys } from './endpoints.js';
import { TotalsCards } from './TotalsCards.js';
import type { RegionalDashboard, Totals } from './types.js';

const defaults = { sort: 'name', kind: '', q: '', page: '1', pageSize: '25' };

/** The regional view: the territory chosen in the header must be of kind "region" (the regional agency's). */
export function RegionalPage() {
  return <WithTerritory>{(id) => <RegionalView regionId={id} />}</WithTerritory>;
}

function RegionalView({ regionId }: { regionId: string }) {
  const { t, i18n } = useTranslation('territoryDashboard');
  const [state, set] = useUrlState(defaults);
  const q = { sort: state.sort, kind: state.kind, q: state.q, page: Number(state.page) || 1, pageSize: Number(state.pageSize) || 25 };
  const query = useQuery({
    queryKey: dashboardKeys.regional(regionId, q),
    queryFn: () => api<RegionalDashboard>(dashboardApi.regional(regionId, q)),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const pct = (v: number | null) => (v === null ? t('cell.none') : `${v.toLocaleString(i18n.language, { maximumFractionDigits: 1 })} %`);
  const small = (tot: Totals['training'] | Totals['phishing'], v: number | null) => (tot.suppressed ? t('cell.small') : pct(v));
  const sortable = (column: string, label: string) => (
    <SortableTh label={label} column={column} sort={state.sort} onSort={(sort) => set({ sort })} />
  );
  return (
    <>
      <PageHeader
        title={data ? t('region.titleOf', { name: data.region.region }) : t('region.title')}
        description={t('region.description')}
      />
      {data ? <TotalsCards totals={data.totals} /> : null}
      <Group gap="md" align="end" my="sm" wrap="wrap">
        <SearchInput label={t('region.search')} value={state.q} onSearch={(v) => set({ q: v })} />
        <FilterSelect
          label={t('region.kind')}
          value={state.kind}
          onChange={(kind) => set({ kind })}
          allLabel={t('region.allKinds')}
          options={[
            { value: 'ght', label: t('kinds.ght') },
            { value: 'cpts', label: t('kinds.cpts') },
          ]}
        />
      </Group>
      <ListStatus
        isPending={query.isPending}
        error={query.error}
        isEmpty={(data?.items.length ?? 0) === 0}
        emptyTitle={t('region.emptyTitle')}
        emptyDescription={t('region.emptyHint')}
      >
        <DataTable
          caption={t('region.caption')}
          minWidth={1000}
          head={
            <>
              {sortable('name', t('region.territory'))}
              {sortable('kind', t('region.kind'))}
              {sortable('members', t('region.members'))}
              {sortable('maturity', t('domains.maturity'))}
              {sortable('training', t('domains.training'))}
              {sortable('phishing', t('region.reported'))}
              {sortable('suppliers', t('domains.suppliers'))}
              {sortable('overdue', t('region.overdue'))}
              {sortable('flagged', t('region.flagged'))}
              <Th>{t('region.sharing')}</Th>
            </>
          }
        >
          {data?.items.map((i) => (
            <Table.Tr key={i.territory.id}>
              <Table.Td>
                {i.canOpen ? (
                  <Anchor component={Link} to={`/territory-dashboard/${i.territory.id}`} size="sm">
                    {i.territory.name}
                  </Anchor>
                ) : (
                  <Text size="sm">{i.territory.name}</Text>
                )}
              </Table.Td>
              <Table.Td>{t(`kinds.${i.territory.kind}`)}</Table.Td>
              <Table.Td>{i.totals.members}</Table.Td>
              <Table.Td>{i.totals.maturity.averageScore === null ? t('cell.none') : `${i.totals.maturity.averageScore} / 100`}</Table.Td>
              <Table.Td>{small(i.totals.training, i.totals.training.completionRate)}</Table.Td>
              <Table.Td>{small(i.totals.phishing, i.totals.phishing.reportRate)}</Table.Td>
              <Table.Td>{pct(i.totals.suppliers.coverageRate)}</Table.Td>
              <Table.Td>{i.totals.actions.overdue}</Table.Td>
              <Table.Td>{i.totals.flagged}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {t('region.sharingOf', {
                    maturity: i.totals.sharing.maturity,
                    training: i.totals.sharing.training,
                    members: i.totals.members,
                  })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <ListFooter
          page={q.page}
          pageSize={q.pageSize}
          total={data?.total ?? 0}
          onPage={(page) => set({ page: String(page) })}
          onPageSize={(size) => set({ pageSize: String(Math.min(size, 100)) })}
        />
      </ListStatus>
      <Text size="xs" c="dimmed" mt="sm">
        {t('region.rule', { min: data?.minGroupSize ?? 5 })}
      </Text>
    </>
  );
}
