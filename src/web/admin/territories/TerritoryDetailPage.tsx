import { Anchor, Button, Card, Center, Loader, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api.js';
import type { MeAnswer } from '../../me.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PageHeader } from '../components/PageHeader.js';
import { useMe } from '../components/useMe.js';
import { endpoints } from '../endpoints.js';
import type { Territory, TerritoryDetail } from '../types.js';
import { TerritoryForm } from './TerritoryForm.js';
import { TerritoryMembers } from './TerritoryMembers.js';

/** Platform admins and the territory's coordinators manage it; others only read. */
function canManageTerritory(me: MeAnswer | undefined, territoryId: string): boolean {
  const grants = me?.account?.grants ?? [];
  return grants.some((g) => g.role === 'platform_admin' || (g.role === 'territory_coordinator' && g.scopeId === territoryId));
}

/** One territory: its name and kind, and its member organizations with their lead establishments. */
export function TerritoryDetailPage() {
  const { t } = useTranslation('admin');
  const { territoryId = '' } = useParams();
  const queryClient = useQueryClient();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const territory = useQuery({
    queryKey: ['admin', 'territory', territoryId],
    queryFn: () => api<TerritoryDetail>(endpoints.territory(territoryId)),
  });
  const canManage = canManageTerritory(me.data, territoryId);

  if (territory.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (territory.error) return <ErrorAlert error={territory.error} />;
  const tr = territory.data;

  return (
    <Stack>
      <Anchor component={Link} to="/admin/territories" size="sm">
        {t('territories.backToList')}
      </Anchor>
      <PageHeader
        title={tr.name}
        description={[t(`territoryKinds.${tr.kind}`), tr.region].filter(Boolean).join(' · ')}
        actions={
          canManage && !editing ? (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          ) : null
        }
      />
      {editing ? (
        <Card withBorder>
          <TerritoryForm
            initial={tr}
            submitLabel={t('common.save')}
            onSubmit={(input) => api<Territory>(endpoints.territory(territoryId), { method: 'PATCH', body: input })}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              void queryClient.invalidateQueries({ queryKey: ['admin', 'territory', territoryId] });
              void queryClient.invalidateQueries({ queryKey: ['admin', 'territories'] });
            }}
          />
        </Card>
      ) : null}
      <Text size="sm" c="dimmed">
        {t('territories.sharingNote')}
      </Text>
      <TerritoryMembers territory={tr} canManage={canManage} />
    </Stack>
  );
}
