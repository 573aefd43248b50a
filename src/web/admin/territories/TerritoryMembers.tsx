import { Badge, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.js';
import { useNotify } from '../../shell/notifications.js';
import { Callout } from '../components/Callout.js';
import { ConfirmModal } from '../components/ConfirmModal.js';
import { DataTable } from '../components/DataTable.js';
import { ListStatus } from '../components/ListStatus.js';
import { OrganizationSelect } from '../components/OrganizationSelect.js';
import { Th } from '../components/SortableTh.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { endpoints } from '../endpoints.js';
import type { TerritoryDetail, TerritoryMember } from '../types.js';

/** Member organizations of a territory: add one, make it a lead or not, remove it. */
export function TerritoryMembers({ territory, canManage }: { territory: TerritoryDetail; canManage: boolean }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [removing, setRemoving] = useState<TerritoryMember | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'territory', territory.id] });

  const setLead = useMutation({
    mutationFn: (m: { organizationId: string; isLead: boolean }) =>
      api<unknown>(endpoints.territoryMember(territory.id, m.organizationId), { method: 'PUT', body: { isLead: m.isLead } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (orgId: string) => api<unknown>(endpoints.territoryMember(territory.id, orgId), { method: 'DELETE' }),
    onSuccess: async () => {
      notify({ tone: 'success', message: t('territories.members.removed', { name: removing?.name ?? '' }) });
      setRemoving(null);
      await refresh();
    },
  });

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('territories.members.title')}
      </Title>
      <MemberActionError error={setLead.error} />
      <ListStatus isPending={false} error={null} isEmpty={territory.members.length === 0} emptyTitle={t('territories.members.empty')}>
        <DataTable
          caption={t('territories.members.title')}
          minWidth={640}
          head={
            <>
              <Th>{t('organizations.fields.name')}</Th>
              <Th>{t('organizations.fields.kind')}</Th>
              <Th>{t('territories.members.role')}</Th>
              <Th>{t('territories.members.sharing')}</Th>
              {canManage ? <Th>{t('common.actions')}</Th> : null}
            </>
          }
        >
          {territory.members.map((m) => (
            <Table.Tr key={m.organizationId}>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{t(`organizationKinds.${m.kind}`)}</Table.Td>
              <Table.Td>{m.isLead ? <Badge>{t('territories.members.lead')}</Badge> : t('territories.members.member')}</Table.Td>
              <Table.Td>
                <StatusBadge color={m.sharesData ? 'teal' : 'gray'}>
                  {m.sharesData ? t('territories.members.shares') : t('territories.members.notShares')}
                </StatusBadge>
              </Table.Td>
              {canManage ? (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      loading={setLead.isPending && setLead.variables?.organizationId === m.organizationId}
                      onClick={() => setLead.mutate({ organizationId: m.organizationId, isLead: !m.isLead })}
                      aria-label={t(m.isLead ? 'territories.members.unsetLeadOf' : 'territories.members.setLeadOf', { name: m.name })}
                    >
                      {m.isLead ? t('territories.members.unsetLead') : t('territories.members.setLead')}
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => {
                        remove.reset();
                        setRemoving(m);
                      }}
                      aria-label={t('territories.members.removeOf', { name: m.name })}
                    >
                      {t('territories.members.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </DataTable>
      </ListStatus>
      {canManage ? <AddMember territory={territory} onAdded={refresh} /> : null}
      <ConfirmModal
        opened={removing !== null}
        title={t('territories.members.removeTitle')}
        confirmLabel={t('territories.members.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing.organizationId)}
        loading={remove.isPending}
        error={remove.error}
      >
        {t('territories.members.removeConfirm', { name: removing?.name ?? '', territory: territory.name })}
      </ConfirmModal>
    </Stack>
  );
}

/** A 409 last_lead gets its own explanation: a territory always keeps one lead establishment. */
function MemberActionError({ error }: { error: unknown }) {
  const { t } = useTranslation('admin');
  if (!error) return null;
  const lastLead = error instanceof ApiError && error.code === 'last_lead';
  return (
    <Callout color="red" role="alert" title={lastLead ? t('territories.members.lastLeadTitle') : t('common.errorTitle')}>
      {error instanceof Error ? error.message : t('common.unexpectedError')}
    </Callout>
  );
}

function AddMember({ territory, onAdded }: { territory: TerritoryDetail; onAdded: () => Promise<unknown> }) {
  const { t } = useTranslation('admin');
  const [orgId, setOrgId] = useState<string | null>(null);
  const [isLead, setIsLead] = useState(false);
  const [missing, setMissing] = useState(false);
  const add = useMutation({
    mutationFn: (id: string) => api<unknown>(endpoints.territoryMember(territory.id, id), { method: 'PUT', body: { isLead } }),
    onSuccess: async () => {
      setOrgId(null);
      setIsLead(false);
      await onAdded();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!orgId) {
      setMissing(true);
      return;
    }
    add.mutate(orgId);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('territories.members.add')}
        </Title>
        <Group align="flex-end" gap="sm">
          <div style={{ flex: 1, minWidth: 220 }}>
            <OrganizationSelect
              label={t('territories.members.organization')}
              value={orgId}
              onChange={(id) => {
                setOrgId(id);
                setMissing(false);
              }}
              exclude={territory.members.map((m) => m.organizationId)}
              error={missing ? t('common.required') : null}
            />
          </div>
          <Checkbox label={t('territories.members.asLead')} checked={isLead} onChange={(e) => setIsLead(e.currentTarget.checked)} mb={8} />
          <Button type="submit" loading={add.isPending}>
            {t('territories.members.addButton')}
          </Button>
        </Group>
        {add.error ? (
          <Text c="red" size="sm" role="alert">
            {add.error.message}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}
