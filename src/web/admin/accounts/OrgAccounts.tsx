import { Card, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api.js';
import { useNotify } from '../../shell/notifications.js';
import { ConfirmModal } from '../components/ConfirmModal.js';
import { DataTable } from '../components/DataTable.js';
import { formatDateTime } from '../components/format.js';
import { ListStatus } from '../components/ListStatus.js';
import { Th } from '../components/SortableTh.js';
import { endpoints, qs } from '../endpoints.js';
import { type Account, type AccountGrant, itemsOf } from '../types.js';
import { AccountBadges, GrantBadges } from './accountBits.js';
import { GrantRoleForm } from './GrantRoleForm.js';

/** Who holds a role on the organization, and granting or revoking roles. */
export function OrgAccounts({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation('admin');
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [revoking, setRevoking] = useState<{ account: Account; grant: AccountGrant } | null>(null);
  const list = useQuery({
    queryKey: ['admin', 'accounts', orgId],
    queryFn: () => api<Page<Account> | Account[]>(`${endpoints.orgAccounts(orgId)}${qs({ pageSize: 200 })}`),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'accounts'] });
  const revoke = useMutation({
    mutationFn: (grantId: string) => api<unknown>(endpoints.orgGrant(orgId, grantId), { method: 'DELETE' }),
    onSuccess: async () => {
      setRevoking(null);
      notify({ tone: 'success', message: t('accounts.revoked') });
      await refresh();
    },
  });
  const accounts = itemsOf(list.data);
  return (
    <Stack>
      <Card withBorder>
        <GrantRoleForm
          orgId={orgId}
          onGranted={() => {
            notify({ tone: 'success', message: t('accounts.granted') });
            void refresh();
          }}
        />
      </Card>
      <ListStatus isPending={list.isPending} error={list.error} isEmpty={accounts.length === 0} emptyTitle={t('accounts.empty')}>
        <DataTable
          caption={t('accounts.orgTab')}
          minWidth={820}
          head={
            <>
              <Th>{t('accounts.fields.account')}</Th>
              <Th>{t('accounts.fields.roles')}</Th>
              <Th>{t('accounts.fields.security')}</Th>
              <Th>{t('accounts.fields.lastSignIn')}</Th>
            </>
          }
        >
          {accounts.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {a.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {a.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <GrantBadges
                  account={a}
                  onRevoke={(grant) => {
                    revoke.reset();
                    setRevoking({ account: a, grant });
                  }}
                />
              </Table.Td>
              <Table.Td>
                <AccountBadges account={a} />
              </Table.Td>
              <Table.Td>{a.lastSignInAt ? formatDateTime(a.lastSignInAt, i18n.language) : t('accounts.never')}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListStatus>
      <ConfirmModal
        opened={revoking !== null}
        title={t('accounts.revokeTitle')}
        confirmLabel={t('accounts.revoke')}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking?.grant.id && revoke.mutate(revoking.grant.id)}
        loading={revoke.isPending}
        error={revoke.error}
      >
        {revoking
          ? t('accounts.revokeConfirm', {
              role: t(`roles.${revoking.grant.role}`),
              name: revoking.account.displayName || revoking.account.email,
            })
          : ''}
      </ConfirmModal>
    </Stack>
  );
}
