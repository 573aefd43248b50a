import { Anchor, Badge, Button, Card, Center, Divider, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { registerApi, registerKeys } from '../endpoints.js';
import { optionLabels, scoreText } from './answer-text.js';
import { CostsPanel } from './CostsPanel.js';
import { FindingCard } from './FindingCard.js';
import { FindingModal } from './FindingModal.js';
import { QuestionRating } from './QuestionRating.js';
import type { Finding, ReviewView } from './types.js';

/** The auditor's side of a submitted audit: ratings, scores, findings and their plans, costs, report. */
export function ReviewPage() {
  const { auditId = '' } = useParams();
  return <WithOrg>{(orgId) => <Review orgId={orgId} auditId={auditId} />}</WithOrg>;
}

function Review({ orgId, auditId }: { orgId: string; auditId: string }) {
  const { t, i18n } = useTranslation('suppliersRegister');
  const queryClient = useQueryClient();
  const [findingFrom, setFindingFrom] = useState<{ questionId: string | null; title: string } | undefined>();
  const [completing, setCompleting] = useState(false);
  const key = registerKeys.review(orgId, auditId);
  const review = useQuery({ queryKey: key, queryFn: () => api<ReviewView>(registerApi.review(orgId, auditId)) });
  const findings = useQuery({
    queryKey: [...key, 'findings'],
    queryFn: () => api<{ items: Finding[] }>(registerApi.auditFindings(orgId, auditId)),
  });
  const evidence = useQuery({
    queryKey: [...key, 'evidence'],
    queryFn: () => api<Array<{ id: string; fileName: string }>>(registerApi.auditEvidence(orgId, auditId)),
  });
  const detail = useQuery({
    queryKey: [...key, 'grid'],
    queryFn: () =>
      api<{ grid: { definition: Parameters<typeof optionLabels>[0] }; visibleQuestionIds: string[] }>(registerApi.audit(orgId, auditId)),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const labels = optionLabels(detail.data?.grid.definition, i18n.language);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: registerKeys.findings(orgId) });
  };
  const start = useMutation({
    mutationFn: () => api<ReviewView>(registerApi.review(orgId, auditId), { method: 'POST' }),
    onSuccess: refresh,
  });
  const complete = useMutation({
    mutationFn: () => api<ReviewView>(registerApi.reviewComplete(orgId, auditId), { method: 'POST' }),
    onSuccess: () => {
      setCompleting(false);
      refresh();
    },
  });
  if (review.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (review.error) return <ErrorAlert error={review.error} />;
  const { audit, grid, score } = review.data;
  const inReview = audit.lead && audit.status === 'in_review';
  const canOpenFindings = audit.lead && (audit.status === 'in_review' || audit.status === 'remediation');
  const openFindings = findings.data?.items.filter((f) => f.status !== 'closed').length ?? 0;
  return (
    <>
      <PageHeader
        title={t('review.title', { title: audit.title })}
        description={
          <Group gap="xs">
            <Anchor component={Link} to={`/suppliers/audits/${encodeURIComponent(audit.id)}`}>
              {t('review.backToAudit')}
            </Anchor>
            <Anchor component={Link} to={`/suppliers/${encodeURIComponent(audit.supplierId)}`}>
              {audit.supplierName}
            </Anchor>
            <Badge variant="light">{t(`auditStatuses.${audit.status}`, { defaultValue: audit.status })}</Badge>
            {audit.shared ? <Badge variant="outline">{t('review.shared')}</Badge> : null}
          </Group>
        }
        actions={
          <>
            <Button component="a" variant="default" href={registerApi.report(orgId, auditId)} target="_blank" rel="noopener">
              {t('review.report')}
            </Button>
            {audit.lead && audit.status === 'submitted' ? (
              <Button onClick={() => start.mutate()} loading={start.isPending}>
                {t('review.start')}
              </Button>
            ) : null}
            {inReview ? (
              <Button
                onClick={() => {
                  complete.reset();
                  setCompleting(true);
                }}
              >
                {t('review.complete')}
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={start.error} />
      <Card withBorder mb="lg" component="section" aria-labelledby="score-heading">
        <Title id="score-heading" order={2} size="h3">
          {t('review.score', { score: scoreText(score.score, i18n.language) })}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('review.counts', { ...score.counts })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
          {score.sections.map((s) => (
            <Text key={s.sectionId} size="sm">
              {t('review.sectionScore', { title: s.title, score: scoreText(s.score, i18n.language) })}
            </Text>
          ))}
        </SimpleGrid>
      </Card>
      <Stack gap="lg">
        {grid.sections.map((section) => (
          <section key={section.id} aria-labelledby={`section-${section.id}`}>
            <Title id={`section-${section.id}`} order={2} size="h4" mb="xs">
              {section.title}
            </Title>
            <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }}>
              {section.questions.map((q) => (
                <QuestionRating
                  key={`${q.id}-${q.ratedAt ?? ''}`}
                  orgId={orgId}
                  auditId={auditId}
                  question={q}
                  options={labels.get(q.id)}
                  asked={detail.data ? detail.data.visibleQuestionIds.includes(q.id) : true}
                  editable={inReview}
                  onRated={refresh}
                  onOpenFinding={(question) => setFindingFrom({ questionId: question.id, title: question.text.slice(0, 200) })}
                />
              ))}
            </Stack>
          </section>
        ))}
      </Stack>
      <Divider my="lg" />
      <section aria-labelledby="findings-heading">
        <Group justify="space-between" mb="sm">
          <Title id="findings-heading" order={2} size="h3">
            {t('findings.auditTitle', { count: findings.data?.items.length ?? 0 })}
          </Title>
          {canOpenFindings ? (
            <Button variant="light" onClick={() => setFindingFrom({ questionId: null, title: '' })}>
              {t('findings.openGeneral')}
            </Button>
          ) : null}
        </Group>
        <ErrorAlert error={findings.error} />
        {findings.data?.items.length === 0 ? <Text c="dimmed">{t('findings.noneInAudit')}</Text> : null}
        <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }}>
          {findings.data?.items.map((f) => (
            <FindingCard key={f.id} orgId={orgId} finding={f} lead={audit.lead} evidence={evidence.data ?? []} onChanged={refresh} />
          ))}
        </Stack>
      </section>
      <Divider my="lg" />
      <CostsPanel orgId={orgId} auditId={auditId} lead={audit.lead} />
      <FindingModal
        orgId={orgId}
        auditId={auditId}
        from={findingFrom}
        onClose={() => setFindingFrom(undefined)}
        onCreated={() => {
          setFindingFrom(undefined);
          refresh();
        }}
      />
      <ConfirmModal
        opened={completing}
        title={t('review.completeTitle')}
        confirmLabel={t('review.complete')}
        color="blue.9"
        onConfirm={() => complete.mutate()}
        onClose={() => setCompleting(false)}
        loading={complete.isPending}
        error={complete.error}
      >
        {openFindings > 0 ? t('review.completeWithFindings', { count: openFindings }) : t('review.completeNoFindings')}
      </ConfirmModal>
    </>
  );
}
