import { Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DataTable } from '../admin/components/DataTable.js';
import { ListFooter } from '../admin/components/ListFooter.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { SearchInput } from '../admin/components/SearchInput.js';
import { Th } from '../admin/components/SortableTh.js';
import { api } from '../api.js';
import { WithTerritory } from '../learning/admin/components/scoped.js';
import { type CellView, cellView, filterMembers } from './cells.js';
import { dashboardApi, dashboardKeys } from './endpoints.js';
import { TotalsCards } from './TotalsCards.js';
import { type Domain, domains, type TerritoryDashboard } from './types.js';

const PAGE_SIZE = 25;

/** The territory dashboard: the territory chosen in the header, or the one in the address (from the regional view). */
export function DashboardPage() {
  const { territoryId } = useParams();
  if (territoryId) return <DashboardView territoryId={territoryId} />;
  return <WithTerritory>{(id) => <DashboardView territoryId={id} />}</WithTerritory>;
}

function CellText({ view, domain }: { view: CellView; domain: Domain }) {
  const { t } = useTranslation('territoryDashboard');
  switch (view.kind) {
    case 'not_shared':
      return (
        <Text size="sm" c="dimmed" fs="italic">
          {t('cell.notShared')}
        </Text>
      );
    case 'small':
      return (
        <Text size="sm" c="dimmed" title={t('cell.smallHint')}>
          {t('cell.small')}
        </Text>
      );
    case 'none':
      return (
        <Text size="sm" c="dimmed">
          {t('cell.none')}
        </Text>
      );
    case 'figures':
      return (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {view.main}
          </Text>
          {view.detail !== undefined ? (
            <Text size="xs" c="dimmed">
              {t(`cell.detail.${domain}`, { value: view.detail })}
            </Text>
          ) : null}
        </Stack>
      );
  }
}

function DashboardView({ territoryId }: { territoryId: string }) {
  const { t, i18n } = useTranslation('territoryDashboard');
  const [search, setSearch] = useState('');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: dashboardKeys.territory(territoryId),
    queryFn: () => api<TerritoryDashboard>(dashboardApi.territory(territoryId)),
  });
  const rows = useMemo(
    () => filterMembers(query.data?.members ?? [], search, flaggedOnly, i18n.language),
    [query.data, search, flaggedOnly, i18n.language],
  );
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const data = query.data;
  return (
    <>
      <PageHeader
        title={data ? t('territory.titleOf', { name: data.territory.name }) : t('territory.title')}
        description={t('territory.description')}
        actions={
          <Group gap="xs">
            <Button component="a" href={dashboardApi.csv(territoryId)} variant="default" download>
              {t('territory.exportCsv')}
            </Button>
            <Button component="a" href={dashboardApi.pdf(territoryId)} variant="default" download>
              {t('territory.exportPdf')}
            </Button>
          </Group>
        }
      />
      {data ? <TotalsCards totals={data.totals} /> : null}
      <Group gap="md" align="end" my="sm" wrap="wrap">
        <SearchInput
          label={t('territory.search')}
          value={search}
          onSearch={(q) => {
            setSearch(q);
            setPage(1);
          }}
        />
        <Checkbox
          label={t('territory.flaggedOnly')}
          checked={flaggedOnly}
          onChange={(e) => {
            setFlaggedOnly(e.currentTarget.checked);
            setPage(1);
          }}
        />
      </Group>
      <ListStatus
        isPending={query.isPending}
        error={query.error}
        isEmpty={rows.length === 0}
        emptyTitle={t('territory.emptyTitle')}
        emptyDescription={t('territory.emptyHint')}
      >
        <DataTable
          caption={t('territory.caption')}
          minWidth={1100}
          head={
            <>
              <Th>{t('territory.member')}</Th>
              {domains.map((d) => (
                <Th key={d}>{t(`domains.${d}`)}</Th>
              ))}
              <Th>{t('territory.flags')}</Th>
            </>
          }
        >
          {shown.map((m) => (
            <Table.Tr key={m.organizationId}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {m.name}
                </Text>
                {m.isLead ? (
                  <Badge size="xs" variant="light">
                    {t('territory.lead')}
                  </Badge>
                ) : null}
              </Table.Td>
              {domains.map((d) => (
                <Table.Td key={d}>
                  <CellText view={cellView(m, d, i18n.language)} domain={d} />
                </Table.Td>
              ))}
              <Table.Td>
                <Group gap={4}>
                  {m.flags.map((f) => (
                    <Badge key={f} color="orange" variant="light" size="sm">
                      {t(`flags.${f}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <ListFooter page={page} pageSize={PAGE_SIZE} total={rows.length} onPage={setPage} />
      </ListStatus>
      <Text size="xs" c="dimmed" mt="sm">
        {t('territory.rule', { min: data?.minGroupSize ?? 5 })}
      </Text>
    </>
  );
}
