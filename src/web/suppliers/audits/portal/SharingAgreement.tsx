import { Button, List, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Callout } from '../../../admin/components/Callout.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { auditsApi } from '../endpoints.js';
import type { PortalDetail } from '../types.js';

/** A shared audit: the provider agrees once that every listed organization reads its answers. */
export function SharingAgreement({ audit, onAgreed }: { audit: PortalDetail; onAgreed: (d: PortalDetail) => void }) {
  const { t } = useTranslation('suppliersAudits');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const agree = async () => {
    setBusy(true);
    setError(null);
    try {
      onAgreed(await api<PortalDetail>(auditsApi.portalAgree(audit.id), { method: 'POST' }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Callout color={audit.sharingAgreed ? 'teal' : 'orange'} title={t('sharing.portalTitle')}>
      <Text size="sm">{t(audit.sharingAgreed ? 'sharing.portalAgreed' : 'sharing.portalAsk')}</Text>
      <List size="sm" my="xs">
        {audit.sharedWith.map((name) => (
          <List.Item key={name}>{name}</List.Item>
        ))}
      </List>
      {audit.sharingAgreed ? null : (
        <Button size="xs" onClick={() => void agree()} loading={busy}>
          {t('sharing.agree')}
        </Button>
      )}
      <ErrorAlert error={error} />
    </Callout>
  );
}
