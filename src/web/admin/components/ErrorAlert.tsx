import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { Callout } from './Callout.js';

/** An error from the API (its message is already in the user's language) or a generic one. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation('admin');
  if (!error) return null;
  const message = error instanceof ApiError || error instanceof Error ? error.message : t('common.unexpectedError');
  return (
    <Callout color="red" title={title ?? t('common.errorTitle')} role="alert">
      {message}
    </Callout>
  );
}
