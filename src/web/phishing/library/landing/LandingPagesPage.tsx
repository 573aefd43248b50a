import { Anchor, Button, Group, NativeSelect, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../admin/components/DataTable.js';
import { FilterSelect } from '../../../admin/components/FilterSelect.js';
import { ListFooter } from '../../../admin/components/ListFooter.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { SearchInput } from '../../../admin/components/SearchInput.js';
import { SortableTh, Th } from '../../../admin/components/SortableTh.js';
import { usePagedList } from '../../../admin/components/usePagedList.js';
import { WithOrg } from '../../../learning/admin/components/scoped.js';
import { ArchivedBadge, LanguageBadges, OriginBadge } from '../components/badges.js';
import { LibraryTabs, libraryPath } from '../components/LibraryTabs.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import { type LandingSummary, landingKinds, languages, origins } from '../types.js';

const defaults = { q: '', kind: '', language: '', origin: '', archived: 'false', sort: 'title', page: '1', pageSize: '25' };

/** The pages a click leads to (a sign-in form, a webmail, a shared file): the catalogue's and the organization's own. */
export function LandingPagesPage() {
  return <WithOrg>{(orgId) => <LandingPages orgId={orgId} />}</WithOrg>;
}

function LandingPages({ orgId }: { orgId: string }) {
  const { t } = useTranslation('phishingLibrary');
  const { state, set, list, footer, onSort } = usePagedList<LandingSummary, keyof typeof defaults>(
    libraryKeys.landings(orgId),
    libraryApi.landings(orgId),
    defaults,
  );
  return (
    <>
      <PageHeader
        title={t('landings.title')}
        description={t('landings.description')}
        actions={
          <Button component={Link} to={libraryPath('landing-pages', '/new')}>
            {t('landings.create')}
          </Button>
        }
      />
      <LibraryTabs />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SearchInput label={t('landings.search')} value={state.q} onSearch={(q) => set({ q })} />
        <FilterSelect
          label={t('fields.kind')}
          value={state.kind}
          onChange={(kind) => set({ kind })}
          options={landingKinds.map((v) => ({ value: v, label: t(`landingKinds.${v}`) }))}
          allLabel={t('common.all')}
        />
        <FilterSelect
          label={t('fields.language')}
          value={state.language}
          onChange={(language) => set({ language })}
          options={languages.map((v) => ({ value: v, label: t(`languages.${v}`) }))}
          allLabel={t('common.all')}
        />
        <FilterSelect
          label={t('fields.origin')}
          value={state.origin}
          onChange={(origin) => set({ origin })}
          options={origins.map((v) => ({ value: v, label: t(`origins.${v}`) }))}
          allLabel={t('common.all')}
        />
        <NativeSelect
          label={t('fields.archived')}
          value={state.archived}
          onChange={(e) => set({ archived: e.currentTarget.value })}
          data={(['false', 'true', 'all'] as const).map((v) => ({ value: v, label: t(`archivedFilter.${v}`) }))}
        />
        <Button variant="subtle" onClick={() => set({ q: '', kind: '', language: '', origin: '', archived: 'false' })}>
          {t('common.clearFilters')}
        </Button>
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={t('landings.empty')}
        emptyDescription={t('landings.emptyHint')}
      >
        <DataTable
          caption={t('landings.title')}
          minWidth={760}
          head={
            <>
              <SortableTh label={t('fields.title')} column="title" sort={state.sort} onSort={onSort} />
              <Th>{t('fields.kind')}</Th>
              <Th>{t('fields.languages')}</Th>
              <Th>{t('fields.origin')}</Th>
              <SortableTh label={t('fields.updatedAt')} column="updatedAt" sort={state.sort} onSort={onSort} />
            </>
          }
        >
          {list.data?.items.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td miw={260}>
                <Anchor component={Link} to={libraryPath('landing-pages', `/${encodeURIComponent(l.id)}`)} fw={600}>
                  {l.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`landingKinds.${l.kind}`)}</Table.Td>
              <Table.Td>
                <LanguageBadges languages={l.languages} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <OriginBadge origin={l.origin} />
                  <ArchivedBadge archived={l.archived} />
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.updatedAt.slice(0, 10)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <ListFooter {...footer} />
      </ListStatus>
    </>
  );
}
