import {
  Anchor,
  Autocomplete,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { useNotify } from '../../../shell/notifications.js';
import { libraryPath } from '../components/LibraryTabs.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import { fieldMessages, generalError } from '../form-errors.js';
import { defaultPorts, emptyProfileForm, type ProfileForm, profileFormOf, toProfileInput, weekdays } from '../profile-form.js';
import { type Profile, type TlsMode, tlsModes } from '../types.js';
import { ExtraHeadersField } from './ExtraHeadersField.js';
import { ArchiveProfile, TestEmailModal } from './profile-actions.js';

// Every zone the browser knows, offered while typing (the server checks the name too).
const timeZones: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Paris'];

const profilePlaced = [
  ...['name', 'host', 'port', 'tlsMode', 'username', 'password', 'fromName', 'fromAddress', 'ratePerMinute'],
  ...['windowDays', 'windowStart', 'windowEnd', 'timeZone', 'extraHeaders', 'extraHeaders.'],
];

/** Creates a sending profile (no id in the path) or edits one; a saved profile can send a test email. */
export function ProfileEditorPage() {
  const { profileId } = useParams();
  return <WithOrg>{(orgId) => (profileId ? <Loaded orgId={orgId} id={profileId} /> : <Editor orgId={orgId} initial={null} />)}</WithOrg>;
}

function Loaded({ orgId, id }: { orgId: string; id: string }) {
  const detail = useQuery({
    queryKey: [...libraryKeys.profiles(orgId), 'one', id],
    queryFn: () => api<Profile>(libraryApi.profile(orgId, id)),
  });
  return (
    <ListStatus isPending={detail.isPending} error={detail.error} isEmpty={false} emptyTitle="">
      {detail.data ? <Editor key={detail.data.updatedAt} orgId={orgId} initial={detail.data} /> : null}
    </ListStatus>
  );
}

function Editor({ orgId, initial }: { orgId: string; initial: Profile | null }) {
  const { t } = useTranslation('phishingLibrary');
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ProfileForm>(() => (initial ? profileFormOf(initial) : emptyProfileForm()));
  const [testing, setTesting] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const save = useMutation({
    mutationFn: (f: ProfileForm) =>
      initial
        ? api<Profile>(libraryApi.profile(orgId, initial.id), { method: 'PUT', body: toProfileInput(f) })
        : api<Profile>(libraryApi.profiles(orgId), { body: toProfileInput(f) }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: libraryKeys.profiles(orgId) });
      notify({ tone: 'success', message: t('common.saved', { title: saved.name }) });
      void navigate(libraryPath('profiles', `/${encodeURIComponent(saved.id)}`), { replace: true });
    },
  });
  const errors = fieldMessages(save.error);
  const patch = (p: Partial<ProfileForm>) => setForm((f) => ({ ...f, ...p }));
  const text = (key: keyof ProfileForm & string, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={String(form[key])}
      onChange={(e) => patch({ [key]: e.currentTarget.value })}
      error={errors[key]}
      {...extra}
    />
  );
  return (
    <>
      <Anchor component={Link} to={libraryPath('profiles')} size="sm">
        {t('profiles.back')}
      </Anchor>
      <PageHeader
        title={initial ? initial.name : t('profiles.createTitle')}
        description={t('profiles.formNote')}
        actions={
          initial ? (
            <>
              <Button variant="light" onClick={() => setTesting(true)}>
                {t('profiles.test')}
              </Button>
              <Button variant="subtle" color="red" c="red.9" onClick={() => setArchiving(true)}>
                {t('common.archive')}
              </Button>
            </>
          ) : undefined
        }
      />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(form);
        }}
      >
        <Stack gap="md">
          {text('name', t('profiles.name'), { required: true })}
          <Fieldset legend={t('profiles.server')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {text('host', t('profiles.host'), { required: true, description: t('profiles.hostHint') })}
              <NativeSelect
                label={t('profiles.tlsMode')}
                value={form.tlsMode}
                onChange={(e) => {
                  const tlsMode = e.currentTarget.value as TlsMode;
                  // Follow the usual port of the mode unless the admin typed another one.
                  const usual = Object.values(defaultPorts).map(String).includes(form.port);
                  patch({ tlsMode, ...(usual ? { port: String(defaultPorts[tlsMode]) } : {}) });
                }}
                data={tlsModes.map((m) => ({ value: m, label: t(`tlsModes.${m}`) }))}
                error={errors.tlsMode}
              />
              {text('port', t('profiles.port'), { required: true, inputMode: 'numeric' })}
              {text('username', t('profiles.username'), { autoComplete: 'off' })}
              <PasswordField form={form} hadPassword={initial?.hasPassword ?? false} onChange={patch} error={errors.password} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('profiles.sender')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {text('fromName', t('profiles.fromName'), { required: true })}
              {text('fromAddress', t('profiles.fromAddress'), {
                required: true,
                type: 'email',
                description: t('profiles.fromAddressHint'),
              })}
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('profiles.pace')}>
            <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
              {text('ratePerMinute', t('profiles.ratePerMinute'), { required: true, inputMode: 'numeric' })}
              {text('windowStart', t('profiles.windowStart'), { type: 'time', required: true })}
              {text('windowEnd', t('profiles.windowEnd'), { type: 'time', required: true })}
              <Autocomplete
                label={t('profiles.timeZone')}
                description={t('profiles.timeZoneHint')}
                data={timeZones}
                limit={30}
                value={form.timeZone}
                onChange={(timeZone) => patch({ timeZone })}
                error={errors.timeZone}
                required
              />
            </SimpleGrid>
            <Checkbox.Group
              mt="sm"
              label={t('profiles.windowDays')}
              value={form.windowDays.map(String)}
              onChange={(v) => patch({ windowDays: v.map(Number) })}
              error={errors.windowDays}
            >
              <Group gap="md" mt={4}>
                {weekdays.map((d) => (
                  <Checkbox key={d} value={String(d)} label={t(`weekdays.${d}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          </Fieldset>
          <ExtraHeadersField value={form.extraHeaders} onChange={(extraHeaders) => patch({ extraHeaders })} errors={errors} />
          <ErrorAlert error={generalError(save.error, errors, profilePlaced)} title={t('editor.notSaved')} />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={libraryPath('profiles')}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {initial ? (
        <>
          <TestEmailModal orgId={orgId} profile={testing ? initial : null} onClose={() => setTesting(false)} />
          <ArchiveProfile
            orgId={orgId}
            profile={archiving ? initial : null}
            onClose={() => setArchiving(false)}
            onDone={() => void navigate(libraryPath('profiles'))}
          />
        </>
      ) : null}
    </>
  );
}

/** Write-only: the stored password is never shown, only whether there is one; it can be replaced or removed. */
function PasswordField({
  form,
  hadPassword,
  onChange,
  error,
}: {
  form: ProfileForm;
  hadPassword: boolean;
  onChange: (p: Partial<ProfileForm>) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('phishingLibrary');
  if (hadPassword && form.passwordAction !== 'set') {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('profiles.password')}
        </Text>
        <Text size="sm" role="status">
          {form.passwordAction === 'keep' ? t('profiles.passwordStored') : t('profiles.passwordWillBeRemoved')}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => onChange({ passwordAction: 'set', password: '' })}>
            {t('profiles.passwordChange')}
          </Button>
          {form.passwordAction === 'keep' ? (
            <Button size="xs" variant="subtle" color="red" c="red.9" onClick={() => onChange({ passwordAction: 'remove' })}>
              {t('profiles.passwordRemove')}
            </Button>
          ) : (
            <Button size="xs" variant="subtle" onClick={() => onChange({ passwordAction: 'keep' })}>
              {t('profiles.passwordKeep')}
            </Button>
          )}
        </Group>
        {error ? (
          <Text size="xs" c="red.9">
            {error}
          </Text>
        ) : null}
      </Stack>
    );
  }
  return (
    <PasswordInput
      label={t('profiles.password')}
      description={hadPassword ? t('profiles.passwordReplaceHint') : t('profiles.passwordHint')}
      value={form.password}
      onChange={(e) => onChange({ password: e.currentTarget.value })}
      autoComplete="new-password"
      error={error}
    />
  );
}
