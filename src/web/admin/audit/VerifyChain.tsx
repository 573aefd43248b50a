import { Button, Group } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { Callout } from '../components/Callout.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { formatNumber } from '../components/format.js';
import { endpoints } from '../endpoints.js';
import type { AuditVerify } from '../types.js';

/** Recomputes the hash chain of the whole log and says whether, and where, it is broken. */
export function VerifyChain() {
  const { t, i18n } = useTranslation('admin');
  const verify = useMutation({ mutationFn: () => api<AuditVerify>(endpoints.auditVerify) });
  const r = verify.data;
  return (
    <Group align="flex-start" gap="sm">
      <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>
        {t('audit.verify')}
      </Button>
      <div aria-live="polite" style={{ flex: 1, minWidth: 200 }}>
        {r?.ok ? (
          <Callout color="teal" title={t('audit.verifyOk')} data-testid="audit-verify-result">
            {t('audit.verifyOkText', { count: r.checked, checked: formatNumber(r.checked, i18n.language) })}
          </Callout>
        ) : null}
        {r && !r.ok ? (
          <Callout color="red" title={t('audit.verifyBroken')} data-testid="audit-verify-result">
            {t('audit.verifyBrokenText', { seq: r.brokenAt?.seq ?? '?', checked: formatNumber(r.checked, i18n.language) })}
            {r.brokenAt ? ` ${t(`audit.brokenReasons.${r.brokenAt.reason}`)}` : ''}
          </Callout>
        ) : null}
        <ErrorAlert error={verify.error} />
      </div>
    </Group>
  );
}
