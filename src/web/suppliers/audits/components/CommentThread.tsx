import { Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../admin/components/format.js';
import { useErrorText } from '../../../shell/use-report-error.js';
import type { Comment } from '../types.js';

interface Props {
  /** The messages of this thread only (one question, or the whole audit). */
  comments: readonly Comment[];
  /** Names the message field for screen readers ("Message about question 3"). */
  label: string;
  /** Absent: the thread is read-only (closed audit, or a participant). */
  onPost?: ((body: string) => Promise<unknown>) | undefined;
}

/** A thread between the establishment and the provider, oldest first, with a field to write. */
export function CommentThread({ comments, label, onPost }: Props) {
  const { t, i18n } = useTranslation('suppliersAudits');
  const errorText = useErrorText();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [posting, setPosting] = useState(false);
  const post = async () => {
    if (!onPost || body.trim() === '') return;
    setPosting(true);
    setError(null);
    try {
      await onPost(body.trim());
      setBody('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPosting(false);
    }
  };
  return (
    <Stack gap="xs">
      {comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('thread.empty')}
        </Text>
      ) : (
        comments.map((c) => (
          <Paper key={c.id} withBorder p="xs" {...(c.side === 'provider' ? { bg: 'gray.0' } : {})}>
            <Text size="xs" c="dimmed">
              {t(`thread.side.${c.side}`)}
              {c.authorName ? ` · ${c.authorName}` : ''} · {formatDateTime(c.createdAt, i18n.language)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
          </Paper>
        ))
      )}
      {onPost ? (
        <>
          <Textarea
            label={label}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={5000}
            error={error}
          />
          <Button
            size="xs"
            variant="light"
            onClick={() => void post()}
            loading={posting}
            disabled={body.trim() === ''}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('thread.post')}
          </Button>
        </>
      ) : null}
    </Stack>
  );
}
