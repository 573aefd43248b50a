import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { StatusBadge } from '../../../admin/components/StatusBadge.js';
import { api } from '../../../api.js';
import { WithTerritory } from '../components/scoped.js';
import { adminApi, adminKeys } from '../endpoints.js';
import { memberView } from '../metrics-display.js';
import type { TerritoryMetrics } from '../types.js';
import { FiguresCards, FiguresCells, FiguresHead } from './figures.js';

/** The territory's dashboard: the members that share their figures, the others marked "not shared". */
export function TerritoryMetricsPage() {
  return <WithTerritory>{(territoryId) => <TerritoryDashboard territoryId={territoryId} />}</WithTerritory>;
}

function TerritoryDashboard({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation('learningAdmin');
  const metrics = useQuery({
    queryKey: [...adminKeys.territory(territoryId), 'metrics'],
    queryFn: () => api<TerritoryMetrics>(adminApi.territoryMetrics(territoryId)),
  });
  const m = metrics.data;
  return (
    <>
      <PageHeader
        title={t('metrics.territoryTitle')}
        description={m?.territory.name}
        actions={
          <Button component="a" variant="default" href={adminApi.territoryMetricsCsv(territoryId)} download>
            {t('metrics.csv')}
          </Button>
        }
      />
      <ListStatus isPending={metrics.isPending} error={metrics.error} isEmpty={false} emptyTitle="">
        {m ? (
          <Stack gap="xl">
            <Text size="sm" c="dimmed">
              {t('metrics.territoryNote')}
            </Text>
            <FiguresCards totals={m.totals} minGroupSize={m.minGroupSize} />
            <section aria-labelledby="members-heading">
              <Title id="members-heading" order={2} size="h3" mb="sm">
                {t('metrics.membersTitle')}
              </Title>
              <DataTable caption={t('metrics.membersTitle')} head={<FiguresHead first={t('metrics.member')} />}>
                {m.members.map((row) => {
                  const view = memberView(row);
                  return (
                    <Table.Tr key={row.organizationId}>
                      <Table.Th scope="row" fw={600}>
                        {row.name}
                      </Table.Th>
                      {view.kind === 'figures' ? (
                        <FiguresCells f={view.figures} />
                      ) : (
                        <Table.Td colSpan={6}>
                          {view.kind === 'notShared' ? (
                            <StatusBadge color="gray">{t('metrics.notShared')}</StatusBadge>
                          ) : (
                            <Text size="sm" fs="italic">
                              {t('metrics.suppressed', { min: m.minGroupSize })}
                            </Text>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </DataTable>
            </section>
          </Stack>
        ) : null}
      </ListStatus>
    </>
  );
}
