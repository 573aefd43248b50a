import { Badge, Button, Collapse, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { useErrorText } from '../../../shell/use-report-error.js';
import { type AnswerInput, fromInput, localized, sameValue, toInput } from '../answer-logic.js';
import { CommentThread } from '../components/CommentThread.js';
import { EvidenceList } from '../components/EvidenceList.js';
import { auditsApi } from '../endpoints.js';
import type { Answer, Comment, Evidence, GridQuestion, PortalDetail } from '../types.js';
import { AnswerField } from './AnswerField.js';
import { EvidenceUpload } from './EvidenceUpload.js';

interface Props {
  auditId: string;
  /** The server's evidence size limit, checked before uploading. */
  maxBytes?: number;
  question: GridQuestion;
  number: number;
  saved: Answer | undefined;
  evidence: readonly Evidence[];
  comments: readonly Comment[];
  readOnly: boolean;
  /** The thread stays open after submission, until the audit is closed. */
  canComment: boolean;
  /** The answer as typed (undefined when empty or invalid), so conditional questions follow at once. */
  onLocalChange: (questionId: string, value: unknown) => void;
  onSaved: (detail: PortalDetail) => void;
  onEvidenceChanged: () => void;
  /** Asks to confirm, then removes the file (open audits only). */
  onDeleteEvidence: (e: Evidence) => void;
  onPostComment: (body: string, questionId: string) => Promise<unknown>;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

const instant = new Set(['yes_no', 'yes_no_partial', 'single', 'multiple']);

/** One question of the portal: its answer (saved as a draft when chosen or when leaving a field), files and thread. */
export function QuestionCard(props: Props) {
  const { auditId, question: q, saved, readOnly } = props;
  const { t, i18n } = useTranslation('suppliersAudits');
  const errorText = useErrorText();
  const [input, setInput] = useState<AnswerInput>(() => toInput(q, saved?.value));
  const [comment, setComment] = useState(saved?.comment ?? '');
  const [state, setState] = useState<SaveState>(saved ? { kind: 'saved' } : { kind: 'idle' });
  const [threadOpen, setThreadOpen] = useState(props.comments.length > 0);
  const text = localized(q.text, i18n.language);
  const headingId = `q-${q.id}-title`;

  const save = async (next: AnswerInput, nextComment: string) => {
    const checked = fromInput(q, next);
    if (!checked.ok) {
      setState(checked.reason === 'empty' ? { kind: 'idle' } : { kind: 'error', message: t(`answer.invalid.${checked.reason}`) });
      return;
    }
    if (saved && sameValue(checked.value, saved.value) && nextComment.trim() === saved.comment) {
      setState({ kind: 'saved' });
      return;
    }
    setState({ kind: 'saving' });
    try {
      const body = nextComment.trim() ? { value: checked.value, comment: nextComment.trim() } : { value: checked.value };
      props.onSaved(await api<PortalDetail>(auditsApi.portalAnswer(auditId, q.id), { method: 'PUT', body }));
      setState({ kind: 'saved' });
    } catch (e) {
      setState({ kind: 'error', message: errorText(e) });
    }
  };

  const change = (next: AnswerInput) => {
    setInput(next);
    const checked = fromInput(q, next);
    props.onLocalChange(q.id, checked.ok ? checked.value : undefined);
    if (instant.has(q.type)) void save(next, comment);
    else setState({ kind: 'idle' });
  };

  const status =
    state.kind === 'saving'
      ? t('answer.saving')
      : state.kind === 'saved'
        ? t('answer.saved')
        : state.kind === 'idle'
          ? t('answer.notSaved')
          : '';

  return (
    <Paper id={`q-${q.id}`} withBorder p="md" radius="md" component="section" aria-labelledby={headingId} tabIndex={-1}>
      <Stack gap="sm">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Title id={headingId} order={3} size="h5">
            {t('portal.questionNumber', { n: props.number })}
          </Title>
          <Group gap={6}>
            {q.reference ? (
              <Badge variant="outline" color="gray.9">
                {q.reference}
              </Badge>
            ) : null}
            {q.evidence === 'required' ? (
              <Badge variant="outline" color="orange.9">
                {t('evidence.required')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {q.help ? (
          <Text size="sm" c="dimmed">
            {localized(q.help, i18n.language)}
          </Text>
        ) : null}
        <AnswerField
          question={q}
          label={text}
          value={input}
          onChange={change}
          onBlur={() => void save(input, comment)}
          readOnly={readOnly}
          error={state.kind === 'error' ? state.message : null}
        />
        {readOnly && !saved ? (
          <Text size="sm" c="dimmed">
            {t('answer.none')}
          </Text>
        ) : null}
        <Textarea
          label={t('answer.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          onBlur={() => void save(input, comment)}
          autosize
          minRows={1}
          maxLength={5000}
          readOnly={readOnly}
        />
        {readOnly ? null : (
          <Group gap="sm">
            <Button size="xs" variant="light" onClick={() => void save(input, comment)} loading={state.kind === 'saving'}>
              {t('answer.save')}
            </Button>
            <Text size="xs" c={state.kind === 'saved' ? 'teal.9' : 'dimmed'} aria-live="polite">
              {status}
            </Text>
          </Group>
        )}
        {q.evidence !== 'none' || props.evidence.length > 0 ? (
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t(q.evidence === 'required' ? 'evidence.titleRequired' : 'evidence.title')}
            </Text>
            <EvidenceList
              items={props.evidence}
              hrefOf={(e) => auditsApi.portalEvidenceFile(auditId, e.id)}
              onDelete={readOnly ? undefined : props.onDeleteEvidence}
            />
            {readOnly ? null : (
              <EvidenceUpload
                auditId={auditId}
                questionId={q.id}
                questionLabel={text}
                onUploaded={props.onEvidenceChanged}
                {...(props.maxBytes ? { maxBytes: props.maxBytes } : {})}
              />
            )}
          </Stack>
        ) : null}
        <Button
          size="xs"
          variant="subtle"
          onClick={() => setThreadOpen((o) => !o)}
          aria-expanded={threadOpen}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('thread.questionToggle', { count: props.comments.length })}
        </Button>
        <Collapse expanded={threadOpen}>
          <CommentThread
            comments={props.comments}
            label={t('thread.aboutQuestion', { n: props.number })}
            onPost={props.canComment ? (body) => props.onPostComment(body, q.id) : undefined}
          />
        </Collapse>
      </Stack>
    </Paper>
  );
}
