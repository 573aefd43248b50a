import { Badge, Button, Card, Group, Radio, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { registerApi } from '../endpoints.js';
import { answerText } from './answer-text.js';
import { type Rating, type ReviewQuestion, ratings } from './types.js';

interface Props {
  orgId: string;
  auditId: string;
  question: ReviewQuestion;
  /** Labels of the question's options (choice questions), from the audit's frozen grid. */
  options: Map<string, string> | undefined;
  /** False for a conditional question the provider's answers did not call for. */
  asked: boolean;
  editable: boolean;
  onRated: () => void;
  onOpenFinding: (q: ReviewQuestion) => void;
}

/** One question: the provider's answer and comment, the auditor's rating and note. */
export function QuestionRating({ orgId, auditId, question: q, options, asked, editable, onRated, onOpenFinding }: Props) {
  const { t } = useTranslation('suppliersRegister');
  const [rating, setRating] = useState<Rating | ''>(q.rating ?? '');
  const [note, setNote] = useState(q.ratingNote);
  const save = useMutation({
    mutationFn: () => api<unknown>(registerApi.rating(orgId, auditId, q.id), { method: 'PUT', body: { rating, note: note.trim() } }),
    onSuccess: onRated,
  });
  const dirty = rating !== (q.rating ?? '') || note !== q.ratingNote;
  const words = { yes: t('review.yes'), no: t('review.no'), partial: t('review.partial') };
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {q.reference ? (
            <Badge variant="outline" style={{ flexShrink: 0 }}>
              {q.reference}
            </Badge>
          ) : null}
          <Text fw={600} id={`q-${q.id}`}>
            {q.text}
          </Text>
        </Group>
        {q.answer ? (
          <Text size="sm">
            <strong>{t('review.answer')}</strong> {answerText(q.answer.value, words, options)}
            {q.answer.comment ? ` — ${q.answer.comment}` : ''}
          </Text>
        ) : asked ? (
          <Text size="sm" c="orange.9">
            {t('review.unanswered')}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('review.notAsked')}
          </Text>
        )}
        {editable && q.answer ? (
          <>
            <Radio.Group
              value={rating}
              onChange={(v) => setRating(v as Rating)}
              label={<VisuallyHidden>{t('review.ratingFor', { question: q.text })}</VisuallyHidden>}
            >
              <Group gap="md" mt={4}>
                {ratings.map((r) => (
                  <Radio key={r} value={r} label={t(`ratings.${r}`)} />
                ))}
              </Group>
            </Radio.Group>
            <Group align="flex-end" gap="xs">
              <TextInput
                style={{ flex: 1, minWidth: 200 }}
                size="xs"
                label={t('review.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
              <Button
                size="xs"
                onClick={() => save.mutate()}
                loading={save.isPending}
                disabled={!rating || !dirty}
                aria-describedby={`q-${q.id}`}
              >
                {t('review.saveRating')}
              </Button>
            </Group>
          </>
        ) : q.rating ? (
          <Text size="sm">
            <strong>{t('review.rating')}</strong> {t(`ratings.${q.rating}`)}
            {q.ratingNote ? ` — ${q.ratingNote}` : ''}
          </Text>
        ) : null}
        <ErrorAlert error={save.error} />
        {editable && (q.rating === 'non_compliant' || q.rating === 'partial' || (!q.answer && asked)) ? (
          <Group>
            <Button size="xs" variant="light" color="red" c="red.9" onClick={() => onOpenFinding(q)} aria-describedby={`q-${q.id}`}>
              {t('findings.openFromQuestion')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
