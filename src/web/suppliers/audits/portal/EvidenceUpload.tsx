import { Button, FileButton, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api.js';
import { useErrorText } from '../../../shell/use-report-error.js';
import { auditsApi } from '../endpoints.js';
import type { Evidence } from '../types.js';
import { defaultMaxBytes, formatBytes, tooLarge } from './evidence-limit.js';

// What the server accepts (it reads the type from the bytes; these only narrow the file picker).
const accept = '.pdf,.png,.jpg,.jpeg,.xlsx,.docx,.csv,.txt,application/pdf,image/png,image/jpeg,text/csv,text/plain';

interface Props {
  auditId: string;
  /** null: a file about the whole audit. */
  questionId: string | null;
  /** Names the button for screen readers: "Add a file, question 3". */
  questionLabel: string;
  onUploaded: (e: Evidence) => void;
  /** The audit's `evidenceMaxBytes`: a larger file is refused before it is sent. */
  maxBytes?: number | undefined;
}

/**
 * Sends one file as the raw body. A file above `maxBytes` is refused here, before any byte leaves;
 * the server's refusals (too large: 413, type refused: 415) are shown as it words them.
 */
export function EvidenceUpload({ auditId, questionId, questionLabel, onUploaded, maxBytes }: Props) {
  const { t, i18n } = useTranslation('suppliersAudits');
  const max = formatBytes(maxBytes ?? defaultMaxBytes, i18n.language);
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setDone(null);
    // Sending megabytes over a phone connection only to get a 413 back wastes the provider's time.
    if (tooLarge(file.size, maxBytes)) {
      setError(t('evidenceLimit.tooLarge', { name: file.name, size: formatBytes(file.size, i18n.language), max }));
      return;
    }
    setBusy(true);
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
          {t('evidenceLimit.text', { size: max })}
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
