import { Anchor, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
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
import { ArchivedBadge, DifficultyBadge, LanguageBadges, OriginBadge } from '../components/badges.js';
import { LibraryTabs, libraryPath } from '../components/LibraryTabs.js';
import { libraryApi, libraryKeys } from '../endpoints.js';
import { difficulties, languages, origins, type TemplateSummary, templateThemes } from '../types.js';

const defaults = {
  q: '',
  theme: '',
  difficulty: '',
  language: '',
  origin: '',
  archived: 'false',
  sort: 'title',
  page: '1',
  pageSize: '25',
};

/** The email templates an organization can send: the shared catalogue and its own. */
export function TemplatesPage() {
  return <WithOrg>{(orgId) => <Templates orgId={orgId} />}</WithOrg>;
}

function Templates({ orgId }: { orgId: string }) {
  const { t } = useTranslation('phishingLibrary');
  const { state, set, list, footer, onSort } = usePagedList<TemplateSummary, keyof typeof defaults>(
    libraryKeys.templates(orgId),
    libraryApi.templates(orgId),
    defaults,
  );
  return (
    <>
      <PageHeader
        title={t('templates.title')}
        description={t('templates.description')}
        actions={
          <Button component={Link} to={libraryPath('templates', '/new')}>
            {t('templates.create')}
          </Button>
        }
      />
      <LibraryTabs />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SearchInput label={t('templates.search')} value={state.q} onSearch={(q) => set({ q })} />
        <FilterSelect
          label={t('fields.theme')}
          value={state.theme}
          onChange={(theme) => set({ theme })}
          options={templateThemes.map((v) => ({ value: v, label: t(`themes.${v}`) }))}
          allLabel={t('common.all')}
        />
        <FilterSelect
          label={t('fields.difficulty')}
          value={state.difficulty}
          onChange={(difficulty) => set({ difficulty })}
          options={difficulties.map((v) => ({ value: v, label: t(`difficulties.${v}`) }))}
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
        <Button variant="subtle" onClick={() => set({ q: '', theme: '', difficulty: '', language: '', origin: '', archived: 'false' })}>
          {t('common.clearFilters')}
        </Button>
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={t('templates.empty')}
        emptyDescription={t('templates.emptyHint')}
      >
        <DataTable
          caption={t('templates.title')}
          minWidth={980}
          head={
            <>
              <SortableTh label={t('fields.title')} column="title" sort={state.sort} onSort={onSort} />
              <SortableTh label={t('fields.difficulty')} column="difficulty" sort={state.sort} onSort={onSort} />
              <Th>{t('fields.cueCount')}</Th>
              <Th>{t('fields.languages')}</Th>
              <Th>{t('fields.origin')}</Th>
              <SortableTh label={t('fields.updatedAt')} column="updatedAt" sort={state.sort} onSort={onSort} />
            </>
          }
        >
          {list.data?.items.map((tpl) => (
            <Table.Tr key={tpl.id}>
              <Table.Td miw={320}>
                <Anchor component={Link} to={libraryPath('templates', `/${encodeURIComponent(tpl.id)}`)} fw={600}>
                  {tpl.title}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {t('common.labelValue', { label: t('fields.subject'), value: tpl.subject })}
                </Text>
              </Table.Td>
              <Table.Td>
                <DifficultyBadge difficulty={tpl.difficulty} />
              </Table.Td>
              <Table.Td>{tpl.cueCount}</Table.Td>
              <Table.Td>
                <LanguageBadges languages={tpl.languages} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <OriginBadge origin={tpl.origin} />
                  <ArchivedBadge archived={tpl.archived} />
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{tpl.updatedAt.slice(0, 10)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <ListFooter {...footer} />
      </ListStatus>
    </>
  );
}
