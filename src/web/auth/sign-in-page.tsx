import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api.js';
import { meQueryKey, useMe } from '../me.js';
import { describeError, fieldErrors } from '../shell/describe-error.js';
import { PublicFrame } from '../shell/public-frame.js';
import { usePageTitle } from '../shell/title.js';
import { guardRedirect, routeForNext, type SignInNext, safeReturnTo } from './flow.js';
import { signInErrorKey, useAuthOptions } from './options.js';

/** The sign-in page: password, emailed link, or the organization's single sign-on. */
export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle('signIn.title');
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const errorKey = signInErrorKey(params.get('error'));
  const options = useAuthOptions();
  const me = useMe();

  // Someone already fully signed in has nothing to do here.
  if (me.data?.signedIn && guardRedirect(me.data, returnTo) === null) return <Navigate to={returnTo} replace />;

  const oidc = options.data?.oidc;
  return (
    <PublicFrame>
      <Stack gap="lg">
        <div>
          <Title order={1}>{t('signIn.title')}</Title>
          <Text c="dimmed" mt={4}>
            {t('signIn.intro')}
          </Text>
        </div>
        {errorKey && (
          <Alert color="red" variant="light" role="alert" title={t('signIn.errors.title')}>
            {t(errorKey)}
          </Alert>
        )}
        {options.data?.password !== false && <PasswordForm returnTo={returnTo} />}
        {options.data?.magicLink !== false && <MagicLinkForm returnTo={returnTo} />}
        {oidc?.enabled && (
          <Paper withBorder p="lg" component="section" aria-labelledby="sso-title">
            <Stack gap="sm">
              <Title order={2} size="h3" id="sso-title">
                {t('signIn.sso.title')}
              </Title>
              <Button component="a" href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`} variant="outline" fullWidth>
                {oidc.label ? t('signIn.sso.buttonWith', { label: oidc.label }) : t('signIn.sso.button')}
              </Button>
            </Stack>
          </Paper>
        )}
      </Stack>
    </PublicFrame>
  );
}

function PasswordForm({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const signIn = useMutation({
    mutationFn: () => api<{ next: SignInNext }>('/api/auth/password/sign-in', { body: { email: email.trim(), password } }),
    onSuccess: async ({ next }) => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      await navigate(routeForNext(next, returnTo), { replace: true });
    },
    onError: (err) => {
      const fields = fieldErrors(err, ['email', 'password']);
      setErrors(fields);
      if (Object.keys(fields).length > 0) return setFormError(null);
      const shown = describeError(err);
      setFormError(shown.key ? t(shown.key) : shown.message);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = t('signIn.password.emailRequired');
    if (!password) missing.password = t('signIn.password.passwordRequired');
    setErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length === 0) signIn.mutate();
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="password-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="password-title">
            {t('signIn.password.title')}
          </Title>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
          />
          <PasswordInput
            label={t('signIn.password.label')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.password.toggle') }}
          />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('signIn.password.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function MagicLinkForm({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const send = useMutation({
    mutationFn: (address: string) =>
      api<void>('/api/auth/magic-link', { body: returnTo === '/' ? { email: address } : { email: address, returnTo } }),
    onSuccess: (_data, address) => setSentTo(address),
    onError: (err) => {
      const fields = fieldErrors(err, ['email']);
      if (fields.email) return setError(fields.email);
      const shown = describeError(err);
      setFormError(shown.key ? t(shown.key) : shown.message);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const address = email.trim();
    if (!address) return setError(t('signIn.password.emailRequired'));
    setError(null);
    send.mutate(address);
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="magic-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="magic-title">
          {t('signIn.magic.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('signIn.magic.intro')}
        </Text>
        {sentTo ? (
          <Alert color="teal" variant="light" role="status" title={t('signIn.magic.sentTitle')}>
            <Stack gap="xs" align="flex-start">
              <span>{t('signIn.magic.sent', { email: sentTo })}</span>
              <Anchor component="button" type="button" onClick={() => setSentTo(null)}>
                {t('signIn.magic.again')}
              </Anchor>
            </Stack>
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              {formError && (
                <Alert color="red" variant="light" role="alert">
                  {formError}
                </Alert>
              )}
              <TextInput
                label={t('signIn.email')}
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={error}
              />
              <Button type="submit" variant="light" loading={send.isPending} fullWidth>
                {t('signIn.magic.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
