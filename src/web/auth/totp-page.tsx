import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api.js';
import { meQueryKey } from '../me.js';
import { fieldErrors } from '../shell/describe-error.js';
import { RequireSession } from '../shell/guard.js';
import { PublicFrame } from '../shell/public-frame.js';
import { useSignOut } from '../shell/sign-out.js';
import { usePageTitle } from '../shell/title.js';
import { useErrorText } from '../shell/use-report-error.js';
import { TotpCodeInput } from './code-input.js';
import { safeReturnTo } from './flow.js';

/** The second step of a sign-in: the authenticator's code, or one of the recovery codes. */
export function TotpPage() {
  const { t } = useTranslation();
  usePageTitle('totp.title');
  return (
    <PublicFrame>
      <Title order={1} mb="md">
        {t('totp.title')}
      </Title>
      <RequireSession>{() => <TotpForm />}</RequireSession>
    </PublicFrame>
  );
}

function TotpForm() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const signOut = useSignOut();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const verify = useMutation({
    mutationFn: (value: string) => api<{ next: string }>('/api/auth/totp/verify', { body: { code: value } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      await navigate(returnTo, { replace: true });
    },
    onError: (err) => {
      const fields = fieldErrors(err, ['code']);
      if (fields.code) {
        setFieldError(fields.code);
        setFormError(null);
      } else {
        setFieldError(null);
        setFormError(errorText(err));
      }
      setCode('');
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const value = useRecovery ? recovery.trim() : code;
    if (useRecovery ? value.length < 6 : value.length !== 6) {
      setFieldError(useRecovery ? t('totp.recoveryRequired') : t('totp.codeRequired'));
      return;
    }
    setFieldError(null);
    setFormError(null);
    verify.mutate(value);
  };

  const toggle = () => {
    setUseRecovery((v) => !v);
    setFieldError(null);
    setFormError(null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{useRecovery ? t('totp.recoveryIntro') : t('totp.intro')}</Text>
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        {useRecovery ? (
          <TextInput
            label={t('totp.recoveryLabel')}
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={recovery}
            onChange={(e) => setRecovery(e.currentTarget.value)}
            error={fieldError}
            data-autofocus
          />
        ) : (
          <TotpCodeInput
            label={t('totp.codeLabel')}
            value={code}
            onChange={setCode}
            onComplete={(value) => {
              if (!verify.isPending) verify.mutate(value);
            }}
            error={fieldError}
            autoFocus
          />
        )}
        <Button type="submit" loading={verify.isPending}>
          {t('totp.submit')}
        </Button>
        <Group justify="space-between">
          <Anchor component="button" type="button" onClick={toggle}>
            {useRecovery ? t('totp.useApp') : t('totp.useRecovery')}
          </Anchor>
          <Anchor component="button" type="button" onClick={() => void signOut()}>
            {t('account.signOut')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
