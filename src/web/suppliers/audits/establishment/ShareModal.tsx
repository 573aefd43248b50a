import { Button, Group, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { auditsApi } from '../endpoints.js';
import type { AuditDetail } from '../types.js';

interface TerritoryMembers {
  id: string;
  name: string;
  members: Array<{ organizationId: string; name: string }>;
}

interface Props {
  orgId: string;
  audit: AuditDetail;
  /** The coordinator's territory (header switcher): sharing then goes through the territory route. */
  territoryId: string | null;
  opened: boolean;
  onClose: () => void;
  onShared: (audit: AuditDetail) => void;
}

/** Shares an audit with other members of a territory; the provider is asked to agree before they read anything. */
export function ShareModal({ orgId, audit, territoryId, opened, onClose, onShared }: Props) {
  const { t } = useTranslation('suppliersAudits');
  const [picked, setPicked] = useState<string[]>([]);
  const org = useQuery({
    queryKey: ['suppliersAudits', orgId, 'territories'],
    queryFn: () => api<{ territories?: Array<{ id: string; name: string }> }>(auditsApi.organization(orgId)),
    enabled: opened && territoryId === null,
  });
  const [chosenTerritory, setChosenTerritory] = useState<string | null>(null);
  const territory = territoryId ?? chosenTerritory ?? org.data?.territories?.[0]?.id ?? null;
  const members = useQuery({
    queryKey: ['suppliersAudits', 'territory-members', territory],
    queryFn: () => api<TerritoryMembers>(auditsApi.territory(territory ?? '')),
    enabled: opened && territory !== null,
  });
  const taken = new Set([audit.organizationId, ...audit.participants.map((p) => p.organizationId)]);
  const share = useMutation({
    mutationFn: () =>
      api<AuditDetail>(territoryId ? auditsApi.territoryShare(territoryId, audit.id) : auditsApi.auditAction(orgId, audit.id, 'share'), {
        body: { organizationIds: picked },
      }),
    onSuccess: (next) => {
      setPicked([]);
      onShared(next);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('sharing.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text size="sm">{t('sharing.explain')}</Text>
        {territoryId === null && (org.data?.territories?.length ?? 0) > 1 ? (
          <Select
            label={t('sharing.territory')}
            data={(org.data?.territories ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={territory}
            onChange={setChosenTerritory}
          />
        ) : null}
        {territory === null && !org.isPending ? (
          <Text size="sm" c="dimmed">
            {t('sharing.noTerritory')}
          </Text>
        ) : null}
        {members.isError ? (
          <Text size="sm" c="dimmed">
            {t('sharing.membersUnavailable')}
          </Text>
        ) : null}
        <MultiSelect
          label={t('sharing.organizations')}
          data={(members.data?.members ?? [])
            .filter((m) => !taken.has(m.organizationId))
            .map((m) => ({ value: m.organizationId, label: m.name }))}
          value={picked}
          onChange={setPicked}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
        />
        <ErrorAlert error={share.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => share.mutate()} loading={share.isPending} disabled={picked.length === 0}>
            {t('sharing.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
