import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListFooter } from '../../../admin/components/ListFooter.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { SearchInput } from '../../../admin/components/SearchInput.js';
import { SortableTh, Th } from '../../../admin/components/SortableTh.js';
import { usePagedList } from '../../../admin/components/usePagedList.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { LibraryTabs, libraryPath } from '../components/LibraryTabs.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import type { Profile } from '../types.js';
import { ArchiveProfile, TestEmailModal } from './profile-actions.js';

const defaults = { q: '', sort: 'name', page: '1', pageSize: '25' };

/** The SMTP servers the organization's campaigns send through, with their pace and sending hours. */
export function ProfilesPage() {
  return <WithOrg>{(orgId) => <Profiles orgId={orgId} />}</WithOrg>;
}

function Profiles({ orgId }: { orgId: string }) {
  const { t } = useTranslation('phishingLibrary');
  const { state, set, list, footer, onSort } = usePagedList<Profile, keyof typeof defaults>(
    libraryKeys.profiles(orgId),
    libraryApi.profiles(orgId),
    defaults,
  );
  const [testing, setTesting] = useState<Profile | null>(null);
  const [archiving, setArchiving] = useState<Profile | null>(null);
  return (
    <>
      <PageHeader
        title={t('profiles.title')}
        description={t('profiles.description')}
        actions={
          <Button component={Link} to={libraryPath('profiles', '/new')}>
            {t('profiles.create')}
          </Button>
        }
      />
      <LibraryTabs />
      <Group align="flex-end" gap="sm" mb="md">
        <SearchInput label={t('profiles.search')} value={state.q} onSearch={(q) => set({ q })} />
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={t('profiles.empty')}
        emptyDescription={t('profiles.emptyHint')}
      >
        <DataTable
          caption={t('profiles.title')}
          minWidth={900}
          head={
            <>
              <SortableTh label={t('profiles.name')} column="name" sort={state.sort} onSort={onSort} />
              <Th>{t('profiles.server')}</Th>
              <Th>{t('profiles.sender')}</Th>
              <Th>{t('profiles.pace')}</Th>
              <SortableTh label={t('fields.updatedAt')} column="updatedAt" sort={state.sort} onSort={onSort} />
              <Th>{t('common.actions')}</Th>
            </>
          }
        >
          {list.data?.items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={libraryPath('profiles', `/${encodeURIComponent(p.id)}`)} fw={600}>
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{`${p.host}:${p.port}`}</Text>
                <Text size="xs" c="dimmed">
                  {t(`tlsModes.${p.tlsMode}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{p.fromName}</Text>
                <Text size="xs" c="dimmed">
                  {p.fromAddress}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t('profiles.rate', { count: p.ratePerMinute })}</Text>
                <Text size="xs" c="dimmed">
                  {`${p.windowDays.map((d) => t(`weekdaysShort.${d}`)).join(' ')} · ${p.windowStart}–${p.windowEnd} (${p.timeZone})`}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.updatedAt.slice(0, 10)}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Button size="xs" variant="light" onClick={() => setTesting(p)} aria-label={t('profiles.testOf', { name: p.name })}>
                    {t('profiles.test')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    c="red.9"
                    onClick={() => setArchiving(p)}
                    aria-label={t('profiles.archiveOf', { name: p.name })}
                  >
                    {t('common.archive')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <ListFooter {...footer} />
      </ListStatus>
      <TestEmailModal orgId={orgId} profile={testing} onClose={() => setTesting(null)} />
      <ArchiveProfile orgId={orgId} profile={archiving} onClose={() => setArchiving(null)} />
    </>
  );
}
