import { Anchor, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Callout } from '../../../admin/components/Callout.js';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { api } from '../../../api.js';
import { localized, missingOf, progressOf, valuesOf, visibleQuestions } from '../answer-logic.js';
import { AuditStatusBadge } from '../components/AuditStatusBadge.js';
import { CommentThread } from '../components/CommentThread.js';
import { EvidenceList } from '../components/EvidenceList.js';
import { auditsApi, auditsKeys } from '../endpoints.js';
import type { Evidence, PortalDetail } from '../types.js';
import { AnswersSpreadsheet } from './AnswersSpreadsheet.js';
import { EvidenceUpload } from './EvidenceUpload.js';
import { QuestionCard } from './QuestionCard.js';
import { RemediationSection } from './RemediationSection.js';
import { hasRemediation } from './remediation-logic.js';
import { SharingAgreement } from './SharingAgreement.js';
import { SubmitPanel } from './SubmitPanel.js';

/** One audit in the provider portal: the sign-in link of the notice email lands here (/portal/audits/:auditId). */
export function PortalAuditPage() {
  const { auditId = '' } = useParams();
  const { t } = useTranslation('suppliersAudits');
  const detail = useQuery({ queryKey: auditsKeys.portalAudit(auditId), queryFn: () => api<PortalDetail>(auditsApi.portalAudit(auditId)) });
  return (
    <>
      <Anchor component={Link} to="/portal/audits" size="sm">
        {t('portal.back')}
      </Anchor>
      <ListStatus isPending={detail.isPending} error={detail.error} isEmpty={false} emptyTitle="">
        {detail.data ? <PortalAudit audit={detail.data} /> : null}
      </ListStatus>
    </>
  );
}

function PortalAudit({ audit }: { audit: PortalDetail }) {
  const { t, i18n } = useTranslation('suppliersAudits');
  const queryClient = useQueryClient();
  const key = auditsKeys.portalAudit(audit.id);
  // Answers chosen but not yet confirmed by the server, so conditional questions appear at once.
  const [typed, setTyped] = useState<Map<string, unknown>>(new Map());
  const [removing, setRemoving] = useState<Evidence | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const grid = audit.grid.definition;
  const values = useMemo(() => {
    const merged = valuesOf(audit.answers);
    for (const [id, v] of typed)
      if (v === undefined) merged.delete(id);
      else merged.set(id, v);
    return merged;
  }, [audit.answers, typed]);
  const visible = visibleQuestions(grid, values);
  const shown = new Set(visible.map((q) => q.id));
  const progress = progressOf(grid, values);
  const missing = missingOf(grid, valuesOf(audit.answers), audit.evidence);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const saved = (next: PortalDetail) => {
    queryClient.setQueryData(key, next);
    void queryClient.invalidateQueries({ queryKey: auditsKeys.portal, exact: true });
  };
  const post = async (body: string, questionId: string | null) => {
    await api(auditsApi.portalComments(audit.id), { body: questionId ? { body, questionId } : { body } });
    await refresh();
  };
  const remove = async () => {
    if (!removing) return;
    try {
      await api<void>(auditsApi.portalEvidenceFile(audit.id, removing.id), { method: 'DELETE' });
      setRemoving(null);
      await refresh();
    } catch (e) {
      setRemoveError(e);
    }
  };
  const canComment = !['planned', 'cancelled', 'closed'].includes(audit.status);
  const title = i18n.language.startsWith('en') ? audit.grid.titleEn : audit.grid.titleFr;

  return (
    <Stack gap="lg" mt="sm">
      <div>
        <Group gap="sm" wrap="wrap">
          <Title order={1} size="h2">
            {audit.title}
          </Title>
          <AuditStatusBadge status={audit.status} />
        </Group>
        <Text size="sm">{t('portal.requestedBy', { name: audit.establishmentName })}</Text>
        <Text size="sm" c="dimmed">
          {t('portal.dueOn', { date: audit.dueOn })} · {t('portal.grid', { title })}
        </Text>
      </div>
      {audit.readOnly ? (
        <Callout color="blue" title={t('portal.readOnlyTitle')}>
          {audit.submittedAt ? t('portal.readOnlySubmitted', { date: audit.submittedAt.slice(0, 10) }) : t('portal.readOnlyClosed')}
        </Callout>
      ) : null}
      {audit.shared ? <SharingAgreement audit={audit} onAgreed={saved} /> : null}
      {hasRemediation(audit.status) ? (
        <RemediationSection auditId={audit.id} status={audit.status} maxBytes={audit.evidenceMaxBytes} />
      ) : null}
      <Paper withBorder p="md" radius="md">
        <Text size="sm" id="progress-label" mb={6}>
          {t('portal.progress', { answered: progress.answered, visible: progress.visible })}
        </Text>
        <Progress value={progress.percent} aria-labelledby="progress-label" size="lg" />
      </Paper>
      <AnswersSpreadsheet auditId={audit.id} readOnly={audit.readOnly} onImported={() => void refresh()} />
      {grid.sections.map((section) => {
        const questions = section.questions.filter((q) => shown.has(q.id));
        if (questions.length === 0) return null;
        return (
          <Stack key={section.id} gap="sm" component="section" aria-labelledby={`s-${section.id}`}>
            <Title id={`s-${section.id}`} order={2} size="h3">
              {localized(section.title, i18n.language)}
            </Title>
            {questions.map((q) => (
              <QuestionCard
                key={q.id}
                auditId={audit.id}
                maxBytes={audit.evidenceMaxBytes}
                question={q}
                number={visible.indexOf(q) + 1}
                saved={audit.answers.find((a) => a.questionId === q.id)}
                evidence={audit.evidence.filter((e) => e.questionId === q.id)}
                comments={audit.comments.filter((c) => c.questionId === q.id)}
                readOnly={audit.readOnly}
                canComment={canComment}
                onLocalChange={(id, v) => setTyped((m) => new Map(m).set(id, v))}
                onSaved={saved}
                onEvidenceChanged={() => void refresh()}
                onDeleteEvidence={(e) => {
                  setRemoveError(null);
                  setRemoving(e);
                }}
                onPostComment={post}
              />
            ))}
          </Stack>
        );
      })}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="general-files">
        <Stack gap="sm">
          <Title id="general-files" order={2} size="h4">
            {t('portal.generalFiles')}
          </Title>
          <EvidenceList
            items={audit.evidence.filter((e) => e.questionId === null && e.findingId === null)}
            hrefOf={(e) => auditsApi.portalEvidenceFile(audit.id, e.id)}
            onDelete={audit.readOnly ? undefined : (e) => setRemoving(e)}
          />
          {audit.readOnly ? null : (
            <EvidenceUpload
              auditId={audit.id}
              questionId={null}
              questionLabel={t('portal.generalFiles')}
              maxBytes={audit.evidenceMaxBytes}
              onUploaded={() => void refresh()}
            />
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="general-thread">
        <Title id="general-thread" order={2} size="h4" mb="sm">
          {t('thread.generalTitle')}
        </Title>
        <CommentThread
          comments={audit.comments.filter((c) => c.questionId === null)}
          label={t('thread.aboutAudit')}
          onPost={canComment ? (body) => post(body, null) : undefined}
        />
      </Paper>
      {audit.readOnly ? null : (
        <SubmitPanel
          auditId={audit.id}
          missing={missing}
          visible={visible}
          label={(q) => localized(q.text, i18n.language)}
          onSubmitted={saved}
        />
      )}
      <ConfirmModal
        opened={removing !== null}
        title={t('evidence.deleteTitle')}
        confirmLabel={t('evidence.delete')}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(null)}
        error={removeError}
      >
        {t('evidence.deleteText', { name: removing?.fileName ?? '' })}
      </ConfirmModal>
      <Group>
        <Button component={Link} to="/portal/audits" variant="default">
          {t('portal.back')}
        </Button>
      </Group>
    </Stack>
  );
}
