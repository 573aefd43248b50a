import { Button, Checkbox, Fieldset, Group, PasswordInput, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { useNotify } from '../../../shell/notifications.js';
import { LibraryTabs } from '../components/LibraryTabs.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import { fieldMessages, generalError } from '../form-errors.js';
import { type SettingsForm, settingsFormOf, toSettingsInput } from '../settings-form.js';
import type { PhishingSettings } from '../types.js';
import { MandatesSection } from './MandatesSection.js';

const settingsPlaced = ['retentionDays', 'transparencyNote', 'imap.host', 'imap.port', 'imap.username', 'imap.password', 'imap.folder'];

/** The organization's phishing settings (defaults of new campaigns, reporting mailbox) and the mandates given to territories. */
export function SettingsPage() {
  return <WithOrg>{(orgId) => <Settings orgId={orgId} />}</WithOrg>;
}

function Settings({ orgId }: { orgId: string }) {
  const { t } = useTranslation('phishingLibrary');
  const settings = useQuery({ queryKey: libraryKeys.settings(orgId), queryFn: () => api<PhishingSettings>(libraryApi.settings(orgId)) });
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <LibraryTabs />
      <ListStatus isPending={settings.isPending} error={settings.error} isEmpty={false} emptyTitle="">
        {settings.data ? <SettingsEditor key={settings.data.updatedAt ?? 'defaults'} orgId={orgId} initial={settings.data} /> : null}
      </ListStatus>
      <MandatesSection orgId={orgId} />
    </>
  );
}

function SettingsEditor({ orgId, initial }: { orgId: string; initial: PhishingSettings }) {
  const { t } = useTranslation('phishingLibrary');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<SettingsForm>(() => settingsFormOf(initial));
  const save = useMutation({
    mutationFn: (f: SettingsForm) => api<PhishingSettings>(libraryApi.settings(orgId), { method: 'PUT', body: toSettingsInput(f) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(libraryKeys.settings(orgId), saved);
      notify({ tone: 'success', message: t('settings.saved') });
    },
  });
  const errors = fieldMessages(save.error);
  const patch = (p: Partial<SettingsForm>) => setForm((f) => ({ ...f, ...p }));
  const imap = (p: Partial<SettingsForm['imap']>) => setForm((f) => ({ ...f, imap: { ...f.imap, ...p } }));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(form);
      }}
    >
      <Stack gap="md" mb="xl">
        {initial.updatedAt === null ? (
          <Text size="sm" c="dimmed">
            {t('settings.defaultsShown')}
          </Text>
        ) : null}
        <Fieldset legend={t('settings.campaignDefaults')}>
          <Stack gap="sm">
            <Switch
              label={t('settings.anonymousDefault')}
              description={t('settings.anonymousHint')}
              checked={form.anonymousDefault}
              onChange={(e) => patch({ anonymousDefault: e.currentTarget.checked })}
            />
            <TextInput
              maw={240}
              label={t('settings.retentionDays')}
              description={t('settings.retentionHint')}
              inputMode="numeric"
              value={form.retentionDays}
              onChange={(e) => patch({ retentionDays: e.currentTarget.value })}
              error={errors.retentionDays}
            />
            <Textarea
              label={t('settings.transparencyNote')}
              description={t('settings.transparencyHint')}
              value={form.transparencyNote}
              onChange={(e) => patch({ transparencyNote: e.currentTarget.value })}
              error={errors.transparencyNote}
              autosize
              minRows={3}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('settings.reporting')}>
          <Stack gap="sm">
            <TextInput
              label={t('settings.reportAddress')}
              description={t('settings.reportAddressHint')}
              value={initial.reportAddress}
              readOnly
            />
            <Checkbox
              label={t('settings.imapEnabled')}
              checked={form.imapEnabled}
              onChange={(e) => patch({ imapEnabled: e.currentTarget.checked })}
            />
            {form.imapEnabled ? (
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput
                  label={t('settings.imapHost')}
                  value={form.imap.host}
                  onChange={(e) => imap({ host: e.currentTarget.value })}
                  error={errors['imap.host']}
                  required
                />
                <TextInput
                  label={t('settings.imapPort')}
                  inputMode="numeric"
                  value={form.imap.port}
                  onChange={(e) => imap({ port: e.currentTarget.value })}
                  error={errors['imap.port']}
                  required
                />
                <Checkbox
                  mt="xl"
                  label={t('settings.imapTls')}
                  checked={form.imap.tls}
                  onChange={(e) => imap({ tls: e.currentTarget.checked })}
                />
                <TextInput
                  label={t('settings.imapUsername')}
                  value={form.imap.username}
                  onChange={(e) => imap({ username: e.currentTarget.value })}
                  error={errors['imap.username']}
                  autoComplete="off"
                  required
                />
                {form.imapPasswordAction === 'keep' ? (
                  <Stack gap={4}>
                    <Text size="sm" fw={500}>
                      {t('profiles.password')}
                    </Text>
                    <Text size="sm">{t('profiles.passwordStored')}</Text>
                    <Group>
                      <Button size="xs" variant="default" onClick={() => patch({ imapPasswordAction: 'set', imapPassword: '' })}>
                        {t('profiles.passwordChange')}
                      </Button>
                    </Group>
                  </Stack>
                ) : (
                  <PasswordInput
                    label={t('profiles.password')}
                    description={initial.imap?.hasPassword ? t('profiles.passwordReplaceHint') : t('profiles.passwordHint')}
                    value={form.imapPassword}
                    onChange={(e) => patch({ imapPassword: e.currentTarget.value })}
                    error={errors['imap.password']}
                    autoComplete="new-password"
                  />
                )}
                <TextInput
                  label={t('settings.imapFolder')}
                  value={form.imap.folder}
                  onChange={(e) => imap({ folder: e.currentTarget.value })}
                  error={errors['imap.folder']}
                />
              </SimpleGrid>
            ) : initial.imap ? (
              <Text size="sm" c="red.9" role="status">
                {t('settings.imapWillBeRemoved')}
              </Text>
            ) : null}
          </Stack>
        </Fieldset>
        <ErrorAlert error={generalError(save.error, errors, settingsPlaced)} title={t('editor.notSaved')} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
