import { Alert, Button, Code, CopyButton, Group, Image, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api.js';
import { meQueryKey } from '../me.js';
import { fieldErrors } from '../shell/describe-error.js';
import { RequireSession } from '../shell/guard.js';
import { PublicFrame } from '../shell/public-frame.js';
import { LoadError, PageLoader } from '../shell/status.js';
import { usePageTitle } from '../shell/title.js';
import { useErrorText } from '../shell/use-report-error.js';
import { TotpCodeInput } from './code-input.js';
import { safeReturnTo } from './flow.js';
import { groupSecret, svgDataUrl } from './qr.js';
import { RecoveryCodes } from './recovery-codes.js';

interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** Setting up the authenticator app: scan, confirm with a code, keep the recovery codes. */
export function TotpEnrolPage() {
  const { t } = useTranslation();
  usePageTitle('enrol.title');
  return (
    <PublicFrame width={560}>
      <Title order={1} mb="md">
        {t('enrol.title')}
      </Title>
      <RequireSession>{() => <Enrol />}</RequireSession>
    </PublicFrame>
  );
}

function Enrol() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  // A query, not an effect: it starts the enrolment once even when React mounts twice. Never
  // again once confirmed (that would start a new one), and forgotten when the page is left.
  const enrolment = useQuery({
    queryKey: ['totp-enrolment'],
    queryFn: () => api<Enrolment>('/api/auth/totp/enrolment', { method: 'POST' }),
    enabled: recoveryCodes === null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });

  const confirm = useMutation({
    mutationFn: (value: string) => api<{ recoveryCodes: string[] }>('/api/auth/totp/enrolment/confirm', { body: { code: value } }),
    onSuccess: (answer) => setRecoveryCodes(answer.recoveryCodes),
    onError: (err) => {
      const fields = fieldErrors(err, ['code']);
      setCodeError(fields.code ?? null);
      setFormError(fields.code ? null : errorText(err));
      setCode('');
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (code.length !== 6) return setCodeError(t('totp.codeRequired'));
    setCodeError(null);
    setFormError(null);
    confirm.mutate(code);
  };

  if (recoveryCodes) {
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" role="status" title={t('enrol.doneTitle')}>
          {t('enrol.done')}
        </Alert>
        <Title order={2} size="h3">
          {t('recovery.title')}
        </Title>
        <RecoveryCodes
          codes={recoveryCodes}
          doneLabel={t('recovery.continue')}
          onDone={async () => {
            await queryClient.invalidateQueries({ queryKey: meQueryKey });
            await navigate(returnTo, { replace: true });
          }}
        />
      </Stack>
    );
  }

  if (enrolment.isPending) return <PageLoader />;
  if (enrolment.isError) return <LoadError error={enrolment.error} onRetry={() => void enrolment.refetch()} />;
  const { secret, qrSvg } = enrolment.data;

  return (
    <Stack gap="lg">
      <Text>{t('enrol.intro')}</Text>
      <section aria-labelledby="enrol-scan">
        <Title order={2} size="h3" id="enrol-scan" mb="sm">
          {t('enrol.step1')}
        </Title>
        <List type="ordered" spacing={4} mb="md">
          <List.Item>{t('enrol.app')}</List.Item>
          <List.Item>{t('enrol.scan')}</List.Item>
        </List>
        <Paper withBorder p="md" w="fit-content" bg="white">
          <Image src={svgDataUrl(qrSvg)} alt={t('enrol.qrAlt')} w={200} h={200} fit="contain" />
        </Paper>
        <Text size="sm" mt="md" id="enrol-secret-label">
          {t('enrol.manual')}
        </Text>
        <Group gap="sm" mt={4} wrap="wrap">
          <Code fz="md" aria-labelledby="enrol-secret-label" style={{ wordBreak: 'break-all' }}>
            {groupSecret(secret)}
          </Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button size="xs" variant="outline" onClick={copy}>
                {copied ? t('recovery.copied') : t('enrol.copySecret')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </section>
      <section aria-labelledby="enrol-confirm">
        <Title order={2} size="h3" id="enrol-confirm" mb="sm">
          {t('enrol.step2')}
        </Title>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {formError && (
              <Alert color="red" variant="light" role="alert">
                {formError}
              </Alert>
            )}
            <TotpCodeInput label={t('totp.codeLabel')} value={code} onChange={setCode} error={codeError} />
            <Button type="submit" loading={confirm.isPending}>
              {t('enrol.confirm')}
            </Button>
          </Stack>
        </form>
      </section>
    </Stack>
  );
}
