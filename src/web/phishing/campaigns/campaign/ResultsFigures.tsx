import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount, formatRate } from '../display.js';
import type { CampaignResults } from '../types.js';

const steps = ['delivered', 'opened', 'clicked', 'submitted', 'scannerFlagged'] as const;

/** The headline (report rate) first, then each step of the funnel, then the difficulty-adjusted rates. */
export function ResultsFigures({ results: r }: { results: Pick<CampaignResults, 'campaign' | 'totals' | 'rates' | 'adjusted'> }) {
  const { t, i18n } = useTranslation('phishingCampaigns');
  const l = i18n.language;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="headline-heading" bg="var(--mantine-color-teal-0)">
        <Title id="headline-heading" order={2} size="h4">
          {t('results.headline')}
        </Title>
        <Text fz={40} fw={700} lh={1.2} data-testid="report-rate">
          {formatRate(r.rates.reported, l)}
        </Text>
        <Text size="sm">
          {t('results.headlineDetail', { reported: formatCount(r.totals.reported, l), delivered: formatCount(r.totals.delivered, l) })}
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
        {steps.map((s) => (
          <Paper key={s} withBorder p="sm">
            <Text size="sm" c="dimmed">
              {t(`results.counters.${s}`)}
            </Text>
            <Text fw={700} size="lg">
              {formatCount(r.totals[s], l)}
            </Text>
            <Text size="sm">{t(s === 'delivered' ? 'results.ofTargets' : 'results.ofDelivered', { rate: formatRate(r.rates[s], l) })}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder p="sm" component="section" aria-labelledby="adjusted-heading">
        <Title id="adjusted-heading" order={3} size="h5">
          {t('results.adjustedTitle')}
        </Title>
        <Text size="sm">
          {t('results.adjustedValues', { reported: formatRate(r.adjusted.reported, l), clicked: formatRate(r.adjusted.clicked, l) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('results.adjustedExplain', {
            difficulty: t(`difficulties.${r.campaign.difficulty}`, { defaultValue: r.campaign.difficulty }),
          })}
        </Text>
      </Paper>
    </Stack>
  );
}
