import { Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { useNotify } from '../../../shell/notifications.js';
import { ListSection } from '../components/list-section.js';
import { WithOrg, WithTerritory } from '../components/scoped.js';
import { adminApi, adminKeys } from '../endpoints.js';
import type { FlashAlert, FlashAlertInput } from '../types.js';
import { FlashAlertForm } from './FlashAlertForm.js';
import { FlashAlertList } from './FlashAlertList.js';
import { useTerritoryMembers } from './members.js';

// Emails go out and people acknowledge while the page is open: the counts follow every 15 s.
const REFRESH_MS = 15_000;

export function FlashAlertsPage() {
  return <WithOrg>{(orgId) => <OrgFlashAlerts orgId={orgId} />}</WithOrg>;
}

function OrgFlashAlerts({ orgId }: { orgId: string }) {
  const { t } = useTranslation('learningAdmin');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const alerts = useQuery({
    queryKey: adminKeys.flashAlerts(orgId),
    queryFn: () => api<FlashAlert[]>(adminApi.flashAlerts(orgId)),
    refetchInterval: REFRESH_MS,
  });
  return (
    <>
      <PageHeader title={t('alerts.title')} description={t('alerts.description')} />
      <Stack gap="xl">
        <FlashAlertForm
          orgId={orgId}
          onSubmit={(input: FlashAlertInput) => api<FlashAlert>(adminApi.flashAlerts(orgId), { body: input })}
          onDone={(a) => {
            void queryClient.invalidateQueries({ queryKey: adminKeys.flashAlerts(orgId) });
            notify({ tone: 'success', message: t('alerts.published', { count: a.recipients }) });
          }}
        />
        <ListSection id="flash-list" title={t('alerts.listTitle')} list={alerts} emptyTitle={t('alerts.empty')}>
          <FlashAlertList alerts={alerts.data ?? []} />
        </ListSection>
      </Stack>
    </>
  );
}

/** The territory version: a coordinator alerts the staff of some or all member organizations. */
export function TerritoryFlashAlertsPage() {
  return <WithTerritory>{(territoryId) => <TerritoryFlashAlerts territoryId={territoryId} />}</WithTerritory>;
}

function TerritoryFlashAlerts({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation('learningAdmin');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const key = [...adminKeys.territory(territoryId), 'flash-alerts'];
  const members = useTerritoryMembers(territoryId);
  const alerts = useQuery({
    queryKey: key,
    queryFn: () => api<FlashAlert[]>(adminApi.territoryFlashAlerts(territoryId)),
    refetchInterval: REFRESH_MS,
  });
  return (
    <>
      <PageHeader title={t('alerts.territoryTitle')} description={t('alerts.territoryDescription')} />
      <Stack gap="xl">
        <FlashAlertForm
          orgId={null}
          members={members.options}
          onSubmit={(input) => api<FlashAlert>(adminApi.territoryFlashAlerts(territoryId), { body: input })}
          onDone={(a) => {
            void queryClient.invalidateQueries({ queryKey: key });
            notify({ tone: 'success', message: t('alerts.published', { count: a.recipients }) });
          }}
        />
        <ListSection id="flash-list" title={t('alerts.listTitle')} list={alerts} emptyTitle={t('alerts.empty')}>
          <FlashAlertList alerts={alerts.data ?? []} memberName={members.nameOf} />
        </ListSection>
      </Stack>
    </>
  );
}
