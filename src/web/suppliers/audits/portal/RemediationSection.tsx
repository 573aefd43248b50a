import { Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { api } from '../../../api.js';
import { auditsKeys } from '../endpoints.js';
import type { AuditStatus } from '../types.js';
import { RemediationFinding } from './RemediationFinding.js';
import { type ProviderFinding, parisToday, remediationApi, remediationKey, replaceFinding } from './remediation-logic.js';

interface Props {
  auditId: string;
  status: AuditStatus;
  /** The server's evidence size limit. */
  maxBytes: number;
}

/** The portal's "Plan d'action": the findings of a reviewed audit and the provider's side of each plan. */
export function RemediationSection({ auditId, status, maxBytes }: Props) {
  const { t } = useTranslation('suppliersAudits');
  const queryClient = useQueryClient();
  const key = remediationKey(auditId);
  const findings = useQuery({
    queryKey: key,
    queryFn: () => api<{ items: ProviderFinding[] }>(remediationApi.findings(auditId)),
  });
  const changed = (next: ProviderFinding) => {
    queryClient.setQueryData<{ items: ProviderFinding[] }>(key, (old) => (old ? { items: replaceFinding(old.items, next) } : old));
    // The finding's files and the audit's status (the last finding closed closes it) come back with the audit.
    void queryClient.invalidateQueries({ queryKey: auditsKeys.portalAudit(auditId) });
  };
  const today = parisToday();
  const items = findings.data?.items ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="remediation-heading">
      <div>
        <Title id="remediation-heading" order={2} size="h3">
          {t('remediation.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('remediation.intro')}
        </Text>
      </div>
      <ListStatus
        isPending={findings.isPending}
        error={findings.error}
        isEmpty={items.length === 0}
        emptyTitle={t('remediation.empty')}
        emptyDescription={t('remediation.emptyDescription')}
      >
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('remediation.listLabel')}>
          {items.map((f) => (
            <RemediationFinding
              key={f.id}
              auditId={auditId}
              maxBytes={maxBytes}
              finding={f}
              auditClosed={status === 'closed'}
              today={today}
              onChanged={changed}
            />
          ))}
        </Stack>
      </ListStatus>
    </Stack>
  );
}
