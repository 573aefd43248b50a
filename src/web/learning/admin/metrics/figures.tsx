import { Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Callout } from '../../../admin/components/Callout.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { figuresOf, formatChange, formatCount, formatPercent } from '../metrics-display.js';
import type { Figures, Suppressed } from '../types.js';

/** The headline figures: completion, first vs last score and its change, overdue; none under the minimum size. */
export function FiguresCards({ totals, minGroupSize }: { totals: Figures | Suppressed; minGroupSize: number }) {
  const { t, i18n } = useTranslation('learningAdmin');
  const l = i18n.language;
  const figures = figuresOf(totals);
  if (!figures) {
    return (
      <Callout color="gray" title={t('metrics.suppressedTotalsTitle')}>
        {t('metrics.suppressedTotals', { min: minGroupSize })}
      </Callout>
    );
  }
  const cards: Array<[string, string, string?]> = [
    [t('metrics.people'), formatCount(figures.people, l)],
    [
      t('metrics.completionRate'),
      formatPercent(figures.completionRate, l),
      t('metrics.completedOf', { completed: formatCount(figures.completed, l), assigned: formatCount(figures.assigned, l) }),
    ],
    [t('metrics.firstScore'), formatPercent(figures.firstScore, l)],
    [t('metrics.lastScore'), formatPercent(figures.lastScore, l)],
    [t('metrics.scoreChange'), formatChange(figures.scoreChange, l), t('metrics.points')],
    [t('metrics.overdue'), formatCount(figures.overdue, l)],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} component="dl" m={0}>
      {cards.map(([label, value, note]) => (
        <Paper key={label} withBorder p="sm" radius="md">
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fz={26} fw={700}>
            {value}
          </Text>
          {note ? (
            <Text component="dd" m={0} size="xs" c="dimmed">
              {note}
            </Text>
          ) : null}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Column headers shared by the group and member tables. */
export function FiguresHead({ first }: { first: string }) {
  const { t } = useTranslation('learningAdmin');
  return (
    <>
      <Th>{first}</Th>
      <Th>{t('metrics.people')}</Th>
      <Th>{t('metrics.completionRate')}</Th>
      <Th>{t('metrics.firstScore')}</Th>
      <Th>{t('metrics.lastScore')}</Th>
      <Th>{t('metrics.scoreChange')}</Th>
      <Th>{t('metrics.overdue')}</Th>
    </>
  );
}

export function FiguresCells({ f }: { f: Figures }) {
  const { i18n } = useTranslation();
  const l = i18n.language;
  return (
    <>
      <Table.Td>{formatCount(f.people, l)}</Table.Td>
      <Table.Td>{formatPercent(f.completionRate, l)}</Table.Td>
      <Table.Td>{formatPercent(f.firstScore, l)}</Table.Td>
      <Table.Td>{formatPercent(f.lastScore, l)}</Table.Td>
      <Table.Td>{formatChange(f.scoreChange, l)}</Table.Td>
      <Table.Td>{formatCount(f.overdue, l)}</Table.Td>
    </>
  );
}
