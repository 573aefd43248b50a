import { List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { api } from '../../../api.js';
import { registerApi } from '../endpoints.js';
import type { MemberFigures, TerritoryDashboard } from '../review/types.js';

const columns = [
  'providers',
  'tier1',
  'healthData',
  'hdsExpired',
  'hdsExpiringIn90Days',
  'contractsWithoutAuditClause',
  'auditsOverdue',
  'auditsInRemediation',
] as const;
const openFindings = (f: MemberFigures) => f.openFindings.low + f.openFindings.medium + f.openFindings.high + f.openFindings.critical;

/** The territory's members side by side (those that share their figures), and providers they have in common. */
export function TerritoryDashboardView({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation('suppliersRegister');
  const dash = useQuery({
    queryKey: ['suppliersRegister', 'territory', territoryId, 'dashboard'],
    queryFn: () => api<TerritoryDashboard>(registerApi.territoryDashboard(territoryId)),
  });
  const d = dash.data;
  const cells = (f: MemberFigures | null) =>
    f ? (
      <>
        {columns.map((c) => (
          <Table.Td key={c}>{f[c]}</Table.Td>
        ))}
        <Table.Td>{openFindings(f)}</Table.Td>
      </>
    ) : (
      <Table.Td colSpan={columns.length + 1}>
        <Text size="sm" c="dimmed">
          {t('territory.notShared')}
        </Text>
      </Table.Td>
    );
  return (
    <>
      <PageHeader title={t('territory.title', { name: d?.territory.name ?? '' })} description={t('territory.description')} />
      <ListStatus isPending={dash.isPending} error={dash.error} isEmpty={d?.members.length === 0} emptyTitle={t('territory.empty')}>
        {d ? (
          <Stack gap="lg">
            <DataTable
              caption={t('territory.members')}
              minWidth={1000}
              head={
                <>
                  <Th>{t('territory.member')}</Th>
                  {columns.map((c) => (
                    <Th key={c}>{t(`territory.columns.${c}`)}</Th>
                  ))}
                  <Th>{t('territory.columns.openFindings')}</Th>
                </>
              }
            >
              {d.members.map((m) => (
                <Table.Tr key={m.organizationId}>
                  <Table.Td fw={600}>{m.name}</Table.Td>
                  {cells(m.figures)}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={700}>{t('territory.totals')}</Table.Td>
                {cells(d.totals)}
              </Table.Tr>
            </DataTable>
            <section aria-labelledby="shared-heading">
              <Title id="shared-heading" order={2} size="h3" mb="xs">
                {t('territory.shared')}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {t('territory.sharedHint')}
              </Text>
              {d.sharedProviders.length === 0 ? (
                <Text c="dimmed">{t('territory.noShared')}</Text>
              ) : (
                <List spacing="xs">
                  {d.sharedProviders.map((p) => (
                    <List.Item key={p.siren}>
                      <strong>{p.name}</strong> ({p.siren}) : {p.members.map((m) => m.name).join(', ')}
                    </List.Item>
                  ))}
                </List>
              )}
            </section>
          </Stack>
        ) : null}
      </ListStatus>
    </>
  );
}
