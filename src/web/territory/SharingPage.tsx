import { Group, List, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../admin/components/ConfirmModal.js';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { api } from '../api.js';
import { WithOrg } from '../learning/admin/components/scoped.js';
import { useMe } from '../me.js';
import { isOrgAdmin } from './can.js';
import { territoryApi, territoryKeys } from './endpoints.js';
import { type SharingDomain, type SharingItem, sharingDomains } from './types.js';

/** What the organization lets each of its territories see, domain by domain; its admins decide. */
export function SharingPage() {
  return <WithOrg>{(orgId) => <Sharing orgId={orgId} />}</WithOrg>;
}

function Sharing({ orgId }: { orgId: string }) {
  const { t } = useTranslation('territory');
  const me = useMe().data?.account;
  const canChange = me ? isOrgAdmin(me, orgId) : false;
  const list = useQuery({
    queryKey: territoryKeys.orgSharing(orgId),
    queryFn: () => api<{ items: SharingItem[] }>(territoryApi.orgSharing(orgId)),
  });
  return (
    <>
      <PageHeader title={t('sharing.title')} description={t('sharing.description')} />
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.items.length ?? 0) === 0}
        emptyTitle={t('sharing.emptyTitle')}
        emptyDescription={t('sharing.emptyHint')}
      >
        <Stack gap="lg">
          {list.data?.items.map((item) => (
            <TerritoryCard key={item.territory.id} orgId={orgId} item={item} canChange={canChange} />
          ))}
        </Stack>
      </ListStatus>
    </>
  );
}

function TerritoryCard({ orgId, item, canChange }: { orgId: string; item: SharingItem; canChange: boolean }) {
  const { t, i18n } = useTranslation('territory');
  const client = useQueryClient();
  const [pendingOff, setPendingOff] = useState<SharingDomain | null>(null);
  const save = useMutation({
    mutationFn: (patch: Partial<Record<SharingDomain, boolean>>) =>
      api<SharingItem>(territoryApi.orgSharingOne(orgId, item.territory.id), { method: 'PUT', body: { domains: patch } }),
    onSuccess: (updated) => {
      client.setQueryData<{ items: SharingItem[] }>(territoryKeys.orgSharing(orgId), (old) =>
        old ? { items: old.items.map((i) => (i.territory.id === updated.territory.id ? updated : i)) } : old,
      );
      setPendingOff(null);
    },
  });
  const headingId = `sharing-${item.territory.id}`;
  const since = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' }) : '');
  const leads = item.leads.map((l) => l.name).join(', ');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {item.territory.name}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {item.isLead ? t('sharing.youLead') : leads ? t('sharing.leads', { leads }) : t('sharing.noLead')}
      </Text>
      <Text size="sm" mb="sm">
        {t('sharing.aggregatesOnly')}
      </Text>
      {save.error && !pendingOff ? <ErrorAlert error={save.error} /> : null}
      <List listStyleType="none" spacing="sm" p={0}>
        {sharingDomains.map((d) => (
          <List.Item key={d}>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Switch
                checked={item.domains[d]}
                disabled={!canChange || save.isPending}
                aria-describedby={`${headingId}-${d}`}
                label={t(`domains.${d}.label`)}
                onChange={(e) => {
                  if (e.currentTarget.checked) save.mutate({ [d]: true });
                  else setPendingOff(d);
                }}
              />
            </Group>
            <Text size="xs" c="dimmed" id={`${headingId}-${d}`} ml={52}>
              {t(`domains.${d}.explain`)}
              {item.domains[d] && item.sharedSince[d] ? ` ${t('sharing.since', { date: since(item.sharedSince[d]) })}` : ''}
            </Text>
          </List.Item>
        ))}
      </List>
      {!canChange ? (
        <Text size="sm" mt="sm">
          {t('sharing.readOnly')}
        </Text>
      ) : null}
      <ConfirmModal
        opened={pendingOff !== null}
        title={t('sharing.confirmTitle', { territory: item.territory.name })}
        confirmLabel={t('sharing.confirmOff')}
        onConfirm={() => pendingOff && save.mutate({ [pendingOff]: false })}
        onClose={() => {
          setPendingOff(null);
          save.reset();
        }}
        loading={save.isPending}
        error={save.error}
      >
        {pendingOff ? t('sharing.confirmText', { domain: t(`domains.${pendingOff}.label`), territory: item.territory.name }) : ''}
      </ConfirmModal>
    </Paper>
  );
}
