import { Button, Center, Group, Loader, Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { useUrlState } from '../../../admin/components/useUrlState.js';
import { api } from '../../../api.js';
import { NotAvailable } from '../common.js';
import { isLive } from '../display.js';
import { campaignApi, campaignKeys, isNotFound, type Owner } from '../endpoints.js';
import { type Campaign, type CampaignResults, type ResultsDimension, resultsDimensions } from '../types.js';
import { ResultsBreakdown } from './ResultsBreakdown.js';
import { ResultsFigures } from './ResultsFigures.js';
import { TimeToReport } from './TimeToReport.js';

export const REFRESH_MS = 15_000;

/** The results of an organization's campaign (for a member of a territory campaign: its own staff only). */
export function ResultsPanel({ owner, campaign }: { owner: Owner; campaign: Campaign }) {
  const { t } = useTranslation('phishingCampaigns');
  const [state, set] = useUrlState({ by: 'service' });
  const by = (resultsDimensions as readonly string[]).includes(state.by) ? (state.by as ResultsDimension) : 'service';
  const results = useQuery({
    queryKey: campaignKeys.results(owner, campaign.id, by),
    queryFn: () => api<CampaignResults>(`${campaignApi.results(owner, campaign.id)}?by=${by}`),
    placeholderData: keepPreviousData,
    refetchInterval: isLive(campaign.status) ? REFRESH_MS : false,
    enabled: campaign.status !== 'draft',
  });
  if (campaign.status === 'draft') return <NotAvailable title={t('results.draftTitle')} description={t('results.draftText')} />;
  if (results.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (isNotFound(results.error)) return <NotAvailable />;
  if (results.error) return <ErrorAlert error={results.error} />;
  const r = results.data;
  if (!r) return null;
  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('results.title')}
        </Title>
        {owner.kind === 'org' ? (
          <Group gap="sm">
            <Button component="a" variant="default" href={`${campaignApi.resultsCsv(owner.id, campaign.id)}?by=${by}`} download>
              {t('results.csv')}
            </Button>
            <Button component="a" variant="default" href={campaignApi.reportPdf(owner.id, campaign.id)} download>
              {t('results.pdf')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <ResultsFigures results={r} />
      <TimeToReport buckets={r.timeToReport.buckets} medianBucket={r.timeToReport.medianBucket} />
      <ResultsBreakdown results={r} by={by} onBy={(b) => set({ by: b })} />
    </Stack>
  );
}
