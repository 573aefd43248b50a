import { Table, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../admin/components/DataTable.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { formatCount, formatRate, isSuppressedGroup } from '../display.js';
import { type CampaignResults, type ResultsDimension, resultsDimensions } from '../types.js';

/** Results by service, role family or site; a group under the minimum size shows no figure. */
export function ResultsBreakdown({
  results,
  by,
  onBy,
}: {
  results: CampaignResults | undefined;
  by: ResultsDimension;
  onBy: (by: ResultsDimension) => void;
}) {
  const { t, i18n } = useTranslation('phishingCampaigns');
  const l = i18n.language;
  const min = results?.minGroupSize ?? 5;
  return (
    <section aria-labelledby="breakdown-heading">
      <Text id="breakdown-heading" component="h2" fw={700} fz="lg" mb="xs">
        {t('results.breakdownTitle')}
      </Text>
      <Tabs value={by} onChange={(v) => v && onBy(v as ResultsDimension)} keepMounted={false}>
        <Tabs.List>
          {resultsDimensions.map((d) => (
            <Tabs.Tab key={d} value={d}>
              {t(`results.by.${d}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {resultsDimensions.map((d) => (
          <Tabs.Panel key={d} value={d} pt="sm">
            {results && results.by === d ? (
              results.groups.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('results.noGroups')}
                </Text>
              ) : (
                <DataTable
                  caption={t('results.breakdownCaption', { by: t(`results.by.${d}`) })}
                  minWidth={720}
                  head={
                    <>
                      <Th>{t(`results.by.${d}`)}</Th>
                      <Th>{t('results.counters.targets')}</Th>
                      <Th>{t('results.counters.reported')}</Th>
                      <Th>{t('results.counters.opened')}</Th>
                      <Th>{t('results.counters.clicked')}</Th>
                      <Th>{t('results.counters.submitted')}</Th>
                    </>
                  }
                >
                  {results.groups.map((g) => (
                    <Table.Tr key={g.key}>
                      <Table.Th scope="row" fw={600}>
                        {g.label || t('results.noValue')}
                      </Table.Th>
                      {isSuppressedGroup(g) ? (
                        <Table.Td colSpan={5}>
                          <Text size="sm" fs="italic" data-testid="group-suppressed">
                            {t('results.suppressed', { min })}
                          </Text>
                        </Table.Td>
                      ) : (
                        <>
                          <Table.Td>{formatCount(g.counters.targets, l)}</Table.Td>
                          <Table.Td fw={600}>{formatRate(g.rates.reported, l)}</Table.Td>
                          <Table.Td>{formatRate(g.rates.opened, l)}</Table.Td>
                          <Table.Td>{formatRate(g.rates.clicked, l)}</Table.Td>
                          <Table.Td>{formatRate(g.rates.submitted, l)}</Table.Td>
                        </>
                      )}
                    </Table.Tr>
                  ))}
                </DataTable>
              )
            ) : (
              <Text size="sm" c="dimmed" role="status">
                {t('common.loading')}
              </Text>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
      <Text size="xs" c="dimmed" mt="xs">
        {t('results.suppressionNote', { min })}
      </Text>
    </section>
  );
}
