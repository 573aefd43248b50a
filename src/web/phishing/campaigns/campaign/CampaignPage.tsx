import { Alert, Center, Group, Loader, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { DifficultyBadge, StatusBadge, useFormatDate, useViewer, WithOwner } from '../common.js';
import { formatCount, isLive, sentPercent } from '../display.js';
import { campaignApi, campaignKeys, type Owner } from '../endpoints.js';
import type { Campaign } from '../types.js';
import { CampaignActions } from './CampaignActions.js';
import { RecipientsList } from './RecipientsList.js';
import { REFRESH_MS, ResultsPanel } from './ResultsPanel.js';
import { TerritoryResultsPanel } from './TerritoryResults.js';

/** One campaign: where it stands, what can be done with it, and its results (refreshed while emails leave). */
export function CampaignPage({ kind }: { kind: Owner['kind'] }) {
  return <WithOwner kind={kind}>{(owner) => <CampaignView owner={owner} />}</WithOwner>;
}

function CampaignView({ owner }: { owner: Owner }) {
  const { t, i18n } = useTranslation('phishingCampaigns');
  const l = i18n.language;
  const { campaignId = '' } = useParams();
  const viewer = useViewer();
  const date = useFormatDate();
  const campaign = useQuery({
    queryKey: campaignKeys.campaign(owner, campaignId),
    queryFn: () => api<Campaign>(campaignApi.campaign(owner, campaignId)),
    refetchInterval: (q) => (q.state.data && isLive(q.state.data.status) ? REFRESH_MS : false),
  });
  if (campaign.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (campaign.error || !campaign.data) return <ErrorAlert error={campaign.error} />;
  const c = campaign.data;
  const shared = owner.kind === 'org' && c.territoryId !== null;
  const p = c.progress;
  return (
    <Stack gap="xl">
      <PageHeader
        title={c.name}
        description={
          <Group gap="xs">
            <StatusBadge status={c.status} />
            <DifficultyBadge difficulty={c.difficulty} />
            {c.anonymous ? <Text size="sm">{t('campaign.anonymous')}</Text> : null}
          </Group>
        }
        actions={<CampaignActions owner={owner} campaign={c} />}
      />
      {shared ? <Alert color="grape">{t('campaign.sharedNote')}</Alert> : null}
      {c.status === 'draft' ? null : (
        <Paper withBorder p="md" component="section" aria-labelledby="progress-heading">
          <Text id="progress-heading" component="h2" fw={700} mb="xs">
            {t('campaign.progressTitle')}
          </Text>
          <Progress value={sentPercent(p)} size="lg" aria-label={t('campaign.progressTitle')} mb="xs" />
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label={t('results.counters.targets')} value={formatCount(p.targets, l)} />
            <Figure label={t('campaign.sent')} value={formatCount(p.sent, l)} />
            <Figure label={t('results.counters.delivered')} value={formatCount(p.delivered, l)} />
            <Figure label={t('campaign.failed')} value={formatCount(p.failed, l)} />
          </SimpleGrid>
          <Text size="sm" c="dimmed" mt="xs">
            {t('campaign.period', { from: date(c.launchAt), to: date(c.spreadUntil ?? c.launchAt) })}
            {isLive(c.status) ? ` · ${t('campaign.autoRefresh')}` : ''}
          </Text>
        </Paper>
      )}
      {owner.kind === 'territory' ? <TerritoryResultsPanel owner={owner} campaign={c} /> : <ResultsPanel owner={owner} campaign={c} />}
      {owner.kind === 'org' && viewer.individual && !c.anonymous && !shared && c.status !== 'draft' ? (
        <RecipientsList orgId={owner.id} campaignId={c.id} />
      ) : null}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </div>
  );
}
