import { Anchor, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { registerApi, registerKeys } from '../endpoints.js';
import { clauseTriggers, type Trigger, type TriggeredAudit } from '../types.js';

/** Plans an extra audit after an incident, a breach or a change of subcontractor, as the clause allows. */
export function TriggeredAuditModal({
  orgId,
  contractId,
  opened,
  onClose,
}: {
  orgId: string;
  contractId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('suppliersRegister');
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<Trigger>('incident');
  const [note, setNote] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api<TriggeredAudit>(registerApi.contractAction(orgId, contractId, 'triggered-audit'), { body: { reason, note: note.trim() } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: registerKeys.calendar(orgId) }),
  });
  const close = () => {
    create.reset();
    setNote('');
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('triggered.title')}>
      {create.data ? (
        <Stack>
          <Text role="status">
            {t('triggered.done', { date: new Date(`${create.data.dueOn}T00:00:00`).toLocaleDateString(i18n.language) })}
          </Text>
          <Group justify="flex-end">
            <Anchor component={Link} to={`/suppliers/audits/${encodeURIComponent(create.data.id)}`}>
              {t('triggered.openAudit')}
            </Anchor>
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Stack>
            <Text size="sm">{t('triggered.description')}</Text>
            <NativeSelect
              label={t('triggered.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value as Trigger)}
              data={clauseTriggers.map((x) => ({ value: x, label: t(`triggers.${x}`) }))}
            />
            <Textarea label={t('triggered.note')} autosize minRows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <ErrorAlert error={create.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('triggered.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
