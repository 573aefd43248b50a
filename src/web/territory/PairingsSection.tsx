import { Anchor, Button, Group, NativeSelect, Paper, Radio, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ConfirmModal } from '../admin/components/ConfirmModal.js';
import { DataTable } from '../admin/components/DataTable.js';
import { ErrorAlert } from '../admin/components/ErrorAlert.js';
import { ListStatus } from '../admin/components/ListStatus.js';
import { Th } from '../admin/components/SortableTh.js';
import { api } from '../api.js';
import { territoryApi, territoryKeys } from './endpoints.js';
import type { MemberSharing, Mentor, OrgRef, Pairing } from './types.js';

export const planPath = (p: { territoryId: string; id: string }) =>
  `/territory/mentoring/${encodeURIComponent(p.territoryId)}/pairings/${encodeURIComponent(p.id)}`;

/** Pairings of the territory (current, ended), pairing a member with a mentor, ending a pairing. */
export function PairingsSection({ territoryId, canManage }: { territoryId: string; canManage: boolean }) {
  const { t, i18n } = useTranslation('territory');
  const client = useQueryClient();
  const [state, setState] = useState('active');
  const [ending, setEnding] = useState<Pairing | null>(null);
  const [note, setNote] = useState('');
  const pairings = useQuery({
    queryKey: [...territoryKeys.mentoring(territoryId), 'pairings', state],
    queryFn: () => api<{ items: Pairing[] }>(territoryApi.pairings(territoryId, state)),
  });
  const end = useMutation({
    mutationFn: (p: Pairing) =>
      api<Pairing>(territoryApi.endPairing(territoryId, p.id), { body: note.trim() ? { note: note.trim() } : {} }),
    onSuccess: () => {
      setEnding(null);
      setNote('');
      void client.invalidateQueries({ queryKey: territoryKeys.mentoring(territoryId) });
    },
  });
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { dateStyle: 'medium' });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pairings-title">
      <Title order={2} size="h3" id="pairings-title" mb="sm">
        {t('mentoring.pairings')}
      </Title>
      {canManage ? <NewPairing territoryId={territoryId} /> : null}
      <SegmentedControl
        my="sm"
        aria-label={t('mentoring.pairingsState')}
        value={state}
        onChange={setState}
        data={['active', 'ended', 'all'].map((s) => ({ value: s, label: t(`mentoring.states.${s}`) }))}
      />
      <ListStatus
        isPending={pairings.isPending}
        error={pairings.error}
        isEmpty={(pairings.data?.items.length ?? 0) === 0}
        emptyTitle={t('mentoring.noPairing')}
      >
        <DataTable
          caption={t('mentoring.pairings')}
          minWidth={640}
          head={
            <>
              <Th>{t('mentoring.mentee')}</Th>
              <Th>{t('mentoring.mentor')}</Th>
              <Th>{t('mentoring.period')}</Th>
              <Th>{t('mentoring.actions')}</Th>
            </>
          }
        >
          {pairings.data?.items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={planPath(p)} fw={600}>
                  {p.mentee.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {p.mentor.displayName}
                <Text size="xs" c="dimmed">
                  {p.mentor.organization.name}
                </Text>
              </Table.Td>
              <Table.Td>
                {p.endedAt
                  ? t('mentoring.fromTo', { from: date(p.startedAt), to: date(p.endedAt) })
                  : t('mentoring.since', { from: date(p.startedAt) })}
              </Table.Td>
              <Table.Td>
                {canManage && !p.endedAt ? (
                  <Button size="xs" variant="default" color="red.9" onClick={() => setEnding(p)}>
                    {t('mentoring.end')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListStatus>
      <ConfirmModal
        opened={ending !== null}
        title={t('mentoring.endTitle')}
        confirmLabel={t('mentoring.end')}
        onConfirm={() => ending && end.mutate(ending)}
        onClose={() => {
          setEnding(null);
          end.reset();
        }}
        loading={end.isPending}
        error={end.error}
      >
        <Stack gap="sm">
          <Text>{ending ? t('mentoring.endText', { mentee: ending.mentee.name, mentor: ending.mentor.displayName }) : ''}</Text>
          <Textarea
            label={t('mentoring.endNote')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
          />
        </Stack>
      </ConfirmModal>
    </Paper>
  );
}

function NewPairing({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation('territory');
  const client = useQueryClient();
  // The heatmap links here with ?mentee= to start a pairing for that member.
  const [params] = useSearchParams();
  const [menteeId, setMenteeId] = useState(params.get('mentee') ?? '');
  const menteeSelect = useRef<HTMLSelectElement>(null);
  const fromHeatmap = params.has('mentee');
  // Arriving from the heatmap, the form sits below the mentors: bring it into view (focus stays
  // where the shell puts it on navigation, the page's start, for screen readers).
  useEffect(() => {
    if (fromHeatmap) menteeSelect.current?.scrollIntoView({ block: 'center' });
  }, [fromHeatmap]);
  const [mentorId, setMentorId] = useState('');
  const members = useQuery({
    queryKey: territoryKeys.membersSharing(territoryId),
    queryFn: () => api<{ items: MemberSharing[] }>(territoryApi.membersSharing(territoryId)),
  });
  const suggestions = useQuery({
    queryKey: [...territoryKeys.mentoring(territoryId), 'suggestions', menteeId],
    queryFn: () => api<{ mentee: OrgRef; items: Array<Mentor & { sameKind: boolean }> }>(territoryApi.suggestions(territoryId, menteeId)),
    enabled: menteeId !== '',
  });
  const pair = useMutation({
    mutationFn: () => api<Pairing>(territoryApi.pairingsBase(territoryId), { body: { mentorId, organizationId: menteeId } }),
    onSuccess: () => {
      setMenteeId('');
      setMentorId('');
      void client.invalidateQueries({ queryKey: territoryKeys.mentoring(territoryId) });
    },
  });
  return (
    <Stack gap="sm" mb="md">
      <Title order={3} size="h4">
        {t('mentoring.newPairing')}
      </Title>
      <NativeSelect
        ref={menteeSelect}
        label={t('mentoring.chooseMentee')}
        value={menteeId}
        onChange={(e) => {
          setMenteeId(e.currentTarget.value);
          setMentorId('');
        }}
        data={[
          { value: '', label: t('mentoring.chooseMenteePlaceholder') },
          ...(members.data?.items ?? []).map((m) => ({ value: m.organizationId, label: m.name })),
        ]}
      />
      {menteeId ? (
        suggestions.error ? (
          <ErrorAlert error={suggestions.error} />
        ) : suggestions.data && suggestions.data.items.length === 0 ? (
          <Text size="sm">{t('mentoring.noSuggestion')}</Text>
        ) : (
          <Radio.Group label={t('mentoring.suggestions')} value={mentorId} onChange={setMentorId}>
            <Stack gap={6} mt={6}>
              {suggestions.data?.items.map((m) => (
                <Radio
                  key={m.id}
                  value={m.id}
                  label={`${m.displayName} — ${m.organization.name}`}
                  description={`${t('mentoring.loadValue', { active: m.activeMentees, capacity: m.capacity, left: m.capacityLeft })}${m.sameKind ? ` · ${t('mentoring.sameKind')}` : ''}`}
                />
              ))}
            </Stack>
          </Radio.Group>
        )
      ) : null}
      <ErrorAlert error={pair.error} />
      <Group>
        <Button onClick={() => pair.mutate()} disabled={!menteeId || !mentorId} loading={pair.isPending}>
          {t('mentoring.pair')}
        </Button>
      </Group>
    </Stack>
  );
}
