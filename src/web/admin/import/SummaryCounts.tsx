import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../components/format.js';
import type { ImportSummary } from '../types.js';

const keys = ['toCreate', 'toUpdate', 'unchanged', 'toDeactivate', 'errorCount'] as const;

/** The counts of a dry run or an apply; each value carries data-testid="import-summary-<key>". */
export function SummaryCounts({ summary, applied }: { summary: ImportSummary; applied: boolean }) {
  const { t, i18n } = useTranslation('admin');
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} component="dl" spacing="sm">
      {keys.map((key) => (
        <Paper key={key} withBorder p="sm">
          <Text component="dt" size="sm" c="dimmed">
            {t(`import.summary.${applied ? 'applied' : 'planned'}.${key}`)}
          </Text>
          <Text
            component="dd"
            m={0}
            fz="xl"
            fw={700}
            c={key === 'errorCount' && summary[key] > 0 ? 'red' : key === 'toDeactivate' && summary[key] > 0 ? 'orange' : 'inherit'}
            data-testid={`import-summary-${key}`}
            data-value={summary[key]}
          >
            {formatNumber(summary[key], i18n.language)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
