import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Callout } from '../components/Callout.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import type { ImportSummary } from '../types.js';
import { ErrorTable } from './ErrorTable.js';
import { SummaryCounts } from './SummaryCounts.js';

interface Props {
  pending: boolean;
  error: unknown;
  result: ImportSummary | undefined;
  filename: string;
  onRetry: () => void;
  onBack: () => void;
  onRestart: () => void;
}

/** Step 4: the import running, then what it did. */
export function ResultStep({ pending, error, result, filename, onRetry, onBack, onRestart }: Props) {
  const { t } = useTranslation('admin');
  if (pending) {
    return (
      <Center py="xl">
        <Stack align="center" role="status">
          <Loader aria-hidden="true" />
          <Text>{t('import.applying')}</Text>
        </Stack>
      </Center>
    );
  }
  if (error || !result) {
    return (
      <Stack>
        <ErrorAlert error={error} title={t('import.applyFailed')} />
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            {t('common.back')}
          </Button>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack>
      <Callout color="teal" role="status" title={t('import.doneTitle')}>
        {t('import.doneText')}
      </Callout>
      <SummaryCounts summary={result} applied />
      <ErrorTable errors={result.errors} errorCount={result.errorCount} filename={filename} />
      <Group justify="space-between">
        <Button variant="default" onClick={onRestart}>
          {t('import.newImport')}
        </Button>
        <Button component={Link} to="/admin/people">
          {t('import.toDirectory')}
        </Button>
      </Group>
    </Stack>
  );
}
