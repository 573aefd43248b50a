import '@mantine/core/styles.css';
import './shell/shell.css';
import { MantineProvider } from '@mantine/core';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api.js';
import { hasStoredLocale, rememberLocale } from './locale.js';
import { meQueryKey, useMe } from './me.js';
import { routes } from './routes.js';
import { NotificationsProvider } from './shell/notifications.js';
import { cssVariablesResolver, theme } from './theme.js';

/** Client errors (4xx) are answers, not glitches: retrying them only delays the message. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

export function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A session that expired mid-page: ask /api/me again, the guard then sends to sign-in.
      onError: (error, query) => {
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== meQueryKey[0]) {
          void client.invalidateQueries({ queryKey: meQueryKey });
        }
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}

/**
 * On a browser with no language chosen yet, the signed-in account's language applies. Not on the
 * public patient page: asking /api/me there would give an anonymous patient a cookie.
 */
function AccountLocale() {
  return window.location.pathname.startsWith('/sensibilisation/') ? null : <SignedInLocale />;
}

function SignedInLocale() {
  const me = useMe();
  const { i18n } = useTranslation();
  const wanted = me.data?.account?.locale;
  useEffect(() => {
    if (wanted && wanted !== i18n.language && !hasStoredLocale()) {
      rememberLocale(wanted);
      void i18n.changeLanguage(wanted);
    }
  }, [wanted, i18n]);
  return null;
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <AccountLocale />
        <NotificationsProvider>
          <RouterProvider router={router} />
        </NotificationsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
