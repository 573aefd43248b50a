import { Button, FileButton, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { useErrorText } from '../../../shell/use-report-error.js';
import { auditsApi } from '../endpoints.js';
import type { Evidence } from '../types.js';

// What the server accepts (it reads the type from the bytes; these only narrow the file picker).
const accept = '.pdf,.png,.jpg,.jpeg,.xlsx,.docx,.csv,.txt,application/pdf,image/png,image/jpeg,text/csv,text/plain';

interface Props {
  auditId: string;
  /** null: a file about the whole audit. */
  questionId: string | null;
  /** Names the button for screen readers: "Add a file, question 3". */
  questionLabel: string;
  onUploaded: (e: Evidence) => void;
}

/** Sends one file as the raw body; the server's refusals (too large: 413, type refused: 415) are shown as it words them. */
export function EvidenceUpload({ auditId, questionId, questionLabel, onUploaded }: Props) {
  const { t } = useTranslation('suppliersAudits');
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const created = await api<Evidence>(auditsApi.portalUpload(auditId, file.name, questionId), {
        raw: file,
        contentType: 'application/octet-stream',
      });
      setDone(t('evidence.uploaded', { name: created.fileName }));
      onUploaded(created);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Group gap="sm" wrap="wrap">
        <FileButton onChange={(f) => void upload(f)} accept={accept}>
          {(props) => (
            <Button {...props} size="xs" variant="default" loading={busy} aria-label={t('evidence.addFor', { question: questionLabel })}>
              {t('evidence.add')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('evidence.limits')}
        </Text>
      </Group>
      {error ? (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      ) : null}
      <Text size="sm" c="teal.9" aria-live="polite">
        {done}
      </Text>
    </div>
  );
}
