import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorText } from './use-report-error.js';

/** A page-sized loading state that screen readers announce. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="40vh" role="status" aria-live="polite">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** A failed load, with its reason and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <Alert color="red" title={t('errors.loadFailed')} role="alert" variant="light">
      <Stack gap="sm" align="flex-start">
        <span>{text(error)}</span>
        {onRetry && (
          <Button variant="outline" color="red.9" size="xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
