import { Anchor, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Callout } from '../admin/components/Callout.js';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { api } from '../api.js';
import { WithOrg } from '../learning/admin/components/scoped.js';
import { useCanManageMaturity } from './can-manage.js';
import { maturityApi, maturityKeys } from './endpoints.js';
import { Questionnaire } from './Questionnaire.js';
import { RadarChart } from './RadarChart.js';
import { Recommendations } from './Recommendations.js';
import type { Diagnostic, Referential } from './types.js';

/** One diagnostic: the questionnaire while it is a draft, the restitution once completed. */
export function DiagnosticPage() {
  const { diagnosticId = '' } = useParams();
  return <WithOrg>{(orgId) => <OneDiagnostic orgId={orgId} diagnosticId={diagnosticId} />}</WithOrg>;
}

function OneDiagnostic({ orgId, diagnosticId }: { orgId: string; diagnosticId: string }) {
  const { t, i18n } = useTranslation('maturity');
  const canManage = useCanManageMaturity(orgId);
  const detail = useQuery({
    queryKey: maturityKeys.one(orgId, diagnosticId),
    queryFn: () => api<Diagnostic>(maturityApi.diagnostic(orgId, diagnosticId)),
  });
  const variant = detail.data?.variant;
  const referential = useQuery({
    queryKey: maturityKeys.referential(variant ?? ''),
    queryFn: () => api<Referential>(maturityApi.referential(variant ?? 'full')),
    enabled: detail.data?.status === 'draft',
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (detail.isPending || (detail.data?.status === 'draft' && referential.isPending)) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('detail.loading')} />
      </Center>
    );
  }
  if (detail.error || !detail.data) return <ErrorAlert error={detail.error} />;
  const d = detail.data;
  const day = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'long' });
  const title = d.status === 'completed' ? t('detail.resultsTitle') : t('detail.draftTitle');
  return (
    <>
      <Anchor component={Link} to="/maturity" size="sm">
        {t('detail.back')}
      </Anchor>
      <PageHeader
        title={title}
        description={t(d.status === 'completed' ? 'detail.completedOn' : 'detail.startedOn', {
          variant: t(`variants.${d.variant}.name`),
          date: day(d.completedAt ?? d.createdAt),
        })}
        actions={
          d.status === 'completed' ? (
            <Button component="a" href={maturityApi.report(orgId, d.id)} download variant="default">
              {t('results.pdf')}
            </Button>
          ) : null
        }
      />
      {d.status === 'draft' ? (
        referential.error || !referential.data ? (
          <ErrorAlert error={referential.error} />
        ) : referential.data.versionId !== d.referential.versionId ? (
          <Callout color="orange" title={t('detail.oldVersionTitle')}>
            {t('detail.oldVersion')}
          </Callout>
        ) : (
          <>
            {canManage ? null : (
              <Text size="sm" c="dimmed" mb="sm">
                {t('questionnaire.readOnly')}
              </Text>
            )}
            <Questionnaire orgId={orgId} diagnostic={d} referential={referential.data} readOnly={!canManage} />
          </>
        )
      ) : (
        <Results orgId={orgId} diagnostic={d} canManage={canManage} />
      )}
    </>
  );
}

function Results({ orgId, diagnostic: d, canManage }: { orgId: string; diagnostic: Diagnostic; canManage: boolean }) {
  const { t } = useTranslation('maturity');
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="maturity-overall">
        <Group align="flex-end" gap="md" wrap="wrap">
          <div>
            <Title order={2} size="h3" id="maturity-overall">
              {t('results.overall')}
            </Title>
            <Text size="xl" fw={700} mt={4}>
              {d.scores.overall === null ? '—' : t('results.outOf100', { score: d.scores.overall })}
            </Text>
          </div>
          <Text size="sm" c="dimmed" maw={480}>
            {t('results.overallExplained')}
          </Text>
        </Group>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="maturity-themes">
        <Title order={2} size="h3" id="maturity-themes" mb="sm">
          {t('results.byTheme')}
        </Title>
        <RadarChart themes={d.scores.themes} />
      </Paper>
      <Recommendations orgId={orgId} diagnosticId={d.id} recommendations={d.recommendations} canManage={canManage} />
    </Stack>
  );
}
