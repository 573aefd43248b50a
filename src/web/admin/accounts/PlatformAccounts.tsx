import { Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api.js';
import { useNotify } from '../../shell/notifications.js';
import { ConfirmModal } from '../components/ConfirmModal.js';
import { DataTable } from '../components/DataTable.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { formatDateTime } from '../components/format.js';
import { ListFooter } from '../components/ListFooter.js';
import { ListStatus } from '../components/ListStatus.js';
import { SearchInput } from '../components/SearchInput.js';
import { Th } from '../components/SortableTh.js';
import { endpoints, qs } from '../endpoints.js';
import type { Account, AccountGrant } from '../types.js';
import { AccountBadges, GrantBadges, isLocked } from './accountBits.js';
import { PlatformGrantForm } from './PlatformGrantForm.js';

type Pending =
  | { kind: 'resetTotp'; account: Account }
  | { kind: 'deactivate'; account: Account }
  | { kind: 'revoke'; account: Account; grant: AccountGrant };

/** Platform admins: every account, with unlock, second-factor reset, (de)activation and roles on any scope. */
export function PlatformAccounts() {
  const { t, i18n } = useTranslation('admin');
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [pending, setPending] = useState<Pending | null>(null);
  const list = useQuery({
    queryKey: ['admin', 'accounts', 'platform', q, page, pageSize],
    queryFn: () => api<Page<Account>>(`${endpoints.platformAccounts}${qs({ q, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'accounts'] });
  const action = useMutation({
    mutationFn: (p: Pending | { kind: 'unlock' | 'activate'; account: Account }) => {
      switch (p.kind) {
        case 'unlock':
          return api<unknown>(endpoints.platformAccountUnlock(p.account.id), { method: 'POST' });
        case 'resetTotp':
          return api<unknown>(endpoints.platformAccountResetTotp(p.account.id), { method: 'POST' });
        case 'activate':
          return api<unknown>(endpoints.platformAccount(p.account.id), { method: 'PATCH', body: { active: true } });
        case 'deactivate':
          return api<unknown>(endpoints.platformAccount(p.account.id), { method: 'PATCH', body: { active: false } });
        case 'revoke':
          return api<unknown>(endpoints.platformGrant(p.grant.id ?? ''), { method: 'DELETE' });
      }
    },
    onSuccess: async (_data, p) => {
      setPending(null);
      notify({ tone: 'success', message: t(`accounts.done.${p.kind}`, { name: p.account.displayName || p.account.email }) });
      await refresh();
    },
  });
  const ask = (p: Pending) => {
    action.reset();
    setPending(p);
  };
  const name = (a: Account) => a.displayName || a.email;
  const confirmText = (p: Pending): { title: string; body: string; button: string } => {
    switch (p.kind) {
      case 'resetTotp':
        return {
          title: t('accounts.resetTotpTitle'),
          body: t('accounts.resetTotpConfirm', { name: name(p.account) }),
          button: t('accounts.resetTotp'),
        };
      case 'deactivate':
        return {
          title: t('accounts.deactivateTitle'),
          body: t('accounts.deactivateConfirm', { name: name(p.account) }),
          button: t('accounts.deactivate'),
        };
      case 'revoke':
        return {
          title: t('accounts.revokeTitle'),
          body: t('accounts.revokeConfirm', { role: t(`roles.${p.grant.role}`), name: name(p.account) }),
          button: t('accounts.revoke'),
        };
    }
  };
  const confirm = pending ? confirmText(pending) : null;

  return (
    <Stack>
      <Card withBorder>
        <PlatformGrantForm
          onGranted={() => {
            notify({ tone: 'success', message: t('accounts.granted') });
            void refresh();
          }}
        />
      </Card>
      <SearchInput
        label={t('accounts.search')}
        value={q}
        onSearch={(v) => {
          setQ(v);
          setPage(1);
        }}
      />
      {!pending ? <ErrorAlert error={action.error} /> : null}
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={q ? t('common.noMatch') : t('accounts.empty')}
      >
        <DataTable
          caption={t('accounts.platformTab')}
          minWidth={1000}
          head={
            <>
              <Th>{t('accounts.fields.account')}</Th>
              <Th>{t('accounts.fields.roles')}</Th>
              <Th>{t('accounts.fields.security')}</Th>
              <Th>{t('accounts.fields.lastSignIn')}</Th>
              <Th>{t('common.actions')}</Th>
            </>
          }
        >
          {list.data?.items.map((a) => (
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
                <GrantBadges account={a} showScope onRevoke={(grant) => ask({ kind: 'revoke', account: a, grant })} />
              </Table.Td>
              <Table.Td>
                <AccountBadges account={a} />
              </Table.Td>
              <Table.Td>{a.lastSignInAt ? formatDateTime(a.lastSignInAt, i18n.language) : t('accounts.never')}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {isLocked(a) ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => action.mutate({ kind: 'unlock', account: a })}
                      aria-label={t('accounts.unlockOf', { name: name(a) })}
                    >
                      {t('accounts.unlock')}
                    </Button>
                  ) : null}
                  {a.totpEnabled ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => ask({ kind: 'resetTotp', account: a })}
                      aria-label={t('accounts.resetTotpOf', { name: name(a) })}
                    >
                      {t('accounts.resetTotp')}
                    </Button>
                  ) : null}
                  {a.active === false ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => action.mutate({ kind: 'activate', account: a })}
                      aria-label={t('accounts.activateOf', { name: name(a) })}
                    >
                      {t('accounts.activate')}
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => ask({ kind: 'deactivate', account: a })}
                      aria-label={t('accounts.deactivateOf', { name: name(a) })}
                    >
                      {t('accounts.deactivate')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <ListFooter
          page={page}
          pageSize={pageSize}
          total={list.data?.total ?? 0}
          onPage={setPage}
          onPageSize={(n) => {
            setPageSize(n);
            setPage(1);
          }}
        />
      </ListStatus>
      <ConfirmModal
        opened={pending !== null}
        title={confirm?.title ?? ''}
        confirmLabel={confirm?.button ?? ''}
        onClose={() => setPending(null)}
        onConfirm={() => pending && action.mutate(pending)}
        loading={action.isPending}
        error={action.error}
      >
        {confirm?.body ?? ''}
      </ConfirmModal>
    </Stack>
  );
}
