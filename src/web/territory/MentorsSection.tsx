import { Button, Group, NumberInput, Paper, Select, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../admin/components/DataTable.js';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { Th } from '../admin/components/SortableTh.js';
import { api } from '../api.js';
import { useMe } from '../me.js';
import { territoryApi, territoryKeys } from './endpoints.js';
import type { Mentor } from './types.js';

/** Mentors offered by the lead organizations: capacity, current load, withdrawal. */
export function MentorsSection({ territoryId, canManage }: { territoryId: string; canManage: boolean }) {
  const { t } = useTranslation('territory');
  const client = useQueryClient();
  const key = [...territoryKeys.mentoring(territoryId), 'mentors'];
  const mentors = useQuery({ queryKey: key, queryFn: () => api<{ items: Mentor[] }>(territoryApi.mentors(territoryId)) });
  const refresh = () => client.invalidateQueries({ queryKey: territoryKeys.mentoring(territoryId) });
  const update = useMutation({
    mutationFn: (p: { id: string; capacity?: number; active?: boolean }) =>
      api<Mentor>(territoryApi.mentor(territoryId, p.id), { method: 'PATCH', body: { capacity: p.capacity, active: p.active } }),
    onSuccess: refresh,
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mentors-title">
      <Title order={2} size="h3" id="mentors-title" mb="xs">
        {t('mentoring.mentors')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('mentoring.mentorsHint')}
      </Text>
      <ErrorAlert error={update.error} />
      <ListStatus
        isPending={mentors.isPending}
        error={mentors.error}
        isEmpty={(mentors.data?.items.length ?? 0) === 0}
        emptyTitle={t('mentoring.noMentor')}
      >
        <DataTable
          caption={t('mentoring.mentors')}
          minWidth={680}
          head={
            <>
              <Th>{t('mentoring.mentor')}</Th>
              <Th>{t('mentoring.organization')}</Th>
              <Th>{t('mentoring.load')}</Th>
              <Th>{t('mentoring.capacity')}</Th>
              <Th>{t('mentoring.available')}</Th>
            </>
          }
        >
          {mentors.data?.items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {m.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.email}
                </Text>
              </Table.Td>
              <Table.Td>
                {m.organization.name}
                {!m.fromLead ? (
                  <Text size="xs" c="red.9">
                    {t('mentoring.noLongerLead')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{t('mentoring.loadValue', { active: m.activeMentees, capacity: m.capacity, left: m.capacityLeft })}</Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('mentoring.capacityOf', { name: m.displayName })}
                  min={1}
                  max={20}
                  w={80}
                  size="xs"
                  defaultValue={m.capacity}
                  disabled={!canManage}
                  onBlur={(e) => {
                    const capacity = Number(e.currentTarget.value);
                    if (capacity !== m.capacity && capacity >= 1 && capacity <= 20) update.mutate({ id: m.id, capacity });
                  }}
                />
              </Table.Td>
              <Table.Td>
                <Switch
                  checked={m.active}
                  disabled={!canManage || update.isPending}
                  label={m.active ? t('mentoring.active') : t('mentoring.withdrawn')}
                  onChange={(e) => update.mutate({ id: m.id, active: e.currentTarget.checked })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListStatus>
      {canManage ? <OfferMentor territoryId={territoryId} onDone={refresh} /> : null}
    </Paper>
  );
}

function OfferMentor({ territoryId, onDone }: { territoryId: string; onDone: () => void }) {
  const { t } = useTranslation('territory');
  const myId = useMe().data?.account?.id ?? '';
  const [accountId, setAccountId] = useState('');
  const [capacity, setCapacity] = useState<number>(3);
  const candidates = useQuery({
    queryKey: ['territory', territoryId, 'mentor-candidates'],
    queryFn: () =>
      api<{ items: Array<{ accountId: string; name: string; email: string; organizationName: string }> }>(
        territoryApi.mentorCandidates(territoryId),
      ),
  });
  const offer = useMutation({
    mutationFn: (id: string) => api<Mentor>(territoryApi.mentors(territoryId), { body: { accountId: id, capacity } }),
    onSuccess: () => {
      setAccountId('');
      void candidates.refetch();
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    offer.mutate(accountId.trim());
  };
  return (
    <form onSubmit={submit}>
      <Title order={3} size="h4" mt="md" mb="xs">
        {t('mentoring.offer')}
      </Title>
      <ErrorAlert error={offer.error} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('mentoring.accountId')}
          description={t('mentoring.accountIdHint')}
          placeholder={candidates.data?.items.length === 0 ? t('mentoring.noCandidates') : undefined}
          data={(candidates.data?.items ?? []).map((c) => ({
            value: c.accountId,
            label: `${c.name} — ${c.organizationName} (${c.email})`,
          }))}
          value={accountId || null}
          onChange={(v) => setAccountId(v ?? '')}
          searchable
          required
          miw={260}
          style={{ flex: 1 }}
        />
        <NumberInput
          label={t('mentoring.capacity')}
          min={1}
          max={20}
          w={110}
          value={capacity}
          onChange={(v) => setCapacity(Number(v) || 3)}
        />
        <Button type="submit" loading={offer.isPending}>
          {t('mentoring.offerSubmit')}
        </Button>
        {myId ? (
          <Button variant="default" onClick={() => offer.mutate(myId)} disabled={offer.isPending}>
            {t('mentoring.offerMe')}
          </Button>
        ) : null}
      </Group>
    </form>
  );
}
