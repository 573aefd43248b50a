import { Anchor, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../admin/components/DataTable.js';
import { ListFooter } from '../admin/components/ListFooter.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { NoOrgState } from '../admin/components/NoOrgState.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { Th } from '../admin/components/SortableTh.js';
import { useUrlState } from '../admin/components/useUrlState.js';
import { api, type Page } from '../api.js';
import { useMe } from '../me.js';
import { formatDateTime } from './dates.js';
import { ExerciseStatusBadge } from './ExerciseStatusBadge.js';
import { exercisePath, exercisesApi, exercisesKeys } from './endpoints.js';
import { OwnerSwitch, useOwner } from './owner.js';
import { canManage } from './permissions.js';
import { type ExerciseSummary, exerciseStatuses, type Owner } from './types.js';

const defaults = { status: '', page: '1', pageSize: '25' };

/** The exercises of the establishment or territory chosen in the header, newest first. */
export function ExercisesPage() {
  const { t } = useTranslation('exercises');
  const { owner, both, setKind } = useOwner();
  const me = useMe().data?.account;
  if (!owner) return <NoOrgState />;
  const mayCreate = Boolean(me && canManage(me, owner));
  const newHref = `/exercises/new${owner.kind === 'territory' ? '?scope=territory' : ''}`;
  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t(owner.kind === 'org' ? 'list.descriptionOrg' : 'list.descriptionTerritory')}
        actions={
          <>
            <Button component={Link} to="/exercises/scenarios" variant="default">
              {t('list.library')}
            </Button>
            {mayCreate ? (
              <Button component={Link} to={newHref}>
                {t('list.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <ExerciseList key={`${owner.kind}:${owner.id}`} owner={owner} both={both} setKind={setKind} newHref={mayCreate ? newHref : null} />
    </>
  );
}

function ExerciseList({
  owner,
  both,
  setKind,
  newHref,
}: {
  owner: Owner;
  both: boolean;
  setKind: (k: Owner['kind']) => void;
  newHref: string | null;
}) {
  const { t, i18n } = useTranslation('exercises');
  const [state, set] = useUrlState(defaults);
  const page = Number(state.page) || 1;
  const pageSize = Number(state.pageSize) || 25;
  const list = useQuery({
    queryKey: [...exercisesKeys.owner(owner), 'list', state.status, page, pageSize],
    queryFn: () => api<Page<ExerciseSummary>>(exercisesApi.list(owner, { status: state.status, page, pageSize })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        {both ? <OwnerSwitch owner={owner} setKind={setKind} /> : null}
        <NativeSelect
          label={t('columns.status')}
          value={state.status}
          onChange={(e) => set({ status: e.currentTarget.value })}
          data={[{ value: '', label: t('list.allStatuses') }, ...exerciseStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
        />
      </Group>
      <ListStatus
        isPending={list.isPending}
        error={list.error}
        isEmpty={(list.data?.total ?? 0) === 0}
        emptyTitle={state.status ? t('list.emptyFiltered') : t('list.empty')}
        emptyDescription={state.status ? undefined : t('list.emptyHint')}
        emptyAction={
          newHref && !state.status ? (
            <Button component={Link} to={newHref}>
              {t('list.new')}
            </Button>
          ) : undefined
        }
      >
        <DataTable
          caption={t('list.title')}
          minWidth={720}
          head={
            <>
              <Th>{t('columns.title')}</Th>
              <Th>{t('columns.status')}</Th>
              <Th>{t('columns.level')}</Th>
              <Th>{t('columns.plannedStart')}</Th>
              <Th>{t('columns.createdAt')}</Th>
            </>
          }
        >
          {list.data?.items.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td miw={220}>
                <Anchor component={Link} to={exercisePath(owner, x.id)} fw={600}>
                  {x.title}
                </Anchor>
                {x.kind === 'incident' ? (
                  <Text size="xs" c="dimmed">
                    {t('list.incident')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <ExerciseStatusBadge status={x.status} />
              </Table.Td>
              <Table.Td>{t(`levels.${x.level}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(x.plannedStart, i18n.language)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(x.createdAt, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
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
