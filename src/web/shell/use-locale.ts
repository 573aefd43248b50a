import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { isLocale, type Locale, rememberLocale } from '../locale.js';
import { type MeAnswer, meQueryKey } from '../me.js';

/** The current language and a setter that remembers it here and, when signed in, on the account. */
export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Locale) => api<void>('/api/me/preferences', { method: 'PATCH', body: { locale } }),
  });
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'fr';
  const setLocale = useCallback(
    (next: Locale) => {
      rememberLocale(next);
      void i18n.changeLanguage(next);
      const me = queryClient.getQueryData<MeAnswer>(meQueryKey);
      if (me?.signedIn && me.account && me.account.locale !== next) {
        save.mutate(next, {
          onSuccess: () =>
            queryClient.setQueryData<MeAnswer>(meQueryKey, (old) =>
              old?.account ? { ...old, account: { ...old.account, locale: next } } : old,
            ),
        });
      }
    },
    [i18n, queryClient, save],
  );
  return { locale, setLocale };
}
