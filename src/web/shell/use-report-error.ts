import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrors } from './describe-error.js';
import { useNotify } from './notifications.js';

/**
 * Turns a failed request into what the user sees: the errors of the form's own fields are
 * returned (to show next to them), everything else becomes a notification.
 */
export function useReportError() {
  const { t } = useTranslation();
  const notify = useNotify();
  return useCallback(
    (err: unknown, formFields: readonly string[] = []): Record<string, string> => {
      const byField = fieldErrors(err, formFields);
      if (Object.keys(byField).length > 0) return byField;
      const shown = describeError(err, formFields);
      notify({ tone: 'error', title: t('errors.title'), message: shown.key ? t(shown.key) : shown.message });
      return {};
    },
    [t, notify],
  );
}

/** The readable text of an error, for an inline alert. */
export function useErrorText() {
  const { t } = useTranslation();
  return useCallback(
    (err: unknown): string => {
      const shown = describeError(err);
      return shown.key ? t(shown.key) : shown.message;
    },
    [t],
  );
}
