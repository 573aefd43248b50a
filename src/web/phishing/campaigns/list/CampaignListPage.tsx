import { Anchor, Badge, Button, Group, NativeSelect, Progress, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { DataTable } from '../../../admin/components/DataTable.js';
import { ListFooter } from '../../../admin/components/ListFooter.js';
import { ListStatus } from '../../../admin/components/ListStatus.js';
import { PageHeader } from '../../../admin/components/PageHeader.js';
import { SearchInput } from '../../../admin/components/SearchInput.js';
import { SortableTh, Th } from '../../../admin/components/SortableTh.js';
import { useUrlState } from '../../../admin/components/useUrlState.js';
import { qs } from '../../../admin/endpoints.js';
import { api, type Page } from '../../../api.js';
import { useCurrentScope } from '../../../shell/scope.js';
import { campaignPath, DifficultyBadge, StatusBadge, useFormatDate, useViewer, WithOwner } from '../common.js';
import { formatCount, sentPercent } from '../display.js';
import { campaignApi, campaignKeys, type Owner } from '../endpoints.js';
import { type Campaign, campaignStatuses } from '../types.js';

const defaults = { q: '', status: '', sort: '-createdAt', page: '1', pageSize: '25' };

/** Campaigns of the organization (with the territory campaigns reaching its staff), or of the territory. */
export function CampaignListPage({ kind }: { kind: Owner['kind'] }) {
  const { orgId, territoryId } = useCurrentScope();
  // A territory coordinator with no organization chosen lands on the territory's campaigns.
  if (kind === 'org' && !orgId && territoryId) return <Navigate to="/phishing/territory/campaigns" replace />;
  return <WithOwner kind={kind}>{(owner) => <CampaignList owner={owner} />}</WithOwner>;
}

function CampaignList({ owner }: { owner: Owner }) {
  const { t, i18n } = useTranslation('phishingCampaigns');
  const { t: ta } = useTranslation('admin');
  const { territoryId, orgId } = useCurrentScope();
  const viewer = useViewer();
  const date = useFormatDate();
  const [state, set] = useUrlState(defaults);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 25;
  const list = useQuery({
    queryKey: [...campaignKeys.list(owner), state],
    queryFn: () =>
      api<Page<Campaign>>(`${campaignApi.campaigns(owner)}${qs({ q: state.q, status: state.status, sort: state.sort, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const filtered = state.q !== '' || state.status !== '';
  const create = (
    <Button component={Link} to={campaignPath(owner, undefined, '/new')}>
      {t('list.create')}
    </Button>
  );
  const other =
    owner.kind === 'org' && territoryId && viewer.coordinator ? (
      <Button variant="default" component={Link} to="/phishing/territory/campaigns">
        {t('list.territoryCampaigns')}
      </Button>
    ) : owner.kind === 'territory' && orgId ? (
      <Button variant="default" component={Link} to="/phishing/campaigns">
        {t('list.orgCampaigns')}
      </Button>
    ) : null;
  return (
    <>
      <PageHeader
        title={owner.kind === 'org' ? t('list.title') : t('list.territoryTitle')}
        description={t('list.description')}
        actions={
          <>
            {other}
            {create}
          </>
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SearchInput label={t('list.search')} value={state.q} onSearch={(q) => set({ q })} />
        <NativeSelect
          label={t('fields.status')}
          value={state.status}
          onChange={(e) => set({ status: e.currentTarget.value })}
          data={[{ value: '', label: t('list.allStatuses') }, ...campaignStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
        />
        {filtered ? (
          <Button variant="subtle" onClick={() => set({ q: '', status: '' })}>
            {ta('common.clearFilters')}
          </Button>
        ) : null}
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={filtered ? ta('common.noMatch') : t('list.emptyTitle')}
        emptyDescription={filtered ? undefined : t('list.emptyDescription')}
        emptyAction={filtered ? undefined : create}
      >
        <DataTable
          caption={t('list.title')}
          minWidth={900}
          head={
            <>
              <SortableTh label={t('fields.name')} column="name" sort={state.sort} onSort={(sort) => set({ sort })} />
              <Th>{t('fields.status')}</Th>
              <Th>{t('fields.difficulty')}</Th>
              <SortableTh label={t('fields.launchAt')} column="launchAt" sort={state.sort} onSort={(sort) => set({ sort })} />
              <Th>{t('fields.progress')}</Th>
              <SortableTh label={t('fields.createdAt')} column="createdAt" sort={state.sort} onSort={(sort) => set({ sort })} />
            </>
          }
        >
          {list.data?.items.map((c) => {
            const shared = owner.kind === 'org' && c.territoryId !== null;
            return (
              <Table.Tr key={c.id}>
                <Table.Td miw={240}>
                  <Stack gap={2}>
                    <Anchor component={Link} to={campaignPath(owner, c.id)} fw={600}>
                      {c.name}
                    </Anchor>
                    {shared ? (
                      <Badge size="xs" variant="dot" color="grape">
                        {t('list.fromTerritory')}
                      </Badge>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} />
                </Table.Td>
                <Table.Td>
                  <DifficultyBadge difficulty={c.difficulty} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(c.launchAt)}</Table.Td>
                <Table.Td miw={160}>
                  <Progress value={sentPercent(c.progress)} size="sm" aria-label={t('list.progressLabel', { name: c.name })} />
                  <Text size="xs" c="dimmed">
                    {t('list.sentOf', {
                      sent: formatCount(c.progress.sent, i18n.language),
                      targets: formatCount(c.progress.targets, i18n.language),
                    })}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(c.createdAt, false)}</Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
        <ListFooter
          page={page}
          pageSize={pageSize}
          total={list.data?.total ?? 0}
          onPage={(p) => set({ page: String(p) })}
          onPageSize={(n) => set({ pageSize: String(n) })}
        />
      </ListStatus>
    </>
  );
}
