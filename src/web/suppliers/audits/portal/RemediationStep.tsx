import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../admin/components/StatusBadge.js';
import { api } from '../../../api.js';
import { useErrorText } from '../../../shell/use-report-error.js';
import type { Evidence } from '../types.js';
import { formatBytes, tooLarge } from './evidence-limit.js';
import { type ProviderFinding, type RemediationStepView, remediationApi, stepOverdue } from './remediation-logic.js';

// What the server accepts (it reads the type from the bytes; this only narrows the file picker).
const accept = '.pdf,.png,.jpg,.jpeg,.xlsx,.docx,.csv,.txt,application/pdf,image/png,image/jpeg,text/csv,text/plain';

interface Props {
  auditId: string;
  maxBytes: number;
  finding: ProviderFinding;
  step: RemediationStepView;
  n: number;
  today: string;
  /** Only on an agreed plan of a finding still open, in an audit not closed. */
  canMarkDone: boolean;
  formatDay: (day: string | null) => string;
  onDone: (next: ProviderFinding) => void;
}

/**
 * One step of a plan. Marking it done takes a proof: the file is first stored as evidence of the
 * finding, then the step is marked done with that evidence's id (two calls, as the API wants).
 */
export function RemediationStep({ auditId, maxBytes, finding, step, n, today, canMarkDone, formatDay, onDone }: Props) {
  const { t, i18n } = useTranslation('suppliersAudits');
  const max = formatBytes(maxBytes, i18n.language);
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const late = stepOverdue(step, today);
  const markDone = async (file: File | null) => {
    if (!file) return;
    if (tooLarge(file.size, maxBytes)) {
      setError(t('evidenceLimit.tooLarge', { name: file.name, size: formatBytes(file.size, i18n.language), max }));
      return;
    }
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const proof = await api<Evidence>(remediationApi.upload(auditId, finding.id, file.name), {
        raw: file,
        contentType: 'application/octet-stream',
      });
      const next = await api<ProviderFinding>(remediationApi.stepDone(auditId, finding.id, step.id), { body: { evidenceId: proof.id } });
      setDone(t('remediation.markedDone', { n, name: proof.fileName }));
      onDone(next);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} component="li" py={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {t('remediation.stepLine', { n, description: step.description })}
      </Text>
      <Group gap="xs" wrap="wrap">
        <Text size="xs" c="dimmed">
          {t('remediation.stepDue', { date: formatDay(step.dueOn) })}
        </Text>
        {step.status === 'done' ? (
          <StatusBadge color="teal">{t('remediation.stepDone', { date: formatDay(step.doneAt) })}</StatusBadge>
        ) : (
          <StatusBadge color="gray">{t('remediation.stepTodo')}</StatusBadge>
        )}
        {late ? <StatusBadge color="red">{t('remediation.stepOverdue')}</StatusBadge> : null}
      </Group>
      {canMarkDone && step.status === 'todo' ? (
        <Group gap="sm" wrap="wrap">
          <FileButton onChange={(f) => void markDone(f)} accept={accept}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                loading={busy}
                aria-label={t('remediation.markDoneFor', { n, title: finding.title })}
              >
                {t('remediation.markDone')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('evidenceLimit.text', { size: max })}
          </Text>
        </Group>
      ) : null}
      {error ? (
        <Text size="sm" c="red.9" role="alert">
          {error}
        </Text>
      ) : null}
      <Text size="sm" c="teal.9" aria-live="polite">
        {done}
      </Text>
    </Stack>
  );
}
