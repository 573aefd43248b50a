import { Button, Table } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../admin/components/ConfirmModal.js';
import { DataTable } from '../../../admin/components/DataTable.js';
import { Th } from '../../../admin/components/SortableTh.js';
import { StatusBadge } from '../../../admin/components/StatusBadge.js';
import { api } from '../../../api.js';
import { ListSection } from '../../../learning/admin/components/list-section.js';
import { useNotify } from '../../../shell/notifications.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import type { Mandate } from '../types.js';

/** Each territory the organization belongs to, and whether its coordinators may run campaigns for the organization's staff. */
export function MandatesSection({ orgId }: { orgId: string }) {
  const { t } = useTranslation('phishingLibrary');
  const { t: ta } = useTranslation('admin');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [changing, setChanging] = useState<Mandate | null>(null);
  const list = useQuery({ queryKey: libraryKeys.mandates(orgId), queryFn: () => api<{ items: Mandate[] }>(libraryApi.mandates(orgId)) });
  const change = useMutation({
    mutationFn: (m: Mandate) => api<unknown>(libraryApi.mandate(orgId, m.territoryId), { method: m.granted ? 'DELETE' : 'PUT' }),
    onSuccess: (_, m) => {
      setChanging(null);
      void queryClient.invalidateQueries({ queryKey: libraryKeys.mandates(orgId) });
      notify({ tone: 'success', message: t(m.granted ? 'mandates.revoked' : 'mandates.granted', { name: m.name }) });
    },
  });
  return (
    <ListSection
      id="phishing-mandates"
      title={t('mandates.title')}
      description={t('mandates.description')}
      list={{ ...list, data: list.data?.items }}
      emptyTitle={t('mandates.empty')}
    >
      <DataTable
        caption={t('mandates.title')}
        minWidth={560}
        head={
          <>
            <Th>{t('mandates.territory')}</Th>
            <Th>{t('mandates.status')}</Th>
            <Th>{t('common.actions')}</Th>
          </>
        }
      >
        {list.data?.items.map((m) => (
          <Table.Tr key={m.territoryId}>
            <Table.Td>
              {m.name} <span style={{ opacity: 0.7 }}>({ta(`territoryKinds.${m.kind}`, { defaultValue: m.kind })})</span>
            </Table.Td>
            <Table.Td>
              {m.granted ? (
                <StatusBadge color="teal">{t('mandates.grantedOn', { date: (m.grantedAt ?? '').slice(0, 10) })}</StatusBadge>
              ) : (
                <StatusBadge color="gray">{t('mandates.none')}</StatusBadge>
              )}
            </Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant={m.granted ? 'subtle' : 'light'}
                {...(m.granted ? { color: 'red', c: 'red.9' } : {})}
                onClick={() => {
                  change.reset();
                  setChanging(m);
                }}
              >
                {m.granted ? t('mandates.revoke', { name: m.name }) : t('mandates.grant', { name: m.name })}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmModal
        opened={changing !== null}
        title={changing?.granted ? t('mandates.revokeTitle') : t('mandates.grantTitle')}
        confirmLabel={changing?.granted ? t('mandates.revokeConfirm') : t('mandates.grantConfirm')}
        color={changing?.granted ? 'red.9' : ''}
        onConfirm={() => changing && change.mutate(changing)}
        onClose={() => setChanging(null)}
        loading={change.isPending}
        error={change.error}
      >
        {changing?.granted
          ? t('mandates.revokeText', { name: changing?.name ?? '' })
          : t('mandates.grantText', { name: changing?.name ?? '' })}
      </ConfirmModal>
    </ListSection>
  );
}
