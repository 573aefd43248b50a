import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Callout } from '../../../admin/components/Callout.js';
import { formatDateTime } from '../../../admin/components/format.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { useMe } from '../../../me.js';
import { useCurrentScope } from '../../../shell/scope.js';
import { AuditStatusBadge } from '../components/AuditStatusBadge.js';
import { CommentThread } from '../components/CommentThread.js';
import { EvidenceList } from '../components/EvidenceList.js';
import { auditsApi, auditsKeys } from '../endpoints.js';
import type { AuditDetail } from '../types.js';
import { AnswersExport } from './AnswersExport.js';
import { AuditActions } from './AuditActions.js';
import { AuditAnswers } from './AuditAnswers.js';

/** One audit as the establishment sees it (thread and submission emails link here). */
export function AuditDetailPage() {
  return <WithOrg>{(orgId) => <AuditDetailOf orgId={orgId} />}</WithOrg>;
}

const reviewable = new Set(['submitted', 'in_review', 'remediation', 'closed']);

function AuditDetailOf({ orgId }: { orgId: string }) {
  const { auditId = '' } = useParams();
  const { t, i18n } = useTranslation('suppliersAudits');
  const queryClient = useQueryClient();
  const { territoryId } = useCurrentScope();
  const me = useMe();
  const key = auditsKeys.audit(orgId, auditId);
  const detail = useQuery({ queryKey: key, queryFn: () => api<AuditDetail>(auditsApi.audit(orgId, auditId)) });
  const grants = me.data?.account?.grants ?? [];
  const mfa = me.data?.account?.mfaVerified ?? false;
  const has = (...roles: string[]) => mfa && grants.some((g) => roles.includes(g.role));
  const canReview = has('org_admin', 'auditor', 'platform_admin');
  // The territory route shares as the coordinator of the territory chosen in the header; others share as the organization.
  const coordinates =
    territoryId !== null &&
    mfa &&
    grants.some((g) => g.role === 'platform_admin' || (g.role === 'territory_coordinator' && g.scopeId === territoryId));
  const update = (next: AuditDetail) => {
    queryClient.setQueryData(key, next);
    void queryClient.invalidateQueries({ queryKey: auditsKeys.audits(orgId) });
  };
  const audit = detail.data;
  const canPost = audit?.role === 'lead' && canReview && !['planned', 'cancelled', 'closed'].includes(audit.status);
  const post = async (body: string, questionId: string | null) => {
    await api(auditsApi.comments(orgId, auditId), { body: questionId ? { body, questionId } : { body } });
    await queryClient.invalidateQueries({ queryKey: key });
  };
  const lang = i18n.language;
  return (
    <>
      <Anchor component={Link} to="/suppliers/audits" size="sm">
        {t('audits.back')}
      </Anchor>
      <ListStatus isPending={detail.isPending} error={detail.error} isEmpty={false} emptyTitle="">
        {audit ? (
          <Stack gap="lg" mt="sm">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <div>
                <Group gap="sm">
                  <Title order={1} size="h2">
                    {audit.title}
                  </Title>
                  <AuditStatusBadge status={audit.status} />
                </Group>
                <Text size="sm" c="dimmed">
                  {t(`kind.${audit.kind}`, { defaultValue: audit.kind })} ·{' '}
                  {t(audit.role === 'lead' ? 'audits.roleLead' : 'audits.roleParticipant')}
                </Text>
              </div>
              <AuditActions
                orgId={orgId}
                audit={audit}
                territoryId={coordinates ? territoryId : null}
                canManage={has('org_admin', 'platform_admin', 'territory_coordinator')}
                onChanged={update}
              />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <Fact label={t('fields.provider')} value={audit.supplierName} />
              <Fact label={t('fields.dueOn')} value={audit.dueOn} />
              <Fact label={t('fields.grid')} value={lang.startsWith('en') ? audit.grid.titleEn : audit.grid.titleFr} />
              <Fact
                label={t('fields.noticeSentAt')}
                value={audit.noticeSentAt ? formatDateTime(audit.noticeSentAt, lang) : t('audits.noNotice')}
              />
            </SimpleGrid>
            {audit.shared ? (
              <Callout color={audit.providerAgreedSharedAt ? 'teal' : 'orange'} title={t('sharing.participants')}>
                <List size="sm">
                  {audit.participants.map((p) => (
                    <List.Item key={p.organizationId}>{p.name}</List.Item>
                  ))}
                </List>
                <Text size="sm" mt="xs">
                  {audit.providerAgreedSharedAt
                    ? t('sharing.agreedOn', { date: audit.providerAgreedSharedAt.slice(0, 10) })
                    : t('sharing.waiting')}
                </Text>
              </Callout>
            ) : null}
            <Paper withBorder p="md" component="section" aria-labelledby="answers-heading">
              <Title id="answers-heading" order={2} size="h3" mb="sm">
                {t('audits.answers')}
              </Title>
              <AnswersExport orgId={orgId} auditId={audit.id} />
              {!audit.answersVisible ? (
                <Text size="sm" c="dimmed">
                  {t('audits.answersHidden')}
                </Text>
              ) : audit.status === 'planned' ? (
                <Text size="sm" c="dimmed">
                  {t('audits.notOpenYet')}
                </Text>
              ) : (
                <AuditAnswers orgId={orgId} audit={audit} onPost={canPost ? post : undefined} />
              )}
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="files-heading">
              <Title id="files-heading" order={2} size="h3" mb="sm">
                {t('audits.files')}
              </Title>
              <EvidenceList items={audit.evidence} hrefOf={(e) => auditsApi.evidenceFile(orgId, audit.id, e.id)} />
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="thread-heading">
              <Title id="thread-heading" order={2} size="h3" mb="sm">
                {t('thread.generalTitle')}
              </Title>
              <CommentThread
                comments={audit.comments.filter((c) => c.questionId === null)}
                label={t('thread.aboutAudit')}
                onPost={canPost ? (body) => post(body, null) : undefined}
              />
            </Paper>
            {canReview ? (
              <Paper withBorder p="md" component="section" aria-labelledby="review-heading">
                <Title id="review-heading" order={2} size="h3" mb="xs">
                  {t('review.title')}
                </Title>
                <Text size="sm" mb="sm">
                  {reviewable.has(audit.status) ? t('review.ready') : t('review.notYet')}
                </Text>
                <Button component={Link} to={`/suppliers/audits/${encodeURIComponent(audit.id)}/review`} variant="light">
                  {t('review.link')}
                </Button>
              </Paper>
            ) : null}
          </Stack>
        ) : null}
      </ListStatus>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </div>
  );
}
