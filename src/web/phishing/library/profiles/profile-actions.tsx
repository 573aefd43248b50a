import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { ApiError, api } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { useErrorText } from '../../../shell/use-report-error.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import type { Profile } from '../types.js';

/**
 * Sends one real test email through a saved profile and shows what the SMTP server answered, or
 * the failure with the field it concerns (host, username, …).
 */
export function TestEmailModal({
  orgId,
  profile,
  onClose,
}: {
  orgId: string;
  profile: Pick<Profile, 'id' | 'name'> | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('phishingLibrary');
  const errorText = useErrorText();
  const [to, setTo] = useState('');
  const test = useMutation({
    mutationFn: () => api<{ ok: boolean; message: string }>(libraryApi.profileTest(orgId, profile?.id ?? ''), { body: { to: to.trim() } }),
  });
  const close = () => {
    test.reset();
    onClose();
  };
  const err = test.error;
  const fieldOfError = err instanceof ApiError && err.field ? err.field.replace(/^body\./, '') : null;
  return (
    <Modal opened={profile !== null} onClose={close} title={t('profiles.testTitle', { name: profile?.name ?? '' })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          test.mutate();
        }}
      >
        <Stack>
          <TextInput
            type="email"
            label={t('profiles.testTo')}
            description={t('profiles.testHint')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={fieldOfError === 'to' ? errorText(err) : undefined}
            required
            data-autofocus
          />
          {test.data ? (
            <Alert
              color={test.data.ok ? 'teal' : 'red'}
              title={test.data.ok ? t('profiles.testSent') : t('profiles.testFailed')}
              role="status"
            >
              {test.data.message}
            </Alert>
          ) : null}
          {err && fieldOfError !== 'to' ? (
            <Alert
              color="red"
              title={
                fieldOfError
                  ? t('profiles.testFailedAt', { field: t(`profiles.fieldNames.${fieldOfError}`, { defaultValue: fieldOfError }) })
                  : t('profiles.testFailed')
              }
              role="alert"
            >
              {errorText(err)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.close')}
            </Button>
            <Button type="submit" loading={test.isPending}>
              {t('profiles.testSend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Archives a profile after asking; campaigns already scheduled with it are not changed by the web. */
export function ArchiveProfile({
  orgId,
  profile,
  onClose,
  onDone,
}: {
  orgId: string;
  profile: Pick<Profile, 'id' | 'name'> | null;
  onClose: () => void;
  onDone?: () => void;
}) {
  const { t } = useTranslation('phishingLibrary');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: (p: Pick<Profile, 'id' | 'name'>) => api<void>(libraryApi.profile(orgId, p.id), { method: 'DELETE' }),
    onSuccess: (_, p) => {
      void queryClient.invalidateQueries({ queryKey: libraryKeys.profiles(orgId) });
      notify({ tone: 'success', message: t('common.archivedDone', { title: p.name }) });
      onClose();
      onDone?.();
    },
  });
  return (
    <ConfirmModal
      opened={profile !== null}
      title={t('profiles.archiveTitle')}
      confirmLabel={t('common.archive')}
      onConfirm={() => profile && archive.mutate(profile)}
      onClose={() => {
        archive.reset();
        onClose();
      }}
      loading={archive.isPending}
      error={archive.error}
    >
      {t('profiles.archiveText', { name: profile?.name ?? '' })}
    </ConfirmModal>
  );
}
