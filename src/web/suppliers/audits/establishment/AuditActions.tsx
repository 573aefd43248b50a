import { Button, Group } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { api } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { useErrorText } from '../../../shell/use-report-error.js';
import { auditsApi } from '../endpoints.js';
import type { AuditDetail, OpenResult } from '../types.js';
import { ShareModal } from './ShareModal.js';

interface Props {
  orgId: string;
  audit: AuditDetail;
  territoryId: string | null;
  /** suppliers.manage: open, resend, cancel, share. */
  canManage: boolean;
  onChanged: (audit: AuditDetail) => void;
}

type Asking = 'open' | 'notice' | 'cancel' | null;

/** The lead's actions on an audit, each confirmed first: it emails the provider or stops the audit. */
export function AuditActions({ orgId, audit, territoryId, canManage, onChanged }: Props) {
  const { t } = useTranslation('suppliersAudits');
  const notify = useNotify();
  const errorText = useErrorText();
  const [asking, setAsking] = useState<Asking>(null);
  const [sharing, setSharing] = useState(false);
  const act = useMutation({
    mutationFn: (action: 'open' | 'notice' | 'cancel') =>
      api<OpenResult>(auditsApi.auditAction(orgId, audit.id, action), { method: 'POST' }),
    onSuccess: (next, action) => {
      setAsking(null);
      onChanged(next);
      if (action === 'cancel') notify({ tone: 'success', message: t('actions.cancelled') });
      else {
        notify({ tone: 'success', message: t('actions.noticesSent', { count: next.noticesSent }) });
        if (next.noticeFailures.length > 0)
          notify({ tone: 'error', message: t('actions.noticeFailures', { emails: next.noticeFailures.join(', ') }) });
      }
    },
  });
  const ask = (action: Exclude<Asking, null>) => {
    act.reset();
    setAsking(action);
  };
  if (audit.role !== 'lead' || !canManage) return null;
  const shareable = !['cancelled', 'closed'].includes(audit.status);
  return (
    <Group gap="xs" wrap="wrap">
      {audit.status === 'planned' ? <Button onClick={() => ask('open')}>{t('actions.open')}</Button> : null}
      {audit.status === 'open' ? (
        <Button variant="light" onClick={() => ask('notice')}>
          {t('actions.resend')}
        </Button>
      ) : null}
      {shareable ? (
        <Button variant="default" onClick={() => setSharing(true)}>
          {t('actions.share')}
        </Button>
      ) : null}
      {audit.status === 'planned' || audit.status === 'open' ? (
        <Button variant="subtle" color="red" c="red.9" onClick={() => ask('cancel')}>
          {t('actions.cancel')}
        </Button>
      ) : null}
      <ConfirmModal
        opened={asking !== null}
        title={asking ? t(`actions.${asking}Title`) : ''}
        confirmLabel={asking ? t(`actions.${asking}Confirm`) : ''}
        color={asking === 'cancel' ? 'red.9' : 'blue.9'}
        onConfirm={() => asking && act.mutate(asking)}
        onClose={() => setAsking(null)}
        loading={act.isPending}
        error={act.error ? new Error(errorText(act.error)) : null}
      >
        {asking ? t(`actions.${asking}Text`) : ''}
      </ConfirmModal>
      <ShareModal
        orgId={orgId}
        audit={audit}
        territoryId={territoryId}
        opened={sharing}
        onClose={() => setSharing(false)}
        onShared={(next) => {
          setSharing(false);
          onChanged(next);
          notify({ tone: 'success', message: t('sharing.done') });
        }}
      />
    </Group>
  );
}
