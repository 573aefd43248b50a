import { Button, Checkbox, Group, List, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Callout } from '../../../admin/components/Callout.js';
import { ErrorAlert } from '../../../admin/components/ErrorAlert.js';
import { api } from '../../../api.js';
import { auditsApi, auditsKeys } from '../endpoints.js';
import type { AuditDetail } from '../types.js';
import { groupByTerritory, type ShareCandidate, type ShareCandidates, shareCandidatesPath, stillOffered } from './share-candidates.js';

interface Props {
  orgId: string;
  audit: AuditDetail;
  /** The coordinator's territory (header switcher): candidates and sharing then go through the territory routes. */
  territoryId: string | null;
  opened: boolean;
  onClose: () => void;
  onShared: (audit: AuditDetail) => void;
}

/**
 * Shares an audit with other members of the lead's territories. The server says who may join
 * (same company in their register) and who may not and why, so an organization admin needs no
 * right on the territory itself; the provider is asked to agree before the new participants read anything.
 */
export function ShareModal({ orgId, audit, territoryId, opened, onClose, onShared }: Props) {
  const { t, i18n } = useTranslation('suppliersAudits');
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string[]>([]);
  const key = [...auditsKeys.audit(orgId, audit.id), 'share-candidates', territoryId] as const;
  const candidates = useQuery({
    queryKey: key,
    queryFn: () => api<ShareCandidates>(shareCandidatesPath(orgId, audit.id, territoryId)),
    enabled: opened,
  });
  const items = candidates.data?.items ?? [];
  const share = useMutation({
    mutationFn: () =>
      api<AuditDetail>(territoryId ? auditsApi.territoryShare(territoryId, audit.id) : auditsApi.auditAction(orgId, audit.id, 'share'), {
        body: { organizationIds: stillOffered(picked, items) },
      }),
    onSuccess: (next) => {
      setPicked([]);
      void queryClient.invalidateQueries({ queryKey: key });
      onShared(next);
    },
  });
  const close = () => {
    setPicked([]);
    share.reset();
    onClose();
  };
  const ends = (day: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const detailsOf = (c: ShareCandidate) =>
    [
      t('sharingCandidates.inRegister', { name: c.supplierName }),
      c.contractEndsOn ? t('sharingCandidates.contractEnds', { date: ends(c.contractEndsOn) }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  const ineligible = candidates.data?.ineligible ?? [];
  const count = stillOffered(picked, items).length;

  return (
    <Modal opened={opened} onClose={close} title={t('sharing.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Text size="sm">{t('sharing.explain')}</Text>
        {audit.providerAgreedSharedAt ? <Callout color="yellow">{t('sharingCandidates.reconsent')}</Callout> : null}
        {candidates.isPending && opened ? (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">{t('sharingCandidates.loading')}</Text>
          </Group>
        ) : null}
        <ErrorAlert error={candidates.error} />
        {candidates.data && items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {ineligible.length === 0 ? t('sharingCandidates.noMembers') : t('sharingCandidates.none')}
          </Text>
        ) : null}
        {items.length > 0 ? (
          <Stack gap={2}>
            <Title order={3} size="sm">
              {t('sharingCandidates.pick')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('sharingCandidates.pickHint')}
            </Text>
          </Stack>
        ) : null}
        {groupByTerritory(items).map((group) => {
          const inGroup = new Set(group.items.map((c) => c.organizationId));
          return (
            <Checkbox.Group
              key={group.territoryId}
              label={group.territoryName}
              value={picked.filter((id) => inGroup.has(id))}
              onChange={(values) => setPicked([...picked.filter((id) => !inGroup.has(id)), ...values])}
            >
              <Stack gap="xs" mt="xs">
                {group.items.map((c) => (
                  <Checkbox key={c.organizationId} value={c.organizationId} label={c.name} description={detailsOf(c)} />
                ))}
              </Stack>
            </Checkbox.Group>
          );
        })}
        {items.length > 0 ? (
          <Text size="sm" aria-live="polite">
            {t('sharingCandidates.selected', { count })}
          </Text>
        ) : null}
        {ineligible.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="sm">
              {t('sharingCandidates.ineligibleTitle')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('sharingCandidates.ineligibleHint')}
            </Text>
            <List size="sm" c="dimmed" spacing={2}>
              {ineligible.map((m) => (
                <List.Item key={m.organizationId}>
                  {t('sharingCandidates.ineligibleItem', {
                    name: m.name,
                    territory: m.territoryName,
                    reason: t(`sharingCandidates.reason.${m.reason}`),
                  })}
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
        <ErrorAlert error={share.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => share.mutate()} loading={share.isPending} disabled={count === 0}>
            {t('sharing.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
