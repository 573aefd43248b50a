import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../admin/components/DataTable.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { Th } from '../admin/components/SortableTh.js';
import { api } from '../api.js';
import { WithTerritory } from '../learning/admin/components/scoped.js';
import { territoryApi, territoryKeys } from './endpoints.js';
import { type MemberSharing, sharingDomains } from './types.js';

/** Coordinators' read-only overview: what each member shares with the territory; members decide. */
export function MembersSharingPage() {
  return <WithTerritory>{(territoryId) => <MembersSharing territoryId={territoryId} />}</WithTerritory>;
}

function MembersSharing({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation('territory');
  const list = useQuery({
    queryKey: territoryKeys.membersSharing(territoryId),
    queryFn: () => api<{ items: MemberSharing[] }>(territoryApi.membersSharing(territoryId)),
  });
  return (
    <>
      <PageHeader title={t('membersSharing.title')} description={t('membersSharing.description')} />
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.items.length ?? 0) === 0}
        emptyTitle={t('membersSharing.emptyTitle')}
      >
        <DataTable
          caption={t('membersSharing.title')}
          minWidth={760}
          head={
            <>
              <Th>{t('membersSharing.member')}</Th>
              {sharingDomains.map((d) => (
                <Th key={d}>{t(`domains.${d}.label`)}</Th>
              ))}
            </>
          }
        >
          {list.data?.items.map((m) => (
            <Table.Tr key={m.organizationId}>
              <Table.Th scope="row" fw={600}>
                {m.name}
                {m.isLead ? (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {t('membersSharing.lead')}
                  </Text>
                ) : null}
              </Table.Th>
              {sharingDomains.map((d) => (
                <Table.Td key={d}>{m.domains[d] ? `✓ ${t('membersSharing.shared')}` : `— ${t('membersSharing.notShared')}`}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </DataTable>
      </ListStatus>
    </>
  );
}
