import { Anchor, Button, Checkbox, Group, NativeSelect, Stack, Table, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DataTable } from '../admin/components/DataTable.js';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { NoOrgState } from '../admin/components/NoOrgState.js';
import { PageHeader } from '../admin/components/PageHeader.js';
import { Th } from '../admin/components/SortableTh.js';
import { ApiError, api } from '../api.js';
import { fromLocalInput } from './dates.js';
import { exercisePath, exercisesApi, exercisesKeys } from './endpoints.js';
import { useOwner } from './owner.js';
import { useScenarios } from './ScenariosPage.js';
import { type ExerciseDetail, type Owner, pick, type ScenarioSummary } from './types.js';

interface Member {
  organizationId: string;
  name: string;
  isLead: boolean;
}

/** A new exercise from a library scenario; a territory's names the member organizations that play. */
export function NewExercisePage() {
  const { owner } = useOwner();
  if (!owner) return <NoOrgState />;
  return <NewExercise key={`${owner.kind}:${owner.id}`} owner={owner} />;
}

function NewExercise({ owner }: { owner: Owner }) {
  const { t, i18n } = useTranslation('exercises');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const scenarios = useScenarios();
  const wantedScope = owner.kind === 'org' ? 'establishment' : 'territory';
  const offered = (scenarios.data?.items ?? []).filter((s) => s.scope === wantedScope);
  const [scenarioId, setScenarioId] = useState(params.get('scenario') ?? '');
  const [title, setTitle] = useState('');
  const [plannedStart, setPlannedStart] = useState('');
  // organizationId → chosen scenario cell ('' lets the server pick: lead for a lead establishment).
  const [cells, setCells] = useState<Record<string, string>>({});
  const scenario: ScenarioSummary | undefined = offered.find((s) => s.id === scenarioId) ?? offered[0];
  const create = useMutation({
    mutationFn: () =>
      api<ExerciseDetail>(exercisesApi.create(owner), {
        body: {
          scenarioId: scenario?.id ?? '',
          ...(title.trim() ? { title: title.trim() } : {}),
          plannedStart: fromLocalInput(plannedStart),
          ...(owner.kind === 'territory'
            ? {
                cells: Object.entries(cells).map(([organizationId, scenarioCellId]) => ({
                  organizationId,
                  ...(scenarioCellId ? { scenarioCellId } : {}),
                })),
              }
            : {}),
        },
      }),
    onSuccess: async (x) => {
      await client.invalidateQueries({ queryKey: exercisesKeys.owner(owner) });
      void navigate(exercisePath(owner, x.id));
    },
  });
  const fieldError = (field: string) =>
    create.error instanceof ApiError && create.error.field?.replace(/^body\./, '').startsWith(field) ? create.error.message : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const back = `/exercises${owner.kind === 'territory' ? '?scope=territory' : ''}`;
  return (
    <>
      <Anchor component={Link} to={back} size="sm">
        {t('detail.back')}
      </Anchor>
      <PageHeader title={t('create.title')} description={t(owner.kind === 'org' ? 'create.hintOrg' : 'create.hintTerritory')} />
      <ListStatus
        isPending={scenarios.isPending}
        error={scenarios.error}
        isEmpty={offered.length === 0}
        emptyTitle={t('create.noScenario')}
      >
        <form onSubmit={submit} noValidate>
          <Stack maw={720}>
            <NativeSelect
              label={t('create.scenario')}
              value={scenario?.id ?? ''}
              onChange={(e) => setScenarioId(e.currentTarget.value)}
              data={offered.map((s) => ({ value: s.id, label: `${pick(s.title, i18n.language)} (${t(`levels.${s.level}`)})` }))}
              error={fieldError('scenarioId')}
              required
            />
            <TextInput
              label={t('create.titleLabel')}
              description={t('create.titleHint')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={200}
              error={fieldError('title')}
            />
            <TextInput
              type="datetime-local"
              label={t('create.plannedStart')}
              value={plannedStart}
              onChange={(e) => setPlannedStart(e.currentTarget.value)}
              error={fieldError('plannedStart')}
            />
            {owner.kind === 'territory' && scenario ? (
              <MemberCells territoryId={owner.id} scenario={scenario} cells={cells} setCells={setCells} error={fieldError('cells')} />
            ) : null}
            <ErrorAlert error={create.error} />
            <Group>
              <Button type="submit" loading={create.isPending} disabled={!scenario}>
                {t('create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </ListStatus>
    </>
  );
}

function MemberCells({
  territoryId,
  scenario,
  cells,
  setCells,
  error,
}: {
  territoryId: string;
  scenario: ScenarioSummary;
  cells: Record<string, string>;
  setCells: (c: Record<string, string>) => void;
  error: string | null;
}) {
  const { t, i18n } = useTranslation('exercises');
  const members = useQuery({
    queryKey: ['exercises', 'territory-members', territoryId],
    queryFn: () => api<{ items: Member[] }>(exercisesApi.territoryMembers(territoryId)),
  });
  const toggle = (orgId: string, on: boolean) => {
    const next = { ...cells };
    if (on) next[orgId] = '';
    else delete next[orgId];
    setCells(next);
  };
  const cellOptions = [
    { value: '', label: t('create.cellAuto') },
    ...scenario.cells.map((c) => ({ value: c.id, label: pick(c.name, i18n.language) })),
  ];
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontWeight: 600 }}>{t('create.members')}</legend>
      {error ? <ErrorAlert error={new Error(error)} /> : null}
      <ListStatus
        isPending={members.isPending}
        error={members.error}
        isEmpty={(members.data?.items.length ?? 0) === 0}
        emptyTitle={t('create.noMembers')}
      >
        <DataTable
          caption={t('create.members')}
          minWidth={480}
          head={
            <>
              <Th>{t('create.plays')}</Th>
              <Th>{t('create.cellRole')}</Th>
            </>
          }
        >
          {members.data?.items.map((m) => (
            <Table.Tr key={m.organizationId}>
              <Table.Td>
                <Checkbox
                  label={m.isLead ? `${m.name} (${t('create.lead')})` : m.name}
                  checked={m.organizationId in cells}
                  onChange={(e) => toggle(m.organizationId, e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  aria-label={t('create.cellRoleOf', { name: m.name })}
                  disabled={!(m.organizationId in cells)}
                  value={cells[m.organizationId] ?? ''}
                  onChange={(e) => setCells({ ...cells, [m.organizationId]: e.currentTarget.value })}
                  data={cellOptions}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListStatus>
    </fieldset>
  );
}
