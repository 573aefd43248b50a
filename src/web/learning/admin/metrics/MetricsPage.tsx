import { Button, Group, Progress, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { useUrlState } from '../../../admin/components/useUrlState.js';
import { api } from '../../../api.js';
import { WithOrg } from '../components/scoped.js';
import { adminApi, adminKeys } from '../endpoints.js';
import { figuresOf, formatCount, formatPercent } from '../metrics-display.js';
import type { GroupBy, OrgMetrics } from '../types.js';
import { groupBys } from '../vocab.js';
import { FiguresCards, FiguresCells, FiguresHead } from './figures.js';
import { TrendChart } from './TrendChart.js';

/** The organization's learning dashboard; groups under the minimum size never show figures. */
export function MetricsPage() {
  return <WithOrg>{(orgId) => <Metrics orgId={orgId} />}</WithOrg>;
}

/** A table, or one line saying why there is nothing to show. */
function EmptyOr({ empty, text, children }: { empty: boolean; text: string; children: ReactNode }) {
  if (!empty) return children;
  return (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );
}

function Metrics({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('learningAdmin');
  const l = i18n.language;
  const [state, set] = useUrlState({ by: 'role_family' });
  const by = (groupBys as readonly string[]).includes(state.by) ? (state.by as GroupBy) : 'role_family';
  const metrics = useQuery({
    queryKey: adminKeys.metrics(orgId, by),
    queryFn: () => api<OrgMetrics>(`${adminApi.metrics(orgId)}?by=${by}`),
    placeholderData: keepPreviousData,
  });
  const m = metrics.data;
  return (
    <>
      <PageHeader
        title={t('metrics.title')}
        description={m ? m.organization.name : undefined}
        actions={
          <>
            <Button component="a" variant="default" href={`${adminApi.metricsCsv(orgId)}?by=${by}`} download>
              {t('metrics.csv')}
            </Button>
            <Button component="a" variant="default" href={adminApi.reportPdf(orgId)} download>
              {t('metrics.pdf')}
            </Button>
          </>
        }
      />
      <ListStatus isPending={metrics.isPending} error={metrics.error} isEmpty={false} emptyTitle="">
        {m ? (
          <Stack gap="xl">
            <FiguresCards totals={m.totals} minGroupSize={m.minGroupSize} />
            <section aria-labelledby="groups-heading">
              <Group justify="space-between" mb="sm">
                <Title id="groups-heading" order={2} size="h3">
                  {t('metrics.groupsTitle')}
                </Title>
                <SegmentedControl
                  value={by}
                  onChange={(v) => set({ by: v })}
                  data={groupBys.map((g) => ({ value: g, label: t(`metrics.by.${g}`) }))}
                  aria-label={t('metrics.groupBy')}
                />
              </Group>
              <Text size="sm" c="dimmed" mb="xs">
                {t('metrics.suppressionNote', { min: m.minGroupSize })}
              </Text>
              <EmptyOr empty={m.groups.length === 0} text={t('metrics.noGroups')}>
                <DataTable caption={t('metrics.groupsTitle')} head={<FiguresHead first={t(`metrics.by.${by}`)} />}>
                  {m.groups.map((g) => {
                    const f = figuresOf(g);
                    return (
                      <Table.Tr key={g.key}>
                        <Table.Th scope="row" fw={600}>
                          {g.label}
                        </Table.Th>
                        {f ? (
                          <FiguresCells f={f} />
                        ) : (
                          <Table.Td colSpan={6} data-testid="group-suppressed">
                            <Text size="sm" fs="italic">
                              {t('metrics.suppressed', { min: m.minGroupSize })}
                            </Text>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    );
                  })}
                </DataTable>
              </EmptyOr>
            </section>
            <section aria-labelledby="modules-heading">
              <Title id="modules-heading" order={2} size="h3" mb="sm">
                {t('metrics.modulesTitle')}
              </Title>
              <EmptyOr empty={m.modules.length === 0} text={t('metrics.noModules', { min: m.minGroupSize })}>
                <DataTable
                  caption={t('metrics.modulesTitle')}
                  head={
                    <>
                      <Th>{t('metrics.module')}</Th>
                      <Th>{t('metrics.assigned')}</Th>
                      <Th>{t('metrics.completed')}</Th>
                      <Th>{t('metrics.completionRate')}</Th>
                      <Th>{t('metrics.firstScore')}</Th>
                      <Th>{t('metrics.lastScore')}</Th>
                    </>
                  }
                >
                  {m.modules.map((row) => (
                    <Table.Tr key={row.moduleId}>
                      <Table.Th scope="row" fw={600}>
                        {row.title}
                      </Table.Th>
                      <Table.Td>{formatCount(row.assigned, l)}</Table.Td>
                      <Table.Td>{formatCount(row.completed, l)}</Table.Td>
                      <Table.Td>{formatPercent(row.completionRate, l)}</Table.Td>
                      <Table.Td>{formatPercent(row.firstScore, l)}</Table.Td>
                      <Table.Td>{formatPercent(row.lastScore, l)}</Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              </EmptyOr>
            </section>
            <section aria-labelledby="topics-heading">
              <Title id="topics-heading" order={2} size="h3" mb="sm">
                {t('metrics.topicsTitle')}
              </Title>
              <EmptyOr empty={m.topics.length === 0} text={t('metrics.noTopics', { min: m.minGroupSize })}>
                <DataTable
                  caption={t('metrics.topicsTitle')}
                  head={
                    <>
                      <Th>{t('fields.topic')}</Th>
                      <Th>{t('metrics.learners')}</Th>
                      <Th>{t('metrics.mastered')}</Th>
                      <Th>{t('metrics.masteryRate')}</Th>
                      <Th>{t('metrics.averageScore')}</Th>
                    </>
                  }
                >
                  {m.topics.map((row) => (
                    <Table.Tr key={row.topic}>
                      <Table.Th scope="row" fw={600}>
                        {/* A catalogue module's topic is its id: its title reads better than the slug. */}
                        {m.modules.find((x) => x.moduleId === row.topic)?.title ?? row.topic}
                      </Table.Th>
                      <Table.Td>{formatCount(row.learners, l)}</Table.Td>
                      <Table.Td>{formatCount(row.mastered, l)}</Table.Td>
                      <Table.Td miw={160}>
                        <Group gap="xs" wrap="nowrap">
                          <Progress value={row.masteryRate} w={80} color="teal.8" aria-hidden="true" />
                          <Text size="sm">{formatPercent(row.masteryRate, l)}</Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>{formatPercent(row.averageScore, l)}</Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              </EmptyOr>
            </section>
            <section aria-labelledby="trend-heading">
              <Title id="trend-heading" order={2} size="h3" mb="sm">
                {t('metrics.trendTitle')}
              </Title>
              <TrendChart trend={m.trend} />
            </section>
          </Stack>
        ) : null}
      </ListStatus>
    </>
  );
}
