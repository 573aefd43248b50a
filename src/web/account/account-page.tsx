import { Alert, Badge, Button, Card, Group, Modal, PasswordInput, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.js';
import { TotpCodeInput } from '../auth/code-input.js';
import { useAuthOptions } from '../auth/options.js';
import { RecoveryCodes } from '../auth/recovery-codes.js';
import { isLocale } from '../locale.js';
import { type Account, useMe } from '../me.js';
import { useNotify } from '../shell/notifications.js';
import { useSignOut } from '../shell/sign-out.js';
import { PageLoader } from '../shell/status.js';
import { usePageTitle } from '../shell/title.js';
import { useLocale } from '../shell/use-locale.js';
import { useReportError } from '../shell/use-report-error.js';

/** The account page: who I am, my language, my password, my second factor, my sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle('accountPage.title');
  const me = useMe();
  const account = me.data?.account;
  if (!account) return <PageLoader />;
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('accountPage.title')}</Title>
      <Profile account={account} />
      <PasswordChange />
      <SecondFactor account={account} />
      <Sessions />
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Profile({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  return (
    <Section id="account-profile" title={t('accountPage.profile')}>
      <Stack gap="md">
        <dl style={{ margin: 0 }}>
          <Text component="dt" size="sm" c="dimmed">
            {t('accountPage.name')}
          </Text>
          <Text component="dd" m={0} mb="sm">
            {account.displayName || '—'}
          </Text>
          <Text component="dt" size="sm" c="dimmed">
            {t('accountPage.email')}
          </Text>
          <Text component="dd" m={0} style={{ wordBreak: 'break-all' }}>
            {account.email}
          </Text>
        </dl>
        <Select
          label={t('language.label')}
          data={[
            { value: 'fr', label: 'Français' },
            { value: 'en', label: 'English' },
          ]}
          value={locale}
          onChange={(v) => {
            if (isLocale(v)) setLocale(v);
          }}
          allowDeselect={false}
          maw={280}
        />
      </Stack>
    </Section>
  );
}

function PasswordChange() {
  const { t } = useTranslation();
  const options = useAuthOptions();
  const notify = useNotify();
  const report = useReportError();
  const minLength = options.data?.passwordMinLength ?? 12;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const change = useMutation({
    mutationFn: () =>
      api<void>('/api/auth/password', { body: current ? { currentPassword: current, newPassword: next } : { newPassword: next } }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
      setErrors({});
      notify({ tone: 'success', message: t('accountPage.password.changed') });
    },
    onError: (err) => setErrors(report(err, ['currentPassword', 'newPassword'])),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if ([...next].length < minLength) found.newPassword = t('accountPage.password.tooShort', { min: minLength });
    if (next !== confirm) found.confirm = t('accountPage.password.mismatch');
    setErrors(found);
    if (Object.keys(found).length === 0) change.mutate();
  };

  return (
    <Section id="account-password" title={t('accountPage.password.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={420}>
          <PasswordInput
            label={t('accountPage.password.current')}
            description={t('accountPage.password.currentHint')}
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.currentPassword}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.password.toggle') }}
          />
          <PasswordInput
            label={t('accountPage.password.new')}
            description={t('accountPage.password.policy', { min: minLength })}
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.newPassword}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.password.toggle') }}
          />
          <PasswordInput
            label={t('accountPage.password.confirm')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={errors.confirm}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.password.toggle') }}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('accountPage.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function SecondFactor({ account }: { account: Account }) {
  const { t } = useTranslation();
  const report = useReportError();
  const notify = useNotify();
  // The session passed TOTP, so the account has it; the server may also say so directly.
  const enabled = account.totpEnabled ?? account.mfaVerified;
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  const regenerate = useMutation({
    mutationFn: (value: string) => api<{ recoveryCodes: string[] }>('/api/auth/recovery-codes', { body: { code: value } }),
    onSuccess: (answer) => {
      setCode('');
      setCodes(answer.recoveryCodes);
    },
    onError: (err) => {
      setCode('');
      setCodeError(report(err, ['code']).code ?? null);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code.length !== 6) return setCodeError(t('totp.codeRequired'));
    setCodeError(null);
    regenerate.mutate(code);
  };

  return (
    <Section id="account-totp" title={t('accountPage.totp.title')}>
      <Stack gap="md">
        <Group gap="sm">
          <Text>{t('accountPage.totp.status')}</Text>
          <Badge color={enabled ? 'teal.9' : 'gray.7'} variant="filled">
            {enabled ? t('accountPage.totp.on') : t('accountPage.totp.off')}
          </Badge>
        </Group>
        {!enabled && (
          <>
            <Text size="sm">{t('accountPage.totp.why')}</Text>
            <Group>
              <Button component={Link} to="/auth/totp/enrol?returnTo=%2Faccount">
                {t('accountPage.totp.enrol')}
              </Button>
            </Group>
          </>
        )}
        {enabled && !codes && (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Text fw={600}>{t('accountPage.totp.regenerateTitle')}</Text>
              <Text size="sm">{t('accountPage.totp.regenerateIntro')}</Text>
              <TotpCodeInput label={t('totp.codeLabel')} value={code} onChange={setCode} error={codeError} />
              <Group>
                <Button type="submit" variant="outline" loading={regenerate.isPending}>
                  {t('accountPage.totp.regenerate')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {codes && (
          <RecoveryCodes
            codes={codes}
            doneLabel={t('recovery.finished')}
            onDone={() => {
              setCodes(null);
              notify({ tone: 'success', message: t('recovery.replaced') });
            }}
          />
        )}
      </Stack>
    </Section>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const signOut = useSignOut();
  const [busy, setBusy] = useState(false);
  return (
    <Section id="account-sessions" title={t('accountPage.sessions.title')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('accountPage.sessions.intro')}</Text>
        <Button color="red.9" variant="outline" onClick={open}>
          {t('accountPage.sessions.everywhere')}
        </Button>
      </Stack>
      <Modal
        opened={opened}
        onClose={close}
        title={t('accountPage.sessions.confirmTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Alert color="yellow" variant="light">
            {t('accountPage.sessions.confirmBody')}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={busy}
              onClick={async () => {
                setBusy(true);
                await signOut(true);
                setBusy(false);
              }}
            >
              {t('accountPage.sessions.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}
