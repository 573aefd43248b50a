import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api.js';
import { meQueryKey } from '../me.js';
import { PublicFrame } from '../shell/public-frame.js';
import { usePageTitle } from '../shell/title.js';
import { useErrorText } from '../shell/use-report-error.js';
import { routeForNext } from './flow.js';

/**
 * Where the emailed link lands. The token is spent only on a click of Continue: mail security
 * scanners open links to inspect them, and would otherwise use up the link before its owner.
 */
export function MagicLinkPage() {
  const { t } = useTranslation();
  usePageTitle('magic.title');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();

  const consume = useMutation({
    mutationFn: () => api<{ next: string; returnTo?: string | null }>('/api/auth/magic-link/consume', { body: { token } }),
    onSuccess: async ({ next, returnTo }) => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      await navigate(routeForNext(next, returnTo ?? '/'), { replace: true });
    },
  });

  return (
    <PublicFrame>
      <Stack gap="md">
        <Title order={1}>{t('magic.title')}</Title>
        {!token ? (
          <Alert color="red" variant="light" role="alert">
            {t('magic.missingToken')}
          </Alert>
        ) : (
          <>
            <Text>{t('magic.intro')}</Text>
            <Text size="sm" c="dimmed">
              {t('magic.why')}
            </Text>
            {consume.isError && (
              <Alert color="red" variant="light" role="alert" title={t('magic.failedTitle')}>
                {errorText(consume.error)}
              </Alert>
            )}
            <Button size="md" onClick={() => consume.mutate()} loading={consume.isPending} disabled={consume.isSuccess}>
              {t('magic.continue')}
            </Button>
          </>
        )}
        <Anchor component={Link} to="/sign-in">
          {t('magic.backToSignIn')}
        </Anchor>
      </Stack>
    </PublicFrame>
  );
}
