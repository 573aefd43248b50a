import { Center, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { NoOrgState } from '../../../admin/components/NoOrgState.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { useCurrentScope } from '../../../shell/scope.js';
import { NotAvailable, useFormatDate, useViewer } from '../common.js';
import { campaignApi, isNotFound } from '../endpoints.js';
import { readTransparency, type Transparency } from './transparency.js';

/** What every staff member should know about the phishing simulations of their organization. */
export function TransparencyPage() {
  const { orgId } = useCurrentScope();
  const viewer = useViewer();
  // A staff member reads the page of the organization they work for; admins, of the one chosen.
  const id = viewer.personOrganizationId ?? orgId;
  if (!id) return <NoOrgState />;
  return <About orgId={id} />;
}

function About({ orgId }: { orgId: string }) {
  const { t } = useTranslation('phishingCampaigns');
  const answer = useQuery({
    queryKey: ['phishingCampaigns', 'org', orgId, 'transparency'],
    queryFn: () => api<unknown>(campaignApi.transparency(orgId)),
    retry: false,
  });
  return (
    <Stack gap="lg" maw={820}>
      <PageHeader title={t('about.title')} description={t('about.description')} />
      {answer.isPending ? (
        <Center py="xl" role="status">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : isNotFound(answer.error) ? (
        <NotAvailable title={t('about.unavailableTitle')} description={t('about.unavailableText')} />
      ) : answer.error ? (
        <ErrorAlert error={answer.error} />
      ) : (
        <Facts facts={readTransparency(answer.data)} />
      )}
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title id={id} order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

function Facts({ facts: f }: { facts: Transparency }) {
  const { t } = useTranslation('phishingCampaigns');
  const date = useFormatDate();
  const bullets = (xs: string[], fallbackKey: string) => (
    <List spacing={4} size="sm">
      {(xs.length ? xs : (t(fallbackKey, { returnObjects: true }) as unknown as string[])).map((x) => (
        <List.Item key={x}>{x}</List.Item>
      ))}
    </List>
  );
  const paragraph = (text: string | null, fallbackKey: string) => <Text size="sm">{text ?? t(fallbackKey)}</Text>;
  return (
    <Stack gap="lg">
      {f.note ? (
        <Paper withBorder p="md" bg="var(--mantine-color-blue-0)">
          <Text fw={600} mb={4}>
            {f.organizationName ? t('about.noteFrom', { name: f.organizationName }) : t('about.note')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {f.note}
          </Text>
        </Paper>
      ) : null}
      <Section id="about-simulated" title={t('about.simulatedTitle')}>
        {paragraph(f.simulated, 'about.simulatedDefault')}
        {f.purpose ? (
          <Text size="sm" mt="xs">
            {f.purpose}
          </Text>
        ) : null}
      </Section>
      <Section id="about-recorded" title={t('about.recordedTitle')}>
        {bullets(f.recorded, 'about.recordedDefault')}
      </Section>
      <Section id="about-never" title={t('about.neverTitle')}>
        {bullets(f.neverRecorded, 'about.neverDefault')}
      </Section>
      {f.whoSees.length ? (
        <Section id="about-who" title={t('about.whoSeesTitle')}>
          {bullets(f.whoSees, 'about.neverDefault')}
        </Section>
      ) : null}
      <Section id="about-retention" title={t('about.retentionTitle')}>
        {paragraph(
          f.retention ?? (f.retentionDays !== null ? t('about.retention', { count: f.retentionDays }) : null),
          'about.retentionUnknown',
        )}
        {f.anonymous || f.anonymousDefault !== null ? (
          <Text size="sm" mt="xs">
            {f.anonymous ?? (f.anonymousDefault ? t('about.anonymousOn') : t('about.anonymousOff'))}
          </Text>
        ) : null}
      </Section>
      <Section id="about-report" title={t('about.reportTitle')}>
        {f.reportAddress && !f.reporting ? (
          <Text size="sm" fw={600}>
            {t('about.reportAddress', { address: f.reportAddress })}
          </Text>
        ) : null}
        {paragraph(f.reporting, f.reportAddress ? 'about.reportAlways' : 'about.reportNoAddress')}
      </Section>
      {f.recentCampaigns.length ? (
        <Section id="about-recent" title={t('about.recentTitle')}>
          <List spacing={4} size="sm">
            {f.recentCampaigns.map((c) => (
              <List.Item key={`${c.name}-${c.launchedAt}`}>
                {t('about.recentItem', { name: c.name, from: date(c.launchedAt, false), to: date(c.endedAt, false) })}
              </List.Item>
            ))}
          </List>
        </Section>
      ) : null}
    </Stack>
  );
}
