import { Anchor, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { api } from '../../../api.js';
import { AuditStatusBadge } from '../components/AuditStatusBadge.js';
import { auditsApi, auditsKeys } from '../endpoints.js';
import type { PortalSummary } from '../types.js';

/** A provider contact's audits (portal): cards rather than a table, so a phone reads them well. */
export function PortalListPage() {
  const { t } = useTranslation('suppliersAudits');
  const list = useQuery({ queryKey: auditsKeys.portal, queryFn: () => api<{ items: PortalSummary[] }>(auditsApi.portalAudits) });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('portal.listTitle')} description={t('portal.listDescription')} />
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={items.length === 0}
        emptyTitle={t('portal.empty')}
        emptyDescription={t('portal.emptyDescription')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {items.map((a) => (
            <Card key={a.id} withBorder radius="md" padding="md">
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Anchor component={Link} to={`/portal/audits/${encodeURIComponent(a.id)}`} fw={600}>
                    {a.title}
                  </Anchor>
                  <AuditStatusBadge status={a.status} />
                </Group>
                <Text size="sm">{t('portal.requestedBy', { name: a.establishmentName })}</Text>
                <Text size="sm" c="dimmed">
                  {a.submittedAt ? t('portal.submittedOn', { date: a.submittedAt.slice(0, 10) }) : t('portal.dueOn', { date: a.dueOn })}
                </Text>
                {a.shared && !a.sharingAgreed ? (
                  <Text size="sm" c="orange.9">
                    {t('portal.sharingPending')}
                  </Text>
                ) : null}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </ListStatus>
    </>
  );
}
