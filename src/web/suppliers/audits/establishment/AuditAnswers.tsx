import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeValue, localized } from '../answer-logic.js';
import { CommentThread } from '../components/CommentThread.js';
import { EvidenceList } from '../components/EvidenceList.js';
import { auditsApi } from '../endpoints.js';
import type { AuditDetail } from '../types.js';

interface Props {
  orgId: string;
  audit: AuditDetail;
  /** Present when this organization may write in the thread. */
  onPost?: ((body: string, questionId: string) => Promise<unknown>) | undefined;
}

/** The provider's answers as asked (conditions applied), each with its files and its part of the thread. */
export function AuditAnswers({ orgId, audit, onPost }: Props) {
  const { t, i18n } = useTranslation('suppliersAudits');
  const lang = i18n.language;
  const shown = new Set(audit.visibleQuestionIds);
  const words = { yes: t('answer.yes'), no: t('answer.no'), partial: t('answer.partial') };
  let n = 0;
  return (
    <Stack gap="md">
      {audit.grid.definition.sections.map((section) => {
        const questions = section.questions.filter((q) => shown.has(q.id));
        if (questions.length === 0) return null;
        return (
          <Stack key={section.id} gap="xs" component="section" aria-labelledby={`s-${section.id}`}>
            <Title id={`s-${section.id}`} order={3} size="h4">
              {localized(section.title, lang)}
            </Title>
            {questions.map((q) => {
              n += 1;
              const answer = audit.answers.find((a) => a.questionId === q.id);
              const files = audit.evidence.filter((e) => e.questionId === q.id);
              const comments = audit.comments.filter((c) => c.questionId === q.id);
              return (
                <Paper key={q.id} id={`q-${q.id}`} withBorder p="sm">
                  <Text size="sm" fw={600}>
                    {n}. {localized(q.text, lang)}
                    {q.reference ? ` (${q.reference})` : ''}
                  </Text>
                  <Text size="sm" mt={4}>
                    {answer ? (
                      describeValue(q, answer.value, lang, words)
                    ) : (
                      <Text span c="dimmed">
                        {t('answer.none')}
                      </Text>
                    )}
                  </Text>
                  {answer?.comment ? (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {t('answer.commentShown', { comment: answer.comment })}
                    </Text>
                  ) : null}
                  {files.length > 0 ? <EvidenceList items={files} hrefOf={(e) => auditsApi.evidenceFile(orgId, audit.id, e.id)} /> : null}
                  {comments.length > 0 || onPost ? (
                    <details>
                      <summary>
                        <Text span size="sm">
                          {t('thread.questionToggle', { count: comments.length })}
                        </Text>
                      </summary>
                      <CommentThread
                        comments={comments}
                        label={t('thread.aboutQuestion', { n })}
                        onPost={onPost ? (body) => onPost(body, q.id) : undefined}
                      />
                    </details>
                  ) : null}
                </Paper>
              );
            })}
          </Stack>
        );
      })}
    </Stack>
  );
}
