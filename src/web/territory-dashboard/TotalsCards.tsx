import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Totals } from './types.js';

const pct = (v: number | null, locale: string) => (v === null ? null : `${v.toLocaleString(locale, { maximumFractionDigits: 1 })} %`);

/** The territory's figures over its sharing members, one card per domain (two per row on a phone). */
export function TotalsCards({ totals }: { totals: Totals }) {
  const { t, i18n } = useTranslation('territoryDashboard');
  const l = i18n.language;
  const none = t('cell.none');
  const small = t('cell.small');
  const cards = [
    { label: t('totals.members'), value: String(totals.members), hint: t('totals.flagged', { count: totals.flagged }) },
    {
      label: t('domains.maturity'),
      value: totals.maturity.averageScore === null ? none : `${totals.maturity.averageScore} / 100`,
      hint: t('totals.diagnosed', { count: totals.maturity.diagnosed, sharing: totals.sharing.maturity }),
    },
    {
      label: t('domains.training'),
      value: totals.training.suppressed ? small : (pct(totals.training.completionRate, l) ?? none),
      hint: t('totals.sharing', { count: totals.sharing.training }),
    },
    {
      label: t('domains.phishing'),
      value: totals.phishing.suppressed ? small : (pct(totals.phishing.reportRate, l) ?? none),
      hint: totals.phishing.suppressed
        ? t('totals.sharing', { count: totals.sharing.phishing })
        : t('totals.clicked', { value: pct(totals.phishing.clickRate, l) ?? none }),
    },
    {
      label: t('domains.suppliers'),
      value: pct(totals.suppliers.coverageRate, l) ?? none,
      hint: t('totals.overdueAudits', { count: totals.suppliers.overdueAudits }),
    },
    {
      label: t('domains.actions'),
      value: String(totals.actions.open),
      hint: t('totals.actions', { overdue: totals.actions.overdue, done: totals.actions.doneLast90Days }),
    },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" mb="md">
      {cards.map((c) => (
        <Paper key={c.label} withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed">
            {c.label}
          </Text>
          <Text size="lg" fw={700}>
            {c.value}
          </Text>
          <Text size="xs" c="dimmed">
            {c.hint}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
