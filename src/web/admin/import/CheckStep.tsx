import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Callout } from '../components/Callout.js';
import { ConfirmModal } from '../components/ConfirmModal.js';
import type { ImportMode, ImportSummary } from '../types.js';
import { ErrorTable } from './ErrorTable.js';
import { SummaryCounts } from './SummaryCounts.js';

interface Props {
  summary: ImportSummary;
  filename: string;
  mode: ImportMode;
  onBack: () => void;
  onApply: () => void;
}

/** Step 3: what the import would do (nothing is written yet) and the rows it would skip. */
export function CheckStep({ summary, filename, mode, onBack, onApply }: Props) {
  const { t } = useTranslation('admin');
  const [confirming, setConfirming] = useState(false);
  const nothingToDo = summary.toCreate + summary.toUpdate + summary.toDeactivate === 0;
  return (
    <Stack>
      <Text>{t('import.dryRunIntro')}</Text>
      <SummaryCounts summary={summary} applied={false} />
      {mode === 'full' && summary.toDeactivate > 0 ? (
        <Callout color="orange" title={t('import.mode.fullWarningTitle')}>
          {t('import.deactivateWarning', { count: summary.toDeactivate })}
        </Callout>
      ) : null}
      {summary.errorCount > 0 ? <Callout color="yellow">{t('import.errorsSkipped', { count: summary.errorCount })}</Callout> : null}
      <ErrorTable errors={summary.errors} errorCount={summary.errorCount} filename={filename} />
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('import.backToMapping')}
        </Button>
        <Button onClick={() => setConfirming(true)} disabled={nothingToDo}>
          {t('import.apply')}
        </Button>
      </Group>
      {nothingToDo ? (
        <Text size="sm" c="dimmed">
          {t('import.nothingToDo')}
        </Text>
      ) : null}
      <ConfirmModal
        opened={confirming}
        title={t('import.confirmTitle')}
        confirmLabel={t('import.confirmButton')}
        color={summary.toDeactivate > 0 ? 'red.9' : ''}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onApply();
        }}
      >
        <Stack gap="xs">
          <Text>{t('import.confirmText', { create: summary.toCreate, update: summary.toUpdate })}</Text>
          {summary.toDeactivate > 0 ? <Text fw={600}>{t('import.deactivateWarning', { count: summary.toDeactivate })}</Text> : null}
        </Stack>
      </ConfirmModal>
    </Stack>
  );
}
